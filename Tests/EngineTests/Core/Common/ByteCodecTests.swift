import Testing
import Core
import Learning
import Support

/// The one codec's layout, in both dialects the engine stores.
@Suite struct ByteCodecTests {
    @Test func numbersAreLittleEndianAndStringsCarryTheirDialectsLength() throws {
        var m = ByteWriter()
        m.u32(0x0102_0304); m.int(-2); m.string("é")
        #expect(m.bytes == [4, 3, 2, 1] + [0xFE] + [UInt8](repeating: 0xFF, count: 7) + [2, 0, 0, 0, 0, 0, 0, 0, 0xC3, 0xA9])
        var s = SupportSnapshotWriter()
        s.string("é"); s.optionalI64(nil); s.doubles([1])
        #expect(s.bytes == [2, 0, 0, 0, 0xC3, 0xA9, 0] + [1, 0, 0, 0, 0, 0, 0, 0] + [0, 0, 0, 0, 0, 0, 0xF0, 0x3F])
        var r = SupportSnapshotReader(s.bytes)
        #expect(try r.string() == "é" && r.optionalI64() == nil && r.doubles() == [1] && r.isAtEnd)
    }

    @Test func damagedBytesRaiseTheFormatsError() {
        var r = ByteReader([1, 0, 0])
        #expect(throws: LearningError.invalidModelBytes("truncated at byte 0")) { try r.u32() }
        var big = ByteReader([0xFF, 0xFF, 0, 0, 0, 0, 0, 0])  // an array longer than the data
        #expect(throws: LearningError.self) { try big.doubles() }
        var flag = SupportSnapshotReader([2])
        #expect(throws: SupportSnapshotError.invalid("flag byte 2 at byte 0")) { try flag.bool() }
        var text = SupportSnapshotReader([1, 0, 0, 0, 0xFF])
        #expect(throws: SupportSnapshotError.self) { try text.string() }
    }
}
