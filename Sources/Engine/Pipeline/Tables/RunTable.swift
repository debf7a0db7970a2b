import Core
import Store
/// One table a run saves (the k9s render pattern): the only place that knows its artifact's
/// name, its header and how a row becomes cells and cells a row. The pipeline writes it, the
/// screens and `opsdeck export` read it, so a column added here reaches both.
///
/// The cases of `Column` are the header, in order; `cell` must cover every case (the compiler
/// checks), and `row` reads them back with errors naming the run, artifact, line and column.
///
/// Adding a column to a screen and its export: a field on `Row`, a case, its `cell` and its
/// read in `row` (all in the one schema type, filled where the pipeline builds the rows), then
/// the screen that draws it. `opsdeck export` writes `table(rows)`, so it follows unchanged; a
/// run saved before the column lacks it in its header and loads as "saved by an older OpsDeck".
public protocol RunTable {
    associatedtype Row: Sendable
    associatedtype Column: RawRepresentable, CaseIterable, Hashable where Column.RawValue == String
    static var artifact: String { get }
    static func cell(_ row: Row, _ column: Column) -> String
    static func row(_ cells: RunTableCells<Column>) throws(RunArtifactError) -> Row
}

extension RunTable {
    public static var columns: [String] { Column.allCases.map(\.rawValue) }

    /// The rows as cells under the header (what the artifact and the export hold).
    public static func table(_ rows: [Row]) -> DataTable {
        let cols = Array(Column.allCases)
        var t = DataTable(columns: cols.map(\.rawValue))
        t.rows.reserveCapacity(rows.count)
        for r in rows { t.rows.append(cols.map { cell(r, $0) }) }
        return t
    }

    public static func bytes(_ rows: [Row]) -> [UInt8] { table(rows).csvBytes() }

    /// Reads the artifact's bytes back; a header without one of the columns is a run saved by
    /// an older OpsDeck.
    public static func rows(_ bytes: [UInt8], run: Int64) throws(RunArtifactError) -> [Row] {
        let reader = CSVReader(bytes: bytes, name: "run \(run), artifact \(artifact)")
        do {
            guard try reader.next() else { throw RunArtifactError.olderRun(run, "artifact \(artifact) is empty") }
            let header = reader.strings
            var index: [Column: Int] = [:]
            for c in Column.allCases {
                guard let k = header.firstIndex(of: c.rawValue) else {
                    throw RunArtifactError.olderRun(run, "artifact \(artifact) has no column \(c.rawValue)")
                }
                index[c] = k
            }
            var out: [Row] = []
            while try reader.next() {
                out.append(try row(RunTableCells(fields: reader.strings, index: index, run: run, artifact: artifact,
                                                 line: reader.recordLine)))
            }
            return out
        } catch let e as RunArtifactError {
            throw e
        } catch {
            throw RunArtifactError("run \(run), artifact \(artifact): \(error)")
        }
    }

    /// The run's rows from the store; a run without the artifact was saved by an older OpsDeck.
    public static func load(_ store: Store, run: Int64) throws(RunArtifactError) -> [Row] {
        let bytes: [UInt8]?
        do { bytes = try store.artifact(run: run, name: artifact) } catch { throw RunArtifactError(error.description) }
        guard let bytes else { throw RunArtifactError.olderRun(run, "it has no \(artifact)") }
        return try rows(bytes, run: run)
    }
}

/// One data row of a run table, read by column.
public struct RunTableCells<Column: Hashable & RawRepresentable> where Column.RawValue == String {
    package let fields: [String]
    package let index: [Column: Int]
    package let run: Int64
    package let artifact: String
    package let line: Int

    public func text(_ c: Column) -> String {
        guard let k = index[c], k < fields.count else { return "" }
        return fields[k]
    }

    public func int(_ c: Column) throws(RunArtifactError) -> Int {
        guard let v = Int(text(c)) else { throw problem(c, "a whole number") }
        return v
    }

    /// A number written with fixed decimals; an empty cell is a value that was not finite.
    public func number(_ c: Column) throws(RunArtifactError) -> Double {
        let s = text(c)
        if s.isEmpty || s == "nan" { return .nan }
        guard let v = Double(s) else { throw problem(c, "a number") }
        return v
    }

    /// "09:05" as minutes after midnight.
    public func clock(_ c: Column) throws(RunArtifactError) -> Int {
        let parts = text(c).split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]) else { throw problem(c, "a time HH:MM") }
        return h * 60 + m
    }

    public func value<T: RawRepresentable>(_ c: Column, _ type: T.Type) throws(RunArtifactError) -> T where T.RawValue == String {
        guard let v = T(rawValue: text(c)) else { throw problem(c, "a \(T.self)") }
        return v
    }

    package func problem(_ c: Column, _ expected: String) -> RunArtifactError {
        RunArtifactError("run \(run), artifact \(artifact), line \(line), column \(c.rawValue): expected \(expected), found \"\(text(c))\"")
    }
}

/// A run's artifact that cannot be read: which run, which artifact, where and why.
public struct RunArtifactError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ message: String) { description = message }

    public static func olderRun(_ run: Int64, _ detail: String) -> RunArtifactError {
        RunArtifactError(StoreError.olderRun(run, detail).message)
    }
}
