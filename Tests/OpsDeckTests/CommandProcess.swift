import Foundation
import Testing

/// The built `opsdeck` binary, run as a user runs it: a child process with a private store
/// and config folder (XDG_DATA_HOME, XDG_CONFIG_HOME), its exit status, stdout and stderr.
struct CommandProcess {
    struct Result {
        var status: Int32
        var out: String
        var err: String
        /// stderr's lines, without the trailing empty one.
        var errLines: [String] { err.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty } }
    }

    /// `opsdeck` beside the test bundle (SwiftPM builds every product of the package into the
    /// same folder), else under the repository's `.build/debug`, else `$OPSDECK_BIN`.
    static let binary: URL? = locate("opsdeck")
    static let skipReason: Comment = "the opsdeck binary is not built beside the tests (swift build, or set OPSDECK_BIN)"

    static func locate(_ name: String) -> URL? {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let bin = ProcessInfo.processInfo.environment["OPSDECK_BIN"], !bin.isEmpty, name == "opsdeck" {
            candidates.append(URL(fileURLWithPath: bin))
        }
        if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            candidates.append(exe.deletingLastPathComponent().appendingPathComponent(name))
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent(name))
        }
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(repo.appendingPathComponent(".build/debug/" + name))
        return candidates.first { fm.isExecutableFile(atPath: $0.path) }
    }

    /// The repository, for the fixtures the engine's tests read.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    let root: URL
    let data: URL
    let config: URL

    /// A fresh folder holding the store, the config and any file a test writes; removed by `clean()`.
    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-cli-\(UUID().uuidString)")
        data = root.appendingPathComponent("data")
        config = root.appendingPathComponent("config")
        for d in [data, config] { try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true) }
    }

    func clean() { try? FileManager.default.removeItem(at: root) }

    func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws -> String {
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
        return path(name)
    }

    /// Runs `opsdeck args…` (or `executable`, e.g. a copy of it elsewhere) to its end.
    func run(_ args: [String], executable: URL? = nil, environment extra: [String: String] = [:]) throws -> Result {
        guard let exe = executable ?? Self.binary else { throw CocoaError(.fileNoSuchFile) }
        let p = Process()
        p.executableURL = exe
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["XDG_DATA_HOME"] = data.path
        env["XDG_CONFIG_HOME"] = config.path
        env["NO_COLOR"] = "1"
        // A developer's shared store never leaks into a test; a test that wants one says so.
        env["OPSDECK_DB"] = nil
        env.merge(extra) { $1 }
        p.environment = env
        p.currentDirectoryURL = root
        // Files rather than pipes: a long output never fills a pipe and stalls the child.
        let id = UUID().uuidString
        let outURL = root.appendingPathComponent("stdout-\(id)"), errURL = root.appendingPathComponent("stderr-\(id)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try out.close()
        try err.close()
        return Result(status: p.terminationStatus,
                      out: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      err: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
