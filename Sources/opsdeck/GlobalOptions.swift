import ArgumentParser
import Engine
import Foundation

/// Options every command that touches the store takes.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The store: a SQLite file, or a team's PostgreSQL database as postgresql://user@host:port/db (default: $OPSDECK_DB, else the SQLite file in the user's data folder).",
        valueName: "path|url"))
    var db: String?

    var path: String {
        let env = ProcessInfo.processInfo.environment
        if let db { return db }
        if let shared = env["OPSDECK_DB"], !shared.trimmingCharacters(in: .whitespaces).isEmpty { return shared }
        return Store.defaultPath(environment: env)
    }

    func validate() throws {
        if let db, db.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--db needs a path to the store's file (e.g. ./opsdeck.sqlite) or a postgresql:// URL; found an empty value")
        }
    }

    /// Opens the store; `create: false` for commands that only read it, so a mistyped
    /// `--db` is refused instead of becoming a new empty store.
    func open(create: Bool = true) throws -> Store {
        do { return try Store(path: path, create: create) } catch { throw CLIError(error.description) }
    }
}
