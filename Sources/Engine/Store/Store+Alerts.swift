import Foundation
import Core
import Support

/// One alert as the store keeps it: who saw it first, when, and what the rule saw.
public struct FiredAlert: Sendable, Equatable {
    public var ticket: String
    public var rule: String
    public var runId: Int64?
    public var at: Int64
    public var user: String
    public var entry: AlertAuditEntry

    public init(ticket: String, rule: String, runId: Int64?, at: Int64, user: String, entry: AlertAuditEntry) {
        self.ticket = ticket; self.rule = rule; self.runId = runId; self.at = at; self.user = user; self.entry = entry
    }
}

extension Store {
    /// Claims each alert for this command center: returns the ones no command center on this
    /// store fired before (for any run), in order; the others were already fired (here
    /// before a restart, or by another manager's screen) and must not run their hook again.
    /// Each claimed alert is written to the audit log (`event = 'alert'`, who and when) in the
    /// same transaction, so an alert is never fired without its audit line.
    public func claimAlerts(_ alerts: [Alert], run: Int64?, user: String) throws(StoreError) -> [Alert] {
        guard !alerts.isEmpty else { return [] }
        let encoder = Store.jsonEncoder()
        return try write("recording alerts") { s in
            let now = WallClock.text()
            var claimed: [Alert] = []
            for a in alerts {
                let entry = String(decoding: try encoder.encode(AlertAuditEntry(a)), as: UTF8.self)
                let inserted = try s.execute("""
                    INSERT INTO alert_fired (ticket, rule, run_id, at, "user", entry) VALUES (?,?,?,?,?,?)
                    ON CONFLICT (ticket, rule) DO NOTHING
                    """, a.ticket, a.rule, run, a.at, user, entry)
                guard inserted > 0 else { continue }
                claimed.append(a)
                try s.execute("INSERT INTO audit_log (at, \"user\", event, detail) VALUES (?,?,?,?)", now, user, AlertAuditEntry.action, entry)
            }
            return claimed
        }
    }

    /// What became of claimed alerts' hooks: kept with the fired row, and each hook that was
    /// run or skipped written to the audit log (`event = 'alert-hook'`).
    public func recordHookOutcomes(_ entries: [AlertAuditEntry], user: String) throws(StoreError) {
        let entries = entries.filter { $0.hook != nil }
        guard !entries.isEmpty else { return }
        let encoder = Store.jsonEncoder()
        try write("writing alerts to the audit log") { s in
            let at = WallClock.text()
            for e in entries {
                let json = String(decoding: try encoder.encode(e), as: UTF8.self)
                try s.execute("UPDATE alert_fired SET entry = ? WHERE ticket = ? AND rule = ?", json, e.ticket, e.rule)
                try s.execute("INSERT INTO audit_log (at, \"user\", event, detail) VALUES (?,?,?,?)", at, user, AlertAuditEntry.hookAction, json)
            }
        }
    }

    /// Fired alerts, newest first.
    public func firedAlerts(limit: Int = 500) throws(StoreError) -> [FiredAlert] {
        try read("loading fired alerts") { s in
            let decoder = Store.jsonDecoder()
            return try s.rows("SELECT * FROM alert_fired ORDER BY at DESC, ticket, rule LIMIT ?", limit).map { r in
                let entry = try decoder.decode(AlertAuditEntry.self, from: Data(try r.string("entry").utf8))
                return FiredAlert(ticket: try r.string("ticket"), rule: try r.string("rule"), runId: try r.int64OrNil("run_id"),
                                  at: try r.int64("at"), user: try r.string("user"), entry: entry)
            }
        }
    }
}
