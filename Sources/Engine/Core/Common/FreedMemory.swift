#if canImport(Glibc)
import Glibc
#endif

/// Hands memory the run has freed back to the system between its phases (issue 21). glibc
/// keeps the freed arrays of a phase mapped for reuse (those under its mmap threshold, and
/// every worker thread's arena), and the next phase's arrays are mostly of other sizes:
/// measured at 3 M tickets, peak RSS 1.53–1.61 GB without this, 1.41 GB with it. Results are
/// untouched: only pages no allocation holds are released. Elsewhere than glibc (or a libc
/// without `malloc_trim`), nothing to do.
package enum FreedMemory {
    /// Arrays of a mebibyte or more get mappings of their own, returned when they are freed.
    /// glibc's default threshold moves: each freed mapping raises it to that array's size (up
    /// to 32 MiB), after which a phase's 1–32 MiB arrays come from the heaps, which the next
    /// phase's arrays of other sizes fragment. At 10 M tickets that raised the peak RSS from
    /// 4.09 to 4.53 GB (the capacity tables after the folds); a fixed threshold also stops it moving.
    package static let mapThreshold: Int32 = 1 << 20

    /// Call once, first thing in `main` (before the arrays it is about).
    package static func mapLargeArraysAlone() {
        #if canImport(Glibc)
        typealias Option = @convention(c) (Int32, Int32) -> Int32
        guard let process = dlopen(nil, RTLD_NOW) else { return }
        defer { dlclose(process) }
        guard let symbol = dlsym(process, "mallopt") else { return }
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in malloc.h
        _ = unsafeBitCast(symbol, to: Option.self)(mmapThreshold, mapThreshold)
        #endif
    }

    package static func release() {
        #if canImport(Glibc)
        // Looked up at run time: malloc.h is not in the Glibc module, and a C call needs the
        // C convention.
        typealias Trim = @convention(c) (Int) -> Int32
        guard let process = dlopen(nil, RTLD_NOW) else { return }
        defer { dlclose(process) }
        guard let symbol = dlsym(process, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }
}
