import Core

/// Several command centers on one store: each asks, on its idle tick, whether any decision
/// was recorded since the last one it saw, and merges the new ones. In SQLite the question is
/// one lookup of the largest rowid (the table's B-tree's last entry), so asking every second
/// or two costs microseconds; a WAL reader sees every committed write. In PostgreSQL the
/// answer comes without a query: each decision is announced (NOTIFY) and the store listens.
extension Store {
    /// The id of the newest decision (0 on an empty log): grows with every decision recorded.
    public func decisionSequence() throws(StoreError) -> Int64 {
        if let heard = backend.announcedDecision() { return heard }
        return try read("reading the decision log") { s in
            try s.row("SELECT MAX(id) AS newest FROM decision")?.int64OrNil("newest") ?? 0
        }
    }

    /// Decisions after `id` (on `run`, or every run when nil), oldest first.
    public func decisions(after id: Int64, run: Int64?) throws(StoreError) -> [Decision] {
        try read("loading new decisions") { s in
            let sql = run == nil ? "SELECT * FROM decision WHERE id > ? ORDER BY id"
                : "SELECT * FROM decision WHERE id > ? AND run_id = ? ORDER BY id"
            let args: [SQLValue] = [.int(id)] + (run.map { [.int($0)] } ?? [])
            return try s.rows(sql, args).map(Self.decision)
        }
    }
}
