import Core

/// A manager's action on a run: escalate a ticket, change a capacity, lock a route stop.
public struct Decision: Sendable, Equatable {
    public var id: Int64
    public var runId: Int64?
    public var at: String
    public var user: String
    public var action: String
    public var subject: String
    public var value: String

    package init(id: Int64, runId: Int64? = nil, at: String, user: String, action: String, subject: String, value: String) {
        self.id = id; self.runId = runId; self.at = at; self.user = user; self.action = action; self.subject = subject; self.value = value
    }
}

extension Store {
    /// Records a decision and its audit line together. `exclusive` names the actions that are
    /// states of one subject (escalate / de-escalate): when the subject's latest decision among
    /// them on this run is already `action` (another manager got there first), nothing is
    /// recorded and the error says who decided and when. The check and the insert are one
    /// transaction, serialized among writers, so two managers never both record it.
    @discardableResult
    public func recordDecision(run: Int64?, user: String, action: String, subject: String, value: String = "",
                               exclusive: [String] = []) throws(StoreError) -> Decision {
        try write("recording the decision") { s in
            if !exclusive.isEmpty, let latest = try Self.latestDecision(s, run: run, subject: subject, among: exclusive),
               latest.action == action {
                throw StoreError.alreadyDecided(latest)
            }
            let at = WallClock.text()
            let id = try s.insertReturningId("INSERT INTO decision (run_id, at, \"user\", action, subject, value) VALUES (?,?,?,?,?,?)",
                                             run, at, user, action, subject, value)
            try s.execute("INSERT INTO audit_log (at, \"user\", event, detail) VALUES (?,?,?,?)",
                          at, user, "decision", "\(action) \(subject) \(value)")
            try s.notify(.decisions, "\(id)")
            return Decision(id: id, runId: run, at: at, user: user, action: action, subject: subject, value: value)
        }
    }

    /// The subject's newest decision on `run` whose action is one of `actions`.
    private static func latestDecision(_ s: any StoreSession, run: Int64?, subject: String, among actions: [String]) throws -> Decision? {
        let marks = Array(repeating: "?", count: actions.count).joined(separator: ",")
        let runTest = run == nil ? "run_id IS NULL" : "run_id = ?"
        let args: [SQLValue] = (run.map { [.int($0)] } ?? []) + [.text(subject)] + actions.map { .text($0) }
        return try s.rows("SELECT * FROM decision WHERE \(runTest) AND subject = ? AND action IN (\(marks)) ORDER BY id DESC LIMIT 1", args)
            .first.map(decision)
    }

    package static func decision(_ r: SQLRow) throws(StoreError) -> Decision {
        Decision(id: try r.int64("id"), runId: try r.int64OrNil("run_id"), at: try r.string("at"), user: try r.string("user"),
                 action: try r.string("action"), subject: try r.string("subject"), value: try r.string("value"))
    }

    /// Decisions on a run (all runs when nil), oldest first.
    public func decisions(run: Int64?) throws(StoreError) -> [Decision] {
        try read("loading decisions") { s in
            let sql = run == nil ? "SELECT * FROM decision ORDER BY id" : "SELECT * FROM decision WHERE run_id = ? ORDER BY id"
            return try s.rows(sql, run.map { [.int($0)] } ?? []).map(Self.decision)
        }
    }

    /// Appends an audit line (imports, runs, exports).
    public func audit(user: String, event: String, detail: String) throws(StoreError) {
        try write("writing the audit log") { s in
            try s.execute("INSERT INTO audit_log (at, \"user\", event, detail) VALUES (?,?,?,?)", WallClock.text(), user, event, detail)
        }
    }

    public func auditLog(limit: Int = 200) throws(StoreError) -> [(at: String, user: String, event: String, detail: String)] {
        try read("reading the audit log") { s in
            try s.rows("SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", limit).map { r throws(StoreError) in
                (try r.string("at"), try r.string("user"), try r.string("event"), try r.string("detail"))
            }
        }
    }
}

extension StoreError {
    /// Another manager recorded the same state of the subject first.
    public static func alreadyDecided(_ d: Decision) -> StoreError {
        StoreError("\(d.subject) is already \(d.action == "escalate" ? "escalated" : d.action == "de-escalate" ? "de-escalated" : d.action) "
                   + "by \(d.user) at \(d.at); nothing recorded")
    }
}
