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

/// A user error: one clear line on stderr, exit status 1, never a stack trace.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

enum Terminal {
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data(("opsdeck: " + message + "\n").utf8))
    }

    /// Who is at the keyboard, for decisions and the audit log.
    static var user: String {
        let env = ProcessInfo.processInfo.environment
        return env["OPSDECK_USER"] ?? env["USER"] ?? env["LOGNAME"] ?? "unknown"
    }
}

extension ParsableCommand {
    /// Runs `body`, turning the engine's typed errors into one line on stderr and exit 1.
    func reportingErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let e as CLIError {
            Terminal.warn(e.description)
            throw ExitCode(1)
        } catch let e as InputError {
            Terminal.warn(e.description)
            throw ExitCode(1)
        } catch let e as StoreError {
            Terminal.warn(e.description)
            throw ExitCode(1)
        } catch let e as PipelineError {
            Terminal.warn(e.description)
            throw ExitCode(1)
        }
    }
}
