#if canImport(Glibc)
import Glibc
#endif

/// Large-page memory for the process (issue 21). A large desk's run allocates and frees
/// arrays of tens of megabytes phase after phase (10 M tickets: about 12 GB of fresh pages over
/// the run for a 4 GB peak). glibc maps each such array anew, so every one costs the kernel a
/// fault per 4 KiB page: 2.9 M faults and a third of the run in system time. Where the kernel
/// gives transparent huge pages on request only (`madvise`, Debian's default), glibc asks for
/// them when its `glibc.malloc.hugetlb=1` tunable is set; a tunable is read once, when the
/// process starts, so the command starts itself again once with it set. Results are untouched:
/// only how the pages are mapped changes.
package enum HugePages {
    /// The tunable glibc reads at start.
    static let tunable = "glibc.malloc.hugetlb"

    /// Call first thing in `main`. Returns only when the process goes on as it is: the kernel
    /// already gives huge pages to every mapping (`always`) or none (`never`), the user set the
    /// tunable (any value is theirs to choose), `OPSDECK_HUGE_PAGES=0`, or the restart failed.
    package static func restartWithTunableIfUseful() {
        #if os(Linux) && canImport(Glibc)
        guard getenv("OPSDECK_HUGE_PAGES").map({ String(cString: $0) != "0" }) ?? true else { return }
        let existing = getenv("GLIBC_TUNABLES").map { String(cString: $0) } ?? ""
        guard !existing.contains(tunable), kernelMode() == "madvise" else { return }
        let value = existing.isEmpty ? "\(tunable)=1" : "\(existing):\(tunable)=1"
        guard setenv("GLIBC_TUNABLES", value, 1) == 0 else { return }
        // argv as the process received it; execv only returns on failure, and then the
        // command runs on as it is (with the tunable in its environment, harmless).
        var argv: [UnsafeMutablePointer<CChar>?] = CommandLine.arguments.map { strdup($0) }
        argv.append(nil)
        _ = execv("/proc/self/exe", &argv)
        for p in argv { free(p) }
        #endif
    }

    /// The bracketed word of `/sys/kernel/mm/transparent_hugepage/enabled` ("always [madvise]
    /// never" → "madvise"); nil when the kernel has no transparent huge pages.
    package static func kernelMode(path: String = "/sys/kernel/mm/transparent_hugepage/enabled") -> String? {
        #if canImport(Glibc)
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 128)
        guard fgets(&buffer, Int32(buffer.count), file) != nil else { return nil }
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return selected(in: text)
        #else
        return nil
        #endif
    }

    /// The bracketed choice of a sysfs setting line.
    package static func selected(in text: String) -> String? {
        guard let open = text.firstIndex(of: "["), let close = text[open...].firstIndex(of: "]") else { return nil }
        return String(text[text.index(after: open)..<close])
    }
}
