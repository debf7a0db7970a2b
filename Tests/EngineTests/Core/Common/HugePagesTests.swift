import Foundation
import Testing
import Core

/// How the process reads the kernel's huge-page setting before it restarts itself with them.
@Suite struct HugePagesTests {
    @Test func theBracketedChoiceIsTheKernelsMode() {
        #expect(HugePages.selected(in: "always [madvise] never\n") == "madvise")
        #expect(HugePages.selected(in: "[always] madvise never") == "always")
        #expect(HugePages.selected(in: "always madvise [never]") == "never")
        #expect(HugePages.selected(in: "always madvise never") == nil)
        #expect(HugePages.selected(in: "") == nil)
    }

    @Test func theSettingIsReadFromItsFileAndAMissingFileIsNoMode() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-thp-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("always defer [madvise] never\n".utf8).write(to: url)
        #expect(HugePages.kernelMode(path: url.path) == "madvise")
        #expect(HugePages.kernelMode(path: url.path + ".absent") == nil)
    }
}
