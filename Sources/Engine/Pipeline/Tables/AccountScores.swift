import Core
import Sales
import Store
/// `accounts.bin`: the per-account columns of a run (scores, NBA reasons, channel, day,
/// territory, anomaly), in the customers' order, as a `ColumnFile` the command center opens
/// without parsing text. The one place that knows its column names and kinds.
public struct AccountScores: Sendable, Equatable {
    public static let artifact = "accounts.bin"

    public var churn: [Float]
    public var potential: [Float]
    public var nba: [Float]
    /// 1 = highest priority.
    public var nbaRank: [Int32]
    public var value6m: [Float]
    public var recencyDays: [Float]
    public var openTickets: [Int32]
    public var valueBucket: [UInt8]
    public var potentialBucket: [UInt8]
    /// `NBAScore.reasonSlots` reason codes per account, row-major.
    public var reasons: [UInt8]
    /// `SalesChannel` codes.
    public var channel: [UInt8]
    /// 0-based planning day.
    public var day: [Int32]
    /// Minutes after the planning day's midnight the account must be answered by; `Int32.min`: none.
    public var deadlineMinute: [Int32]
    public var anomalyScore: [Float]
    /// 1 when flagged.
    public var anomaly: [UInt8]
    /// 0-based; −1: none.
    public var territory: [Int32]

    public var count: Int { churn.count }

    package init(_ s: SalesRun, accounts n: Int) {
        churn = s.models.churn.map(Float.init)
        potential = s.models.potential.map(Float.init)
        nba = s.nba.score
        nbaRank = s.nbaRank
        value6m = s.value6m.map(Float.init)
        recencyDays = s.recencyDays.map(Float.init)
        openTickets = (0..<n).map { Int32(s.openTickets.count($0)) }
        valueBucket = s.segmentation.valueBucket
        potentialBucket = s.segmentation.potentialBucket
        reasons = s.nba.reasons
        channel = s.allocation.channel
        day = s.allocation.day
        deadlineMinute = s.deadlineMinute.map { $0 ?? Int32.min }
        anomalyScore = s.anomalies.score
        anomaly = s.anomalies.flagged.map { $0 ? 1 : 0 }
        territory = s.territories.territory
    }

    public func bytes() -> [UInt8] {
        var cols = ColumnFile(rowCount: count)
        let slots = NBAScore.reasonSlots
        cols.add("churn", .float(churn))
        cols.add("potential", .float(potential))
        cols.add("nba", .float(nba))
        cols.add("nba_rank", .int(nbaRank))
        cols.add("value_6m", .float(value6m))
        cols.add("recency_days", .float(recencyDays))
        cols.add("open_tickets", .int(openTickets))
        cols.add("value_bucket", .byte(valueBucket))
        cols.add("potential_bucket", .byte(potentialBucket))
        for r in 0..<slots { cols.add("reason\(r + 1)", .byte((0..<count).map { reasons[$0 * slots + r] })) }
        cols.add("channel", .byte(channel))
        cols.add("day", .int(day))
        cols.add("deadline_minute", .int(deadlineMinute))
        cols.add("anomaly_score", .float(anomalyScore))
        cols.add("anomaly", .byte(anomaly))
        cols.add("territory", .int(territory))
        return cols.bytes()
    }

    /// Reads the artifact back, `accounts` rows (the run's customer dataset); a column missing
    /// is a run saved by an older OpsDeck.
    public init(bytes: [UInt8], run: Int64, accounts n: Int) throws(RunArtifactError) {
        let cols: ColumnFile
        do { cols = try ColumnFile(bytes: bytes) } catch { throw RunArtifactError("run \(run), artifact \(Self.artifact): \(error.description)") }
        guard cols.rowCount == n else {
            throw RunArtifactError("run \(run): scores have \(cols.rowCount) rows but its customer dataset has \(n)")
        }
        func missing(_ name: String) -> RunArtifactError { .olderRun(run, "artifact \(Self.artifact) has no column \(name)") }
        func f(_ name: String) throws(RunArtifactError) -> [Float] {
            guard case .float(let v)? = cols.column(name) else { throw missing(name) }
            return v
        }
        func i(_ name: String) throws(RunArtifactError) -> [Int32] {
            guard case .int(let v)? = cols.column(name) else { throw missing(name) }
            return v
        }
        func b(_ name: String) throws(RunArtifactError) -> [UInt8] {
            guard case .byte(let v)? = cols.column(name) else { throw missing(name) }
            return v
        }
        let slots = NBAScore.reasonSlots
        var reasonCols: [[UInt8]] = []
        for s in 1...slots { reasonCols.append(try b("reason\(s)")) }
        var reasons = [UInt8](repeating: 0, count: n * slots)
        for r in 0..<n { for s in 0..<slots { reasons[r * slots + s] = reasonCols[s][r] } }
        churn = try f("churn"); potential = try f("potential"); nba = try f("nba"); nbaRank = try i("nba_rank")
        value6m = try f("value_6m"); recencyDays = try f("recency_days"); openTickets = try i("open_tickets")
        valueBucket = try b("value_bucket"); potentialBucket = try b("potential_bucket"); self.reasons = reasons
        channel = try b("channel"); day = try i("day"); deadlineMinute = try i("deadline_minute")
        anomalyScore = try f("anomaly_score"); anomaly = try b("anomaly"); territory = try i("territory")
    }

    /// The run's scores; nil when it ran no sales stages (no customers).
    public static func load(_ store: Store, run: Int64, accounts n: Int) throws(RunArtifactError) -> AccountScores? {
        let bytes: [UInt8]?
        do { bytes = try store.artifact(run: run, name: artifact) } catch { throw RunArtifactError(error.description) }
        return try bytes.map { b throws(RunArtifactError) in try AccountScores(bytes: b, run: run, accounts: n) }
    }
}
