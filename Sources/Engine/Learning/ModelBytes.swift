/// Little-endian binary writer and reader for model serialisation: fixed-width integers,
/// IEEE doubles by bit pattern, length-prefixed arrays and UTF-8 strings. The reader
/// throws `LearningError.invalidModelBytes` on anything short or out of range.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u32(_ v: UInt32) { for i in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(i)))) } }
    mutating func u64(_ v: UInt64) { for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) } }
    mutating func i64(_ v: Int) { u64(UInt64(bitPattern: Int64(v))) }
    mutating func f64(_ v: Double) { u64(v.bitPattern) }
    mutating func magic(_ s: String) { bytes.append(contentsOf: Array(s.utf8)) }
    mutating func string(_ s: String) { let b = Array(s.utf8); i64(b.count); bytes.append(contentsOf: b) }
    mutating func f64s(_ a: [Double]) { i64(a.count); for v in a { f64(v) } }
    mutating func i32s(_ a: [Int32]) { i64(a.count); for v in a { u32(UInt32(bitPattern: v)) } }
    mutating func u32s(_ a: [UInt32]) { i64(a.count); for v in a { u32(v) } }
    mutating func u8s(_ a: [UInt8]) { i64(a.count); bytes.append(contentsOf: a) }
    mutating func strings(_ a: [String]) { i64(a.count); for s in a { string(s) } }
}

struct ByteReader {
    private let bytes: [UInt8]
    private var at = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { at == bytes.count }

    private mutating func take(_ n: Int) throws -> ArraySlice<UInt8> {
        guard n >= 0, bytes.count - at >= n else { throw LearningError.invalidModelBytes("truncated at byte \(at)") }
        defer { at += n }
        return bytes[at..<(at + n)]
    }

    mutating func u8() throws -> UInt8 { try take(1).first ?? 0 }
    mutating func u32() throws -> UInt32 {
        var v: UInt32 = 0
        for (i, b) in try take(4).enumerated() { v |= UInt32(b) << (8 * UInt32(i)) }
        return v
    }
    mutating func u64() throws -> UInt64 {
        var v: UInt64 = 0
        for (i, b) in try take(8).enumerated() { v |= UInt64(b) << (8 * UInt64(i)) }
        return v
    }
    mutating func i64() throws -> Int { Int(Int64(bitPattern: try u64())) }
    mutating func f64() throws -> Double { Double(bitPattern: try u64()) }
    mutating func expectMagic(_ s: String) throws {
        guard Array(try take(s.utf8.count)) == Array(s.utf8) else { throw LearningError.invalidModelBytes("not a \(s) model") }
    }
    /// A count that the remaining bytes can hold at `width` bytes per element.
    mutating func count(_ width: Int) throws -> Int {
        let n = try i64()
        guard n >= 0, n <= (bytes.count - at) / max(1, width) else { throw LearningError.invalidModelBytes("bad length \(n)") }
        return n
    }
    mutating func string() throws -> String {
        let n = try count(1)
        guard let s = String(validating: try take(n), as: UTF8.self) else { throw LearningError.invalidModelBytes("bad text") }
        return s
    }
    mutating func f64s() throws -> [Double] { let n = try count(8); return try (0..<n).map { _ in try f64() } }
    mutating func i32s() throws -> [Int32] { let n = try count(4); return try (0..<n).map { _ in Int32(bitPattern: try u32()) } }
    mutating func u32s() throws -> [UInt32] { let n = try count(4); return try (0..<n).map { _ in try u32() } }
    mutating func u8s() throws -> [UInt8] { let n = try count(1); return Array(try take(n)) }
    mutating func strings() throws -> [String] { let n = try count(8); return try (0..<n).map { _ in try string() } }
}
