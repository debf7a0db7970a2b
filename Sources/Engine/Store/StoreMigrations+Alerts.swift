import GRDB
import Core

extension StoreMigrations {
    /// Issue 19, item 3: each (ticket, rule) alert fires once, whichever command center saw
    /// it first and across restarts: the first to insert its row runs the hook; the primary
    /// key refuses the others. The audit log keeps the alert itself (`event = 'alert'`).
    package static func registerAlerts(_ m: inout DatabaseMigrator) {
        m.registerMigration("v7-alerts") { db in
            try db.execute(sql: """
                CREATE TABLE alert_fired (
                    ticket TEXT NOT NULL,
                    rule TEXT NOT NULL,
                    run_id INTEGER REFERENCES run(id),
                    at INTEGER NOT NULL,
                    user TEXT NOT NULL,
                    entry TEXT NOT NULL,
                    PRIMARY KEY (ticket, rule)
                ) WITHOUT ROWID;
                """)
        }
    }
}
