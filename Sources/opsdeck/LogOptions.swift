import ArgumentParser
import Foundation
import Logging

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// `--log-level` on the commands that log (run, import): structured lines on stderr through
/// swift-log's StreamLogHandler, from that level up. The default, warning, prints nothing on
/// a normal run, so stdout and stderr read as they did without logs.
struct LogOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Log to stderr from this level up: trace, debug, info, notice, warning, error or critical.",
                               valueName: "level"))
    var logLevel: Logger.Level = .warning

    /// A logger labelled `opsdeck.<area>` writing to stderr. Each command builds its own
    /// instead of bootstrapping the process-wide logging system, so nothing is global.
    func logger(_ area: String) -> Logger {
        var log = Logger(label: "opsdeck." + area) { StreamLogHandler.standardError(label: $0) }
        log.logLevel = logLevel
        return log
    }
}

/// Seconds since `start`, as a log metadata value with millisecond precision.
func elapsed(since start: ContinuousClock.Instant) -> Logger.MetadataValue {
    let d = ContinuousClock.now - start
    let s = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    return .string(String(format: "%.3f", s))
}
