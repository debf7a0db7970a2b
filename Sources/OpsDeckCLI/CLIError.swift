import ArgumentParser
import Engine
import Foundation

/// A user error: one clear line on stderr, exit status 1, never a stack trace.
package struct CLIError: Error, CustomStringConvertible {
    package var description: String
    package init(_ message: String) { description = message }
}

package enum Terminal {
    package static func warn(_ message: String) {
        FileHandle.standardError.write(Data(("opsdeck: " + message + "\n").utf8))
    }

    /// Who is at the keyboard, for decisions and the audit log.
    package static var user: String {
        let env = ProcessInfo.processInfo.environment
        return env["OPSDECK_USER"] ?? env["USER"] ?? env["LOGNAME"] ?? "unknown"
    }
}

extension ParsableCommand {
    /// Runs `body`, turning the engine's typed errors into one line on stderr and exit 1.
    package func reportingErrors(_ body: () throws -> Void) throws {
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

extension ParsableCommand {
    /// `reportingErrors`, plus the learning engine's errors as user errors.
    package func reportingModelErrors(_ body: () throws -> Void) throws {
        try reportingErrors {
            do { try body() } catch let e as TabularError {
                throw CLIError(e.description)
            } catch let e as LearningError {
                throw CLIError(e.description)
            }
        }
    }
}
