/// The engine's one binary codec: little-endian fixed-width numbers, IEEE doubles by bit
/// pattern, count-prefixed arrays and UTF-8 strings, written and read in one pass. Each
/// format on disk (model bytes, the SLA snapshot) names its dialect once as a `ByteFormat`:
/// how wide a string's length prefix is and which error a damaged file raises.
///
/// Layout of the shared pieces (every integer little-endian):
/// - `int` / `i64`: 8 bytes, two's complement; `u32`: 4 bytes; `u8` / `bool`: 1 byte (0 or 1)
/// - `f64`: the 8 bytes of the bit pattern
/// - arrays: an 8-byte count, then the elements
/// - strings: the UTF-8 length in `Format.lengthPrefixBytes` (4 or 8) bytes, then the bytes
package protocol ByteFormat {
    associatedtype Failure: Error
    /// Width of a string's length prefix: 4 (`u32`) or 8 (`int`).
    static var lengthPrefixBytes: Int { get }
    /// The data ends before byte `at` could be read.
    static func truncated(at: Int) -> Failure
    /// The data is there but not what the format allows.
    static func invalid(_ what: String) -> Failure
}

package struct LittleEndianWriter<Format: ByteFormat> {
    package private(set) var bytes: [UInt8] = []

    package init() {}

    package mutating func u8(_ v: UInt8) { bytes.append(v) }
    package mutating func bool(_ v: Bool) { u8(v ? 1 : 0) }
    package mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    package mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    package mutating func i64(_ v: Int64) { u64(UInt64(bitPattern: v)) }
    package mutating func int(_ v: Int) { i64(Int64(v)) }
    package mutating func f64(_ v: Double) { u64(v.bitPattern) }
    /// The text's UTF-8 bytes with no length: a file's signature.
    package mutating func magic(_ s: String) { bytes.append(contentsOf: Array(s.utf8)) }

    package mutating func string(_ s: String) {
        let utf8 = Array(s.utf8)
        if Format.lengthPrefixBytes == 4 { u32(UInt32(utf8.count)) } else { int(utf8.count) }
        bytes += utf8
    }

    package mutating func optionalString(_ s: String?) {
        bool(s != nil)
        if let s { string(s) }
    }

    package mutating func optionalI64(_ v: Int64?) {
        bool(v != nil)
        if let v { i64(v) }
    }

    package mutating func doubles(_ a: [Double]) {
        int(a.count)
        #if _endian(little)
        a.withUnsafeBytes { bytes.append(contentsOf: $0) }  // the bit patterns, as `f64` writes them
        #else
        for v in a { f64(v) }
        #endif
    }

    package mutating func ints(_ a: [Int]) {
        int(a.count)
        #if _endian(little) && _pointerBitWidth(_64)
        a.withUnsafeBytes { bytes.append(contentsOf: $0) }  // 64-bit ints, as `int` writes them
        #else
        for v in a { int(v) }
        #endif
    }

    package mutating func i32s(_ a: [Int32]) { int(a.count); for v in a { u32(UInt32(bitPattern: v)) } }
    package mutating func u32s(_ a: [UInt32]) { int(a.count); for v in a { u32(v) } }
    package mutating func u8s(_ a: [UInt8]) { int(a.count); bytes.append(contentsOf: a) }
    package mutating func strings(_ a: [String]) { int(a.count); for s in a { string(s) } }

    /// Bytes as they are, no count: a fixed-layout header's name, a column whose length the
    /// format gives elsewhere.
    package mutating func rawBytes(_ b: some Collection<UInt8>) { bytes.append(contentsOf: b) }

    /// Fixed-width integers, little-endian, no count (the format gives it elsewhere).
    package mutating func raw<T: FixedWidthInteger>(_ a: [T]) {
        #if _endian(little)
        a.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
        for v in a { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        #endif
    }
}

/// Reads what `LittleEndianWriter` wrote; every read is bounds-checked, so truncated or
/// damaged bytes raise the format's error, never a crash.
package struct LittleEndianReader<Format: ByteFormat> {
    package let bytes: [UInt8]
    package private(set) var at = 0

    package init(_ bytes: [UInt8]) { self.bytes = bytes }

    package var isAtEnd: Bool { at == bytes.count }

    /// Start of the next `n` bytes, which the read then owns.
    private mutating func take(_ n: Int) throws(Format.Failure) -> Int {
        guard n >= 0, bytes.count - at >= n else { throw Format.truncated(at: at) }
        defer { at += n }
        return at
    }

    package mutating func u8() throws(Format.Failure) -> UInt8 { bytes[try take(1)] }

    package mutating func bool() throws(Format.Failure) -> Bool {
        switch try u8() {
        case 0: return false
        case 1: return true
        case let b: throw Format.invalid("flag byte \(b) at byte \(at - 1)")
        }
    }

    package mutating func u32() throws(Format.Failure) -> UInt32 {
        let p = try take(4)
        var v: UInt32 = 0
        for k in 0..<4 { v |= UInt32(bytes[p + k]) << UInt32(8 * k) }
        return v
    }

    package mutating func u64() throws(Format.Failure) -> UInt64 {
        let p = try take(8)
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(bytes[p + k]) << UInt64(8 * k) }
        return v
    }

    package mutating func i64() throws(Format.Failure) -> Int64 { Int64(bitPattern: try u64()) }
    package mutating func f64() throws(Format.Failure) -> Double { Double(bitPattern: try u64()) }

    package mutating func int() throws(Format.Failure) -> Int {
        let v = try i64()
        guard v >= Int64(Int.min), v <= Int64(Int.max) else { throw Format.invalid("integer out of range at byte \(at - 8)") }
        return Int(v)
    }

    package mutating func expectMagic(_ s: String) throws(Format.Failure) {
        let n = s.utf8.count, p = try take(n)
        guard bytes[p..<(p + n)].elementsEqual(s.utf8) else { throw Format.invalid("not a \(s) file") }
    }

    /// An array's count, which the remaining bytes must hold at `elementSize` bytes each.
    package mutating func count(elementSize: Int) throws(Format.Failure) -> Int {
        let n = try int()
        guard n >= 0, n <= (bytes.count - at) / max(elementSize, 1) else {
            throw Format.invalid("array of \(n) at byte \(at - 8) exceeds the data")
        }
        return n
    }

    package mutating func string() throws(Format.Failure) -> String {
        let n = Format.lengthPrefixBytes == 4 ? Int(try u32()) : try count(elementSize: 1)
        let p = try take(n)
        guard let s = String(validating: bytes[p..<(p + n)], as: UTF8.self) else {
            throw Format.invalid("text at byte \(p) is not UTF-8")
        }
        return s
    }

    package mutating func optionalString() throws(Format.Failure) -> String? { try bool() ? try string() : nil }
    package mutating func optionalI64() throws(Format.Failure) -> Int64? { try bool() ? try i64() : nil }

    package mutating func doubles() throws(Format.Failure) -> [Double] {
        let n = try count(elementSize: 8)
        #if _endian(little)
        return copied(n, try take(n * 8))  // the bit patterns, as the writer copied them
        #else
        var out = [Double](repeating: 0, count: n)
        for k in 0..<n { out[k] = try f64() }
        return out
        #endif
    }

    package mutating func ints() throws(Format.Failure) -> [Int] {
        let n = try count(elementSize: 8)
        #if _endian(little) && _pointerBitWidth(_64)
        return copied(n, try take(n * 8))  // 64-bit ints, as the writer copied them
        #else
        var out = [Int](repeating: 0, count: n)
        for k in 0..<n { out[k] = try int() }
        return out
        #endif
    }

    /// `n` values of `T` from byte `p` (already bounds-checked by `take`), in one copy.
    private func copied<T: BitwiseCopyable>(_ n: Int, _ p: Int) -> [T] {
        [T](unsafeUninitializedCapacity: n) { out, done in
            bytes.withUnsafeBytes { src in
                UnsafeMutableRawBufferPointer(out).copyMemory(from: UnsafeRawBufferPointer(rebasing: src[p..<(p + n * MemoryLayout<T>.stride)]))
            }
            done = n
        }
    }

    package mutating func i32s() throws(Format.Failure) -> [Int32] {
        let n = try count(elementSize: 4)
        var out = [Int32](repeating: 0, count: n)
        for k in 0..<n { out[k] = Int32(bitPattern: try u32()) }
        return out
    }

    package mutating func u32s() throws(Format.Failure) -> [UInt32] {
        let n = try count(elementSize: 4)
        var out = [UInt32](repeating: 0, count: n)
        for k in 0..<n { out[k] = try u32() }
        return out
    }

    package mutating func u8s() throws(Format.Failure) -> [UInt8] {
        let n = try count(elementSize: 1), p = try take(n)
        return Array(bytes[p..<(p + n)])
    }

    package mutating func strings() throws(Format.Failure) -> [String] {
        let n = try count(elementSize: Format.lengthPrefixBytes)
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try string()) }
        return out
    }

    /// `n` bytes as they are (`raw` of the writer).
    package mutating func raw(count n: Int) throws(Format.Failure) -> ArraySlice<UInt8> {
        let p = try take(n)
        return bytes[p..<(p + n)]
    }

    /// `n` little-endian fixed-width integers with no count (`raw` of the writer), in one copy.
    package mutating func raw<T: FixedWidthInteger & BitwiseCopyable>(_: T.Type, count n: Int) throws(Format.Failure) -> [T] {
        guard n >= 0, n <= (bytes.count - at) / MemoryLayout<T>.size else { throw Format.truncated(at: at) }
        let out: [T] = copied(n, try take(n * MemoryLayout<T>.size))
        #if _endian(little)
        return out
        #else
        return out.map { T(littleEndian: $0) }
        #endif
    }
}
