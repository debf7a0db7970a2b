import Core
import Learning
/// A help desk's own ticket columns (group, tags, custom fields, the requester's
/// organisation) as breach-model features: types inferred as `opsdeck model fit` does,
/// then kept only if known when the ticket arrives. A column named like an outcome
/// (resolution, SLA, solved, reopens, satisfaction…) or that gives the breach away on the
/// resolved tickets is left out, with the reason, so the model never learns the answer.
public struct TicketExtraFeatures: Sendable {
    public struct Column: Sendable {
        public var codes: [UInt8]
        public var levels: [String]
        public var numeric: [Float]
        public var isCategorical: Bool
    }

    public private(set) var names: [String] = []
    public private(set) var columns: [Column] = []
    public private(set) var excluded: [ExcludedColumn] = []

    /// Words of columns recorded after the ticket arrived (or naming its outcome).
    package static let afterArrivalWords = ["resol", "solved", "closed", "sla", "breach", "violat", "reopen", "repl", "wait",
                                    "stations", "satisf", "survey", "csat", "interactions", "tracked", "updated", "due",
                                    "first_reply", "first_response", "response", "status", "state", "assignee", "assigned",
                                    "agent", "last_", "viewed", "duration", "time_to", "on_hold", "hold_time", "escalat",
                                    "description", "comment"]

    package static let maxLevels = 60, numericBins = 8

    /// `extras` row i is ticket i; `breach` 0/1 and `hours` (creation to resolution) per
    /// resolved row in `rows`.
    public init(_ extras: CustomerExtras, asOfDay: Int, rows: [Int], breach: [Double], hours: [Double]) {
        var raw = CustomerExtras(columns: [], rowCount: extras.rowCount)
        for c in extras.columns {
            let key = ExtraFeatures.normalised(c.name)
            if let w = Self.afterArrivalWords.first(where: { key.contains($0) }) {
                excluded.append(ExcludedColumn(name: c.name, reason: "leakage guard: recorded after arrival (\"\(w)\")"))
            } else {
                raw.columns.append(c)
            }
        }
        var inferred = ExtraFeatures(raw.table(source: "tickets"), asOfDay: asOfDay, taken: Set(SupportFeatures.names))
        inferred.dropLeaks(rows: rows, churn: breach, value: hours)
        excluded += inferred.excluded
        for (f, column) in zip(inferred.features, inferred.columns) {
            names.append(f.name)
            columns.append(Self.coded(column))
        }
    }

    /// Codes for the count-based models and reasons, raw numbers for the trees.
    package static func coded(_ column: FeatureFrame.Column) -> Column {
        switch column {
        case .categorical(let codes, let labels):
            // The most frequent levels keep their own code; the rest fold into "Other";
            // an empty cell is a level of its own.
            var counts = [Int](repeating: 0, count: labels.count)
            for c in codes where c >= 0 { counts[Int(c)] += 1 }
            var ranked = labels.indices.filter { counts[$0] > 0 }.sorted { (counts[$1], labels[$0]) < (counts[$0], labels[$1]) }
            let fold = ranked.count > maxLevels - 2
            if fold { ranked = Array(ranked.prefix(maxLevels - 2)) }
            var code = [UInt8](repeating: UInt8(ranked.count), count: labels.count)
            for (k, l) in ranked.enumerated() { code[l] = UInt8(k) }
            var levels = ranked.map { labels[$0] }
            if fold { levels.append("Other") }
            let empty = UInt8(levels.count)
            levels.append("(empty)")
            let out = codes.map { $0 >= 0 ? code[Int($0)] : empty }
            return Column(codes: out, levels: levels, numeric: out.map(Float.init), isCategorical: true)
        case .numeric(let v):
            let present = v.filter { !$0.isNaN }.sorted()
            var cuts: [Float] = []
            if !present.isEmpty {
                for b in 1..<numericBins {
                    let c = present[min(present.count - 1, present.count * b / numericBins)]
                    if cuts.last.map({ c > $0 }) ?? (c > present[0]) { cuts.append(c) }
                }
            }
            var levels = [String]()
            let lows = [present.first ?? 0] + cuts
            for (k, lo) in lows.enumerated() {
                levels.append(k + 1 < lows.count ? "\(CustomerCSV.num(Double(lo)))–\(CustomerCSV.num(Double(lows[k + 1])))"
                                                  : "≥ \(CustomerCSV.num(Double(lo)))")
            }
            let empty = UInt8(levels.count)
            levels.append("(empty)")
            let codes = v.map { x -> UInt8 in
                guard !x.isNaN else { return empty }
                var lo = 0, hi = cuts.count  // bins below: cuts ≤ x
                while lo < hi { let m = (lo + hi) / 2; if cuts[m] <= x { lo = m + 1 } else { hi = m } }
                return UInt8(lo)
            }
            return Column(codes: codes, levels: levels, numeric: v, isCategorical: false)
        }
    }
}
