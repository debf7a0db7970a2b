/// Little-endian bytes for the SLA snapshot: fixed-width numbers, length-prefixed UTF-8
/// strings and whole arrays, written and read in one pass.
struct SupportSnapshotWriter {
    private(set) var bytes: [UInt8] = []

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    // Little-endian, written as whole words: the snapshot holds a few arrays of 20 000 values.
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func i64(_ v: Int64) { u64(UInt64(bitPattern: v)) }
    mutating func int(_ v: Int) { i64(Int64(v)) }
    mutating func f64(_ v: Double) { u64(v.bitPattern) }
    mutating func bool(_ v: Bool) { u8(v ? 1 : 0) }

    mutating func string(_ s: String) {
        let utf8 = Array(s.utf8)
        u32(UInt32(utf8.count))
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
}

/// Reads what `SupportSnapshotWriter` wrote; every read is bounds-checked so a truncated or
/// corrupt artifact is an error, never a crash.
struct SupportSnapshotReader {
    let bytes: [UInt8]
    private(set) var at = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    private mutating func take(_ n: Int) throws(SupportSnapshotError) -> Int {
        guard n >= 0, at + n <= bytes.count else { throw .truncated(at: at) }
        defer { at += n }
        return at
    }

    mutating func u8() throws(SupportSnapshotError) -> UInt8 { bytes[try take(1)] }

    mutating func u32() throws(SupportSnapshotError) -> UInt32 {
        let p = try take(4)
        var v: UInt32 = 0
        for k in 0..<4 { v |= UInt32(bytes[p + k]) << UInt32(8 * k) }
        return v
    }

    mutating func u64() throws(SupportSnapshotError) -> UInt64 {
        let p = try take(8)
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(bytes[p + k]) << UInt64(8 * k) }
        return v
    }

    mutating func i64() throws(SupportSnapshotError) -> Int64 { Int64(bitPattern: try u64()) }
    mutating func f64() throws(SupportSnapshotError) -> Double { Double(bitPattern: try u64()) }

    mutating func int() throws(SupportSnapshotError) -> Int {
        let v = try i64()
        guard v >= Int64(Int.min), v <= Int64(Int.max) else { throw .invalid("integer out of range at byte \(at - 8)") }
        return Int(v)
    }

    mutating func bool() throws(SupportSnapshotError) -> Bool {
        switch try u8() {
        case 0: return false
        case 1: return true
        case let b: throw .invalid("flag byte \(b) at byte \(at - 1)")
        }
    }

    mutating func count(elementSize: Int) throws(SupportSnapshotError) -> Int {
        let n = try int()
        guard n >= 0, n <= (bytes.count - at) / max(elementSize, 1) else { throw .invalid("array of \(n) at byte \(at - 8) exceeds the data") }
        return n
    }

    mutating func string() throws(SupportSnapshotError) -> String {
        let n = Int(try u32())
        let p = try take(n)
        return String(decoding: bytes[p..<(p + n)], as: UTF8.self)
    }

    mutating func optionalString() throws(SupportSnapshotError) -> String? { try bool() ? try string() : nil }
    mutating func optionalI64() throws(SupportSnapshotError) -> Int64? { try bool() ? try i64() : nil }

    mutating func doubles() throws(SupportSnapshotError) -> [Double] {
        let n = try count(elementSize: 8)
        var out = [Double](repeating: 0, count: n)
        for k in 0..<n { out[k] = try f64() }
        return out
    }

    mutating func ints() throws(SupportSnapshotError) -> [Int] {
        let n = try count(elementSize: 8)
        var out = [Int](repeating: 0, count: n)
        for k in 0..<n { out[k] = try int() }
        return out
    }
}

/// Why a stored SLA snapshot could not be read.
public enum SupportSnapshotError: Error, Equatable, Sendable, CustomStringConvertible {
    case notASnapshot
    case unsupportedVersion(UInt32)
    case truncated(at: Int)
    case invalid(String)

    public var description: String {
        switch self {
        case .notASnapshot: return "the SLA snapshot artifact does not start with its signature"
        case .unsupportedVersion(let v):
            return "the SLA snapshot is version \(v); this build reads version \(SupportSnapshot.version) (re-run the pipeline)"
        case .truncated(let at): return "the SLA snapshot ends early (at byte \(at))"
        case .invalid(let what): return "the SLA snapshot is damaged: \(what)"
        }
    }
}
