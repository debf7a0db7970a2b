import GRDB
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
    /// Records a decision and its audit line together.
    @discardableResult
    public func recordDecision(run: Int64?, user: String, action: String, subject: String, value: String = "") throws(StoreError) -> Decision {
        try write("recording the decision") { db in
            let at = WallClock.text()
            try db.execute(sql: "INSERT INTO decision (run_id, at, user, action, subject, value) VALUES (?,?,?,?,?,?)",
                           arguments: [run, at, user, action, subject, value])
            let id = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO audit_log (at, user, event, detail) VALUES (?,?,?,?)",
                           arguments: [at, user, "decision", "\(action) \(subject) \(value)"])
            return Decision(id: id, runId: run, at: at, user: user, action: action, subject: subject, value: value)
        }
    }

    /// Decisions on a run (all runs when nil), oldest first.
    public func decisions(run: Int64?) throws(StoreError) -> [Decision] {
        try read("loading decisions") { db in
            let sql = run == nil ? "SELECT * FROM decision ORDER BY id" : "SELECT * FROM decision WHERE run_id = ? ORDER BY id"
            return try Row.fetchAll(db, sql: sql, arguments: run.map { [$0] } ?? []).map { r in
                Decision(id: r["id"], runId: r["run_id"], at: r["at"], user: r["user"], action: r["action"],
                         subject: r["subject"], value: r["value"])
            }
        }
    }

    /// Appends an audit line (imports, runs, exports).
    public func audit(user: String, event: String, detail: String) throws(StoreError) {
        try write("writing the audit log") { db in
            try db.execute(sql: "INSERT INTO audit_log (at, user, event, detail) VALUES (?,?,?,?)",
                           arguments: [WallClock.text(), user, event, detail])
        }
    }

    public func auditLog(limit: Int = 200) throws(StoreError) -> [(at: String, user: String, event: String, detail: String)] {
        try read("reading the audit log") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", arguments: [limit]).map { r in
                (r["at"], r["user"], r["event"], r["detail"])
            }
        }
    }
}
