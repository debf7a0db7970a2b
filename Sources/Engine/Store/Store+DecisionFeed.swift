import GRDB
import Core

/// Several command centers on one store: each asks, on its idle tick, whether any decision
/// was recorded since the last one it saw, and merges the new ones. The question is one
/// lookup of the largest rowid (the table's B-tree's last entry), so asking every second or
/// two costs microseconds; a WAL reader sees every committed write.
extension Store {
    /// The id of the newest decision (0 on an empty log): grows with every decision recorded.
    public func decisionSequence() throws(StoreError) -> Int64 {
        try read("reading the decision log") { db in
            try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM decision") ?? 0
        }
    }

    /// Decisions after `id` (on `run`, or every run when nil), oldest first.
    public func decisions(after id: Int64, run: Int64?) throws(StoreError) -> [Decision] {
        try read("loading new decisions") { db in
            let sql = run == nil ? "SELECT * FROM decision WHERE id > ? ORDER BY id"
                : "SELECT * FROM decision WHERE id > ? AND run_id = ? ORDER BY id"
            let args: StatementArguments = run.map { [id, $0] } ?? [id]
            return try Row.fetchAll(db, sql: sql, arguments: args).map { r in
                Decision(id: r["id"], runId: r["run_id"], at: r["at"], user: r["user"], action: r["action"],
                         subject: r["subject"], value: r["value"])
            }
        }
    }
}
