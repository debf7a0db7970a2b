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
        var w = LittleEndianWriter<ColumnFileBytes>()
        w.rawBytes(Self.magic)
        w.u32(UInt32(rowCount))
        w.u32(UInt32(columns.count))
        for (name, col) in zip(names, columns) {
            w.u8(UInt8(name.utf8.count))
            w.rawBytes(name.utf8)
            switch col {
            case .float(let v): w.u8(0); w.raw(v.map(\.bitPattern))
            case .int(let v): w.u8(1); w.raw(v)
            case .byte(let v): w.u8(2); w.raw(v)
            }
        }
        return w.bytes
    }

    public struct FormatError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(bytes b: [UInt8]) throws(FormatError) {
        var r = LittleEndianReader<ColumnFileBytes>(b)
        guard b.starts(with: Self.magic) else { throw FormatError(description: "not a column file") }
        _ = try r.raw(count: Self.magic.count)
        rowCount = Int(try r.u32())
        let n = try r.u32()
        for _ in 0..<n {
            let len = Int(try r.u8())
            // Strict UTF-8: repairing bad bytes would lengthen the name past the 255 bytes
            // `add` requires, turning a corrupted file into a trap.
            guard let name = String(validating: try r.raw(count: len), as: UTF8.self) else {
                throw FormatError(description: "column file has a column name that is not UTF-8 at byte \(r.at - len)")
            }
            switch try r.u8() {
            case 0: add(name, .float(try r.raw(UInt32.self, count: rowCount).map(Float.init(bitPattern:))))
            case 1: add(name, .int(try r.raw(Int32.self, count: rowCount)))
            case 2: add(name, .byte(Array(try r.raw(count: rowCount))))
            case let kind: throw FormatError(description: "column \(name) has unknown kind \(kind)")
            }
        }
    }
}

/// The column file's dialect of the engine's codec: its errors are `ColumnFile.FormatError`.
package enum ColumnFileBytes: ByteFormat {
    package static let lengthPrefixBytes = 4
    package static func truncated(at: Int) -> ColumnFile.FormatError { .init(description: "column file truncated at byte \(at)") }
    package static func invalid(_ what: String) -> ColumnFile.FormatError { .init(description: "column file: \(what)") }
}
