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

/// SwiftPM links an executable target with `main` aliased to `<module>_main`, so libFuzzer's
/// own `main` is never pulled in; this one hands argv to libFuzzer's driver instead.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ body: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("opsdeck_fuzz_main")
public func opsdeckFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var args = argv
    return runDriver(&count, &args) { data, size in fuzzOneInput(data, size) }
}
#endif
