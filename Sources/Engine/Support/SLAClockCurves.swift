import Core
/// The elapsed-time update of each clocked metric (`ElapsedTimeUpdate`), saved with a run
/// beside the SLA snapshot as `sla-clock.bin`, so the running clock re-scores an open ticket
/// for the time it has stayed open from the run's own model, without a refit. A run saved
/// before this artifact existed has none: the clock then keeps each ticket's probability as
/// the run scored it until the ticket passes its target.
public struct SLAClockCurves: Sendable, Equatable {
    public static let artifactName = "sla-clock.bin"
    package static let signature: [UInt8] = Array("OPSDCLK".utf8) + [0]
    package static let version: UInt32 = 1

    /// Per metric (`SLAMetric.code`), per priority code: on-time counted resolution times, ascending.
    package var durations: [UInt8: [[Int64]]]

    package init(durations: [UInt8: [[Int64]]]) { self.durations = durations }

    /// The curves of an analysis' metric models.
    public init(_ a: SupportAnalysis) {
        var d: [UInt8: [[Int64]]] = [:]
        for m in a.metricModels { d[m.metric.code] = m.update.onTimeDurations }
        durations = d
    }

    /// The update for one metric; nil when the run did not clock it.
    package func update(for metric: SLAMetric) -> ElapsedTimeUpdate? {
        durations[metric.code].map { ElapsedTimeUpdate(onTimeDurations: $0) }
    }

    public func encoded() -> [UInt8] {
        var w = SupportSnapshotWriter()
        for b in Self.signature { w.u8(b) }
        w.u32(Self.version)
        let metrics = durations.keys.sorted()
        w.int(metrics.count)
        for m in metrics {
            w.u8(m)
            let levels = durations[m] ?? []
            w.int(levels.count)
            for l in levels {
                w.int(l.count)
                for v in l { w.i64(v) }
            }
        }
        return w.bytes
    }

    public static func decode(_ bytes: [UInt8]) throws(SupportSnapshotError) -> SLAClockCurves {
        var r = SupportSnapshotReader(bytes)
        for b in signature {
            guard try r.u8() == b else { throw .invalid("\(artifactName) does not start with its signature") }
        }
        let v = try r.u32()
        guard v == version else { throw .invalid("\(artifactName) is version \(v); this build reads version \(version)") }
        var d: [UInt8: [[Int64]]] = [:]
        for _ in 0..<(try r.count(elementSize: 9)) {
            let m = try r.u8()
            guard SLAMetric(code: m) != nil else { throw .invalid("\(artifactName): unknown metric code \(m)") }
            var levels: [[Int64]] = []
            for _ in 0..<(try r.count(elementSize: 8)) {
                var l: [Int64] = []
                let n = try r.count(elementSize: 8)
                l.reserveCapacity(n)
                for _ in 0..<n { l.append(try r.i64()) }
                guard zip(l, l.dropFirst()).allSatisfy({ $0 <= $1 }) else { throw .invalid("\(artifactName): durations out of order") }
                levels.append(l)
            }
            d[m] = levels
        }
        return SLAClockCurves(durations: d)
    }

    /// The curves among a run's artifacts; nil for a run saved without them.
    public static func load(_ artifacts: [String: [UInt8]]) throws(SupportSnapshotError) -> SLAClockCurves? {
        guard let bytes = artifacts[artifactName] else { return nil }
        return try decode(bytes)
    }
}
