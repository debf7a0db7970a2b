import ArgumentParser
import Engine
import Foundation

/// Options every command that touches the store takes.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store (SQLite).", valueName: "path"))
    var db: String?

    var path: String { db ?? Store.defaultPath(environment: ProcessInfo.processInfo.environment) }

    func validate() throws {
        if let db, db.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--db needs a path to the store's file (e.g. ./opsdeck.sqlite); found an empty value")
        }
    }

    /// Opens the store; `create: false` for commands that only read it, so a mistyped
    /// `--db` is refused instead of becoming a new empty store.
    func open(create: Bool = true) throws -> Store {
        do { return try Store(path: path, create: create) } catch { throw CLIError(error.description) }
    }
}
