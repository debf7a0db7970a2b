import Foundation
import Core

/// Road travel times from the user's own router, keyed by account and rep ids: an OSRM
/// `table` service response (with the ids of its rows and columns, in the order of the
/// request's coordinates) or a CSV of `from,to,seconds[,meters]`. Pairs the file lacks fall
/// back to the straight-line × detour model (`TravelModel`), counted, so a partial matrix
/// still plans and the trace can say how much of the day was estimated.
public struct TravelMatrix: Sendable, Equatable {
    /// One known pair: seconds (nil: the router found no road) and metres when given.
    public struct Cell: Sendable, Equatable {
        public var seconds: Double?
        public var meters: Double?

        package init(seconds: Double? = nil, meters: Double? = nil) {
            self.seconds = seconds; self.meters = meters
        }
    }

    /// Most ids a matrix names (the routing engine's node limit) and most pairs it holds
    /// (a full 2 000 × 2 000 table), checked before anything is allocated per pair.
    public static let maxIds = RoutingLimits.maxNodes
    public static let maxCells = 4_000_000
    /// Longest trip accepted: a week of driving; more is a unit mistake (ms for s).
    public static let maxSeconds = 7 * 86_400.0
    /// Largest input file read (about 40 bytes a CSV pair, 10 a JSON cell at `maxCells`).
    public static let maxBytes = 256 << 20

    /// Where the times came from, for the trace: "osrm table travel.json, 12 × 12".
    public let source: String
    public private(set) var ids: [String]
    package var index: [String: Int]
    package var cells: [UInt64: Cell]

    public var count: Int { cells.count }

    package init(source: String) {
        self.source = source
        ids = []; index = [:]; cells = [:]
    }

    package mutating func intern(_ id: String) -> Int {
        if let k = index[id] { return k }
        index[id] = ids.count
        ids.append(id)
        return ids.count - 1
    }

    package static func key(_ a: Int, _ b: Int) -> UInt64 { UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)) }

    package mutating func set(_ from: Int, _ to: Int, _ cell: Cell) { cells[Self.key(from, to)] = cell }

    /// The pair as the file gave it; nil when the file does not have it.
    public func cell(from: String, to: String) -> Cell? {
        guard let a = index[from], let b = index[to] else { return nil }
        return cells[Self.key(a, b)]
    }

    /// Whole road seconds from one id to the other (rounded as `TravelModel` rounds); nil when
    /// the file lacks the pair or the router found no road. An id to itself is 0.
    public func seconds(from: String, to: String) -> Int? {
        if from == to { return 0 }
        return cell(from: from, to: to)?.seconds.map { Int($0.rounded()) }
    }

    /// Row-major road seconds between `ids` (node order, e.g. a rep's home then the day's
    /// accounts), the file's where it has the pair and `fallback` on the coordinates where it
    /// has not. A pair the router found unreachable costs `RoutingLimits.maxValue`, so no
    /// plan takes it yet every sum stays far from overflow. `fellBack` counts estimated pairs.
    public func matrix(ids: [String], lat: [Double], lon: [Double], fallback: TravelModel) -> (seconds: [Int], fellBack: Int) {
        let n = ids.count
        var m = [Int](repeating: 0, count: n * n), fellBack = 0
        for i in 0..<n {
            for j in 0..<n where i != j {
                if ids[i] == ids[j] { continue }
                if let c = cell(from: ids[i], to: ids[j]) {
                    m[i * n + j] = c.seconds.map { Int($0.rounded()) } ?? RoutingLimits.maxValue
                } else if i < lat.count, j < lat.count, i < lon.count, j < lon.count {
                    m[i * n + j] = fallback.seconds(lat[i], lon[i], lat[j], lon[j])
                    fellBack += 1
                }
            }
        }
        return (m, fellBack)
    }

    /// Per ordered pair of `ids` (row-major), true when the file lacks it (the leg is
    /// estimated); the diagonal and repeated ids are false.
    package func estimated(ids: [String]) -> [Bool] {
        let n = ids.count
        var out = [Bool](repeating: false, count: n * n)
        for i in 0..<n {
            for j in 0..<n where i != j && ids[i] != ids[j] { out[i * n + j] = cell(from: ids[i], to: ids[j]) == nil }
        }
        return out
    }

    /// FNV-1a 64 of the file's bytes, hex: saved with a run so a later re-plan can tell the
    /// file it reads again is the one the run used.
    public static func fingerprint(_ bytes: some Sequence<UInt8>) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Reads `path` (as `read`) and returns the matrix with its file's fingerprint.
    public static func readWithFingerprint(path: String) throws(InputError) -> (matrix: TravelMatrix, fingerprint: String) {
        let data = try load(path)
        return (try read(path: path), fingerprint(data))
    }

    /// A seconds (or metres) value from a file: finite, not negative, at most `limit`.
    package static func checked(_ v: Double, limit: Double, what: String) -> String? {
        guard v.isFinite else { return "expected \(what) as a finite number, found \(v)" }
        guard v >= 0 else { return "expected \(what) of 0 or more, found \(fixedDecimal(v, 3))" }
        guard v <= limit else {
            return "expected \(what) of at most \(Int(limit)), found \(fixedDecimal(v, 1)) (milliseconds instead of seconds?)"
        }
        return nil
    }

    /// The file's bytes, refusing a folder, an unreadable or an oversized file.
    package static func load(_ path: String) throws(InputError) -> Data {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw InputError(file: path, line: 0, column: 0, "no such file")
        }
        guard !isDir.boolValue else { throw InputError(file: path, line: 0, column: 0, "expected a file, found a folder") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, line: 0, column: 0, "expected a readable file")
        }
        guard data.count <= maxBytes else {
            throw InputError(file: path, line: 0, column: 0, "expected at most \(maxBytes >> 20) MB, found \(data.count >> 20) MB")
        }
        return data
    }

    /// Reads `path` as OSRM JSON when it ends in `.json` (ids then from `idsPath`, one a
    /// line, or the response's own `ids` field) and as CSV otherwise.
    public static func read(path: String, ids idsPath: String? = nil) throws(InputError) -> TravelMatrix {
        let data = try load(path)
        if path.lowercased().hasSuffix(".json") {
            var ids: [String]? = nil
            if let idsPath {
                let text = String(decoding: try load(idsPath), as: UTF8.self)
                ids = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            return try osrm(data, file: path, rowIds: ids)
        }
        return try csv(CSVReader(bytes: Array(data), name: path))
    }
}
