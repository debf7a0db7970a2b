import Core
/// What alert rules see of one open ticket: the SLA queue's numbers and labels at one
/// instant. The screen and `opsdeck alerts check` build it from the queue's rows.
public struct AlertInput: Sendable, Equatable, Codable {
    public var ticket: String
    public var priority: String
    public var status: String
    public var channel: String
    /// The team it is assigned to, when the import carries one.
    public var group: String?
    /// Breach probability given the time it has stayed open (`p`).
    public var probability: Double
    /// Counted seconds since creation (`elapsed`) and its target; target 0 = none.
    public var elapsed: Int64
    public var target: Int64
    public var expectedLoss: Double
    /// Wall-clock seconds since creation (`age`).
    public var age: Int64

    /// Counted seconds left (`left`); negative once breached.
    public var timeLeft: Int64 { target - elapsed }

    public init(ticket: String, priority: String, status: String, channel: String, group: String? = nil,
                probability: Double, elapsed: Int64, target: Int64, expectedLoss: Double, age: Int64) {
        self.ticket = ticket; self.priority = priority; self.status = status; self.channel = channel; self.group = group
        self.probability = probability; self.elapsed = elapsed; self.target = target
        self.expectedLoss = expectedLoss; self.age = age
    }

    /// A queue row as clocked at `now` (the snapshot's `now`).
    public init(row: SupportSnapshot.QueueRow, at now: Int64) {
        self.init(ticket: row.id, priority: row.priority, status: row.status, channel: row.channel,
                  probability: row.probability, elapsed: row.state.elapsed, target: row.state.target,
                  expectedLoss: row.expectedLoss, age: max(now - row.createdAt, 0))
    }

    /// The queue's rows at a later (or earlier) instant than they were clocked, for
    /// `alerts check --at` until the screen's running clock feeds re-clocked rows: an
    /// unpaused ticket's counted time moves with the wall clock (exact for a round-the-clock
    /// desk, early for one with business hours); p and expected loss stay as clocked until
    /// the ticket passes its target, where, as in the queue, p is 1 and only the
    /// intervention cost remains.
    public static func rows(_ rows: [SupportSnapshot.QueueRow], clockedAt now: Int64, at instant: Int64,
                            interventionCost: Double) -> [AlertInput] {
        let shift = instant - now
        return rows.map { r in
            var a = AlertInput(row: r, at: instant)
            if !r.state.paused { a.elapsed = max(a.elapsed + shift, 0) }
            if a.target > 0, a.elapsed > a.target, !r.state.breached {
                a.probability = 1
                a.expectedLoss = -interventionCost
            }
            return a
        }
    }

    package func label(_ field: AlertField) -> String? {
        switch field {
        case .priority: priority
        case .status: status
        case .channel: channel
        case .group: group
        default: nil
        }
    }
}
