#if OPSDECK_LIBFUZZER
import Foundation

/// libFuzzer's entry point (built with `-sanitize=fuzzer,address -D OPSDECK_LIBFUZZER`, see
/// Fuzz/run.sh); the target comes from `OPSDECK_FUZZ_TARGET`, since libFuzzer owns argv.
nonisolated(unsafe) private var chosen: FuzzTarget?

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    if chosen == nil {
        let name = ProcessInfo.processInfo.environment["OPSDECK_FUZZ_TARGET"] ?? ""
        guard let t = FuzzTarget(rawValue: name) else {
            let all = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("opsdeck-fuzz: set OPSDECK_FUZZ_TARGET to one of \(all)\n".utf8))
            exit(64)
        }
        chosen = t
    }
    chosen?.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#endif
