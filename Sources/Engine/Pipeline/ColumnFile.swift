import Core
/// A compact binary table the command center opens without parsing text: one column per
/// array, little-endian, in a fixed order, so the same run gives the same bytes.
///
///     "ODCOLS1\n"  rows: UInt32  columns: UInt32
///     per column:  name length: UInt8, name (UTF-8), kind: UInt8 (0 Float32, 1 Int32, 2 UInt8), rows values
public struct ColumnFile: Sendable, Equatable {
    public enum Column: Sendable, Equatable {
        case float([Float])
        case int([Int32])
        case byte([UInt8])

        package var count: Int {
            switch self {
            case .float(let v): v.count
            case .int(let v): v.count
            case .byte(let v): v.count
            }
        }
    }

    package static let magic = Array("ODCOLS1\n".utf8)
    public var names: [String] = []
    public var columns: [Column] = []
    public var rowCount: Int

    public init(rowCount: Int) { self.rowCount = rowCount }

    public mutating func add(_ name: String, _ column: Column) {
        precondition(column.count == rowCount && name.utf8.count < 256, "column \(name) must have \(rowCount) rows")
        names.append(name)
        columns.append(column)
    }

    public func column(_ name: String) -> Column? { names.firstIndex(of: name).map { columns[$0] } }

    public func bytes() -> [UInt8] {
        var out = Self.magic
        func u32(_ v: Int) { withUnsafeBytes(of: UInt32(v).littleEndian) { out.append(contentsOf: $0) } }
        u32(rowCount)
        u32(columns.count)
        for (name, col) in zip(names, columns) {
            out.append(UInt8(name.utf8.count))
            out.append(contentsOf: name.utf8)
            switch col {
            case .float(let v):
                out.append(0)
                out.reserveCapacity(out.count + 4 * v.count)
                for x in v { withUnsafeBytes(of: x.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
            case .int(let v):
                out.append(1)
                for x in v { withUnsafeBytes(of: x.littleEndian) { out.append(contentsOf: $0) } }
            case .byte(let v):
                out.append(2)
                out.append(contentsOf: v)
            }
        }
        return out
    }

    public struct FormatError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(bytes b: [UInt8]) throws(FormatError) {
        var at = 0
        func take(_ n: Int) throws(FormatError) -> ArraySlice<UInt8> {
            guard at + n <= b.count else { throw FormatError(description: "column file truncated at byte \(at)") }
            defer { at += n }
            return b[at..<(at + n)]
        }
        func u32() throws(FormatError) -> Int {
            let s = try take(4)
            return Int(UInt32(s[s.startIndex]) | UInt32(s[s.startIndex + 1]) << 8 | UInt32(s[s.startIndex + 2]) << 16 | UInt32(s[s.startIndex + 3]) << 24)
        }
        guard Array(try take(Self.magic.count)) == Self.magic else { throw FormatError(description: "not a column file") }
        rowCount = try u32()
        let n = try u32()
        for _ in 0..<n {
            let len = Int(try take(1).first ?? 0)
            // Strict UTF-8: repairing bad bytes would lengthen the name past the 255 bytes
            // `add` requires, turning a corrupted file into a trap.
            guard let name = String(validating: try take(len), as: UTF8.self) else {
                throw FormatError(description: "column file has a column name that is not UTF-8 at byte \(at - len)")
            }
            let kind = try take(1).first ?? 255
            switch kind {
            case 0:
                let s = try take(4 * rowCount)
                var v = [Float](repeating: 0, count: rowCount)
                v.withUnsafeMutableBytes { d in s.withUnsafeBytes { d.copyMemory(from: $0) } }
                add(name, .float(v.map { Float(bitPattern: UInt32(littleEndian: $0.bitPattern)) }))
            case 1:
                let s = try take(4 * rowCount)
                var v = [Int32](repeating: 0, count: rowCount)
                v.withUnsafeMutableBytes { d in s.withUnsafeBytes { d.copyMemory(from: $0) } }
                add(name, .int(v.map { Int32(littleEndian: $0) }))
            case 2:
                add(name, .byte(Array(try take(rowCount))))
            default:
                throw FormatError(description: "column \(name) has unknown kind \(kind)")
            }
        }
    }
}
