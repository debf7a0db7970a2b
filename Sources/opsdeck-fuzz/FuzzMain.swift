#if !OPSDECK_LIBFUZZER
import Engine
import Foundation

/// Without libFuzzer the same targets run from the command line:
///   opsdeck-fuzz replay TARGET PATH…                  every file (or folder of files) once
///   opsdeck-fuzz mutate TARGET CORPUS SECONDS [SEED]  the deterministic mutation harness
///   opsdeck-fuzz seeds DIR                            writes the model-bytes seed corpus
@main
struct FuzzMain {
    static func main() {
        var args = Array(CommandLine.arguments.dropFirst())
        guard args.count >= 2 else { usage() }
        let mode = args.removeFirst()
        if mode == "seeds" { ModelSeeds.write(to: args[0]); return }
        guard let target = FuzzTarget(rawValue: args.removeFirst()) else { usage() }
        switch mode {
        case "replay":
            let files = args.flatMap(Self.files)
            for f in files { target.run(Self.bytes(f)) }
            print("opsdeck-fuzz: \(target.rawValue): \(files.count) inputs replayed")
        case "mutate":
            guard args.count >= 2, let seconds = Double(args[1]), seconds.isFinite, seconds > 0 else { usage() }
            let seed = args.count > 2 ? UInt64(args[2]) ?? 1 : 1
            var h = MutationHarness(target: target, corpus: Self.files(args[0]).map(Self.bytes), seed: seed)
            let n = h.run(seconds: seconds)
            print("opsdeck-fuzz: \(target.rawValue): \(n) mutated inputs in \(seconds) s, no crash")
        default: usage()
        }
    }

    static func usage() -> Never {
        let all = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
        FileHandle.standardError.write(Data("usage: opsdeck-fuzz replay|mutate \(all) PATH… | opsdeck-fuzz seeds DIR\n".utf8))
        exit(64)
    }

    /// A file, or the files of a folder sorted by name (so runs repeat).
    static func files(_ path: String) -> [String] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return [] }
        guard isDir.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().map { path + "/" + $0 }
    }

    static func bytes(_ path: String) -> [UInt8] { FileManager.default.contents(atPath: path).map(Array.init) ?? [] }
}
#endif
