#if canImport(Glibc)
import Glibc
#endif

/// Asks the kernel to back a large array's buffer with 2 MiB pages (Linux's transparent huge
/// pages in `madvise` mode). A million-row import writes a few hundred MiB of fresh memory:
/// with 4 KiB pages that is ~100 000 page faults (≈ 8 % of the import) and, for the id table's
/// random probes, a TLB miss per id. Only a hint: where the kernel has none, or says no,
/// nothing changes but speed, and the results are the same either way.
package enum HugePages {
    private static let size = 2 << 20

    /// Advises the whole capacity of `array` (written or not: the hint only says how pages
    /// not yet touched are to be backed). Call it before the pages are written: pages already
    /// touched stay small.
    package static func advise<T>(_ array: inout [T]) {
        #if os(Linux)
        let bytes = array.capacity * MemoryLayout<T>.stride
        guard bytes >= 2 * size else { return }
        array.withUnsafeMutableBufferPointer { p in
            guard let base = p.baseAddress else { return }
            let start = (Int(bitPattern: base) + size - 1) & ~(size - 1)
            let stop = (Int(bitPattern: base) + bytes) & ~(size - 1)
            guard stop > start, let at = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(at, stop - start, Int32(MADV_HUGEPAGE))
        }
        #endif
    }

    /// `count` zeros in a buffer advised before it is written.
    package static func zeros<T: FixedWidthInteger>(_ count: Int, of type: T.Type = T.self) -> [T] {
        var a = [T]()
        a.reserveCapacity(count)
        advise(&a)
        a.append(contentsOf: repeatElement(0, count: count))
        return a
    }
}
