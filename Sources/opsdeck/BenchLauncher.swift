import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `opsdeck bench …`: the benchmarks are their own executable, `opsdeck-bench`, built beside
/// this one (`swift build -c release` builds both), so the product carries none of their
/// code. This entry runs it with the same arguments; the bench's output and exit status are
/// its own.
struct BenchLauncher: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Performance and quality benchmarks (the opsdeck-bench executable; build with -c release).",
        // `opsdeck bench --help` is the bench's own help, listing its benchmarks.
        helpNames: []
    )

    @Argument(parsing: .captureForPassthrough, help: "The benchmark and its options (opsdeck bench --help lists them).")
    var arguments: [String] = []

    static let executableName = "opsdeck-bench"
    static let buildHint = "swift build -c release --product opsdeck-bench"

    func run() throws {
        let path = Self.sibling()
        guard FileManager.default.isExecutableFile(atPath: path) else {
            Terminal.warn("the benchmarks are a separate executable and \(path) is not built; build it with `\(Self.buildHint)`")
            throw ExitCode(1)
        }
        // execv replaces this process, so signals, the terminal and the exit status are the bench's.
        var argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        execv(path, &argv)
        Terminal.warn("could not run \(path): \(String(cString: strerror(errno)))")
        throw ExitCode(1)
    }

    /// `opsdeck-bench` in the folder of the running executable (symbolic links resolved, so
    /// a link to `opsdeck` on the PATH still finds the build's folder).
    static func sibling() -> String {
        let exe = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return exe.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(executableName).path
    }
}
