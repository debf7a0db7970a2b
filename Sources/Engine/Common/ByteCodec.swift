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
protocol ByteFormat {
    associatedtype Failure: Error
    /// Width of a string's length prefix: 4 (`u32`) or 8 (`int`).
    static var lengthPrefixBytes: Int { get }
    /// The data ends before byte `at` could be read.
    static func truncated(at: Int) -> Failure
    /// The data is there but not what the format allows.
    static func invalid(_ what: String) -> Failure
}

struct LittleEndianWriter<Format: ByteFormat> {
    private(set) var bytes: [UInt8] = []

    init() {}

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func bool(_ v: Bool) { u8(v ? 1 : 0) }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func i64(_ v: Int64) { u64(UInt64(bitPattern: v)) }
    mutating func int(_ v: Int) { i64(Int64(v)) }
    mutating func f64(_ v: Double) { u64(v.bitPattern) }
    /// The text's UTF-8 bytes with no length: a file's signature.
    mutating func magic(_ s: String) { bytes.append(contentsOf: Array(s.utf8)) }

    mutating func string(_ s: String) {
        let utf8 = Array(s.utf8)
        if Format.lengthPrefixBytes == 4 { u32(UInt32(utf8.count)) } else { int(utf8.count) }
        bytes += utf8
    }

    mutating func optionalString(_ s: String?) {
        bool(s != nil)
        if let s { string(s) }
    }

    mutating func optionalI64(_ v: Int64?) {
        bool(v != nil)
        if let v { i64(v) }
    }

    mutating func doubles(_ a: [Double]) {
        int(a.count)
        #if _endian(little)
        a.withUnsafeBytes { bytes.append(contentsOf: $0) }  // the bit patterns, as `f64` writes them
        #else
        for v in a { f64(v) }
        #endif
    }

    mutating func ints(_ a: [Int]) {
        int(a.count)
        #if _endian(little) && _pointerBitWidth(_64)
        a.withUnsafeBytes { bytes.append(contentsOf: $0) }  // 64-bit ints, as `int` writes them
        #else
        for v in a { int(v) }
        #endif
    }

    mutating func i32s(_ a: [Int32]) { int(a.count); for v in a { u32(UInt32(bitPattern: v)) } }
    mutating func u32s(_ a: [UInt32]) { int(a.count); for v in a { u32(v) } }
    mutating func u8s(_ a: [UInt8]) { int(a.count); bytes.append(contentsOf: a) }
    mutating func strings(_ a: [String]) { int(a.count); for s in a { string(s) } }
}

/// Reads what `LittleEndianWriter` wrote; every read is bounds-checked, so truncated or
/// damaged bytes raise the format's error, never a crash.
struct LittleEndianReader<Format: ByteFormat> {
    let bytes: [UInt8]
    private(set) var at = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { at == bytes.count }

    /// Start of the next `n` bytes, which the read then owns.
    private mutating func take(_ n: Int) throws(Format.Failure) -> Int {
        guard n >= 0, bytes.count - at >= n else { throw Format.truncated(at: at) }
        defer { at += n }
        return at
    }

    mutating func u8() throws(Format.Failure) -> UInt8 { bytes[try take(1)] }

    mutating func bool() throws(Format.Failure) -> Bool {
        switch try u8() {
        case 0: return false
        case 1: return true
        case let b: throw Format.invalid("flag byte \(b) at byte \(at - 1)")
        }
    }

    mutating func u32() throws(Format.Failure) -> UInt32 {
        let p = try take(4)
        var v: UInt32 = 0
        for k in 0..<4 { v |= UInt32(bytes[p + k]) << UInt32(8 * k) }
        return v
    }

    mutating func u64() throws(Format.Failure) -> UInt64 {
        let p = try take(8)
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(bytes[p + k]) << UInt64(8 * k) }
        return v
    }

    mutating func i64() throws(Format.Failure) -> Int64 { Int64(bitPattern: try u64()) }
    mutating func f64() throws(Format.Failure) -> Double { Double(bitPattern: try u64()) }

    mutating func int() throws(Format.Failure) -> Int {
        let v = try i64()
        guard v >= Int64(Int.min), v <= Int64(Int.max) else { throw Format.invalid("integer out of range at byte \(at - 8)") }
        return Int(v)
    }

    mutating func expectMagic(_ s: String) throws(Format.Failure) {
        let n = s.utf8.count, p = try take(n)
        guard bytes[p..<(p + n)].elementsEqual(s.utf8) else { throw Format.invalid("not a \(s) file") }
    }

    /// An array's count, which the remaining bytes must hold at `elementSize` bytes each.
    mutating func count(elementSize: Int) throws(Format.Failure) -> Int {
        let n = try int()
        guard n >= 0, n <= (bytes.count - at) / max(elementSize, 1) else {
            throw Format.invalid("array of \(n) at byte \(at - 8) exceeds the data")
        }
        return n
    }

    mutating func string() throws(Format.Failure) -> String {
        let n = Format.lengthPrefixBytes == 4 ? Int(try u32()) : try count(elementSize: 1)
        let p = try take(n)
        guard let s = String(validating: bytes[p..<(p + n)], as: UTF8.self) else {
            throw Format.invalid("text at byte \(p) is not UTF-8")
        }
        return s
    }

    mutating func optionalString() throws(Format.Failure) -> String? { try bool() ? try string() : nil }
    mutating func optionalI64() throws(Format.Failure) -> Int64? { try bool() ? try i64() : nil }

    mutating func doubles() throws(Format.Failure) -> [Double] {
        let n = try count(elementSize: 8)
        #if _endian(little)
        return copied(n, try take(n * 8))  // the bit patterns, as the writer copied them
        #else
        var out = [Double](repeating: 0, count: n)
        for k in 0..<n { out[k] = try f64() }
        return out
        #endif
    }

    mutating func ints() throws(Format.Failure) -> [Int] {
        let n = try count(elementSize: 8)
        #if _endian(little) && _pointerBitWidth(_64)
        return copied(n, try take(n * 8))  // 64-bit ints, as the writer copied them
        #else
        var out = [Int](repeating: 0, count: n)
        for k in 0..<n { out[k] = try int() }
        return out
        #endif
    }

    /// `n` values of 8 bytes from byte `p` (already bounds-checked by `take`), in one copy.
    private func copied<T: BitwiseCopyable>(_ n: Int, _ p: Int) -> [T] {
        [T](unsafeUninitializedCapacity: n) { out, done in
            bytes.withUnsafeBytes { src in
                UnsafeMutableRawBufferPointer(out).copyMemory(from: UnsafeRawBufferPointer(rebasing: src[p..<(p + n * 8)]))
            }
            done = n
        }
    }

    mutating func i32s() throws(Format.Failure) -> [Int32] {
        let n = try count(elementSize: 4)
        var out = [Int32](repeating: 0, count: n)
        for k in 0..<n { out[k] = Int32(bitPattern: try u32()) }
        return out
    }

    mutating func u32s() throws(Format.Failure) -> [UInt32] {
        let n = try count(elementSize: 4)
        var out = [UInt32](repeating: 0, count: n)
        for k in 0..<n { out[k] = try u32() }
        return out
    }

    mutating func u8s() throws(Format.Failure) -> [UInt8] {
        let n = try count(elementSize: 1), p = try take(n)
        return Array(bytes[p..<(p + n)])
    }

    mutating func strings() throws(Format.Failure) -> [String] {
        let n = try count(elementSize: Format.lengthPrefixBytes)
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try string()) }
        return out
    }
}
