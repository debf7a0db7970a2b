import GRDB
import Core

/// The schema, as a sequence of migrations that never change once shipped.
package enum StoreMigrations {
    package static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE dataset (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL CHECK (kind IN ('customers', 'reps', 'tickets')),
                    source TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    row_count INTEGER NOT NULL,
                    gate_report TEXT NOT NULL DEFAULT ''
                );
                CREATE TABLE customer (
                    dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
                    row INTEGER NOT NULL,
                    id TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
                    last_purchase_day INTEGER, amount REAL, lifetime_value REAL NOT NULL,
                    company_size INTEGER NOT NULL, industry TEXT NOT NULL, tier TEXT NOT NULL,
                    preferred_channel TEXT NOT NULL, last_contact_channel TEXT NOT NULL,
                    digital_engagement REAL NOT NULL, inbound_calls_30d INTEGER NOT NULL,
                    outbound_connect_rate REAL NOT NULL, web_sessions_30d INTEGER NOT NULL,
                    abandoned_carts_30d INTEGER NOT NULL, ecom_orders_30d INTEGER NOT NULL,
                    support_tickets_90d INTEGER NOT NULL, csat REAL, recent_issue INTEGER NOT NULL,
                    touches_30d INTEGER NOT NULL, product_interest TEXT NOT NULL,
                    churned INTEGER, future_spend REAL, churn_logit REAL,
                    PRIMARY KEY (dataset_id, row)
                ) WITHOUT ROWID;
                CREATE TABLE rep (
                    dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
                    row INTEGER NOT NULL,
                    id TEXT NOT NULL, name TEXT NOT NULL, home_lat REAL NOT NULL, home_lon REAL NOT NULL,
                    day_start INTEGER NOT NULL, day_end INTEGER NOT NULL, working_days INTEGER NOT NULL,
                    PRIMARY KEY (dataset_id, row)
                ) WITHOUT ROWID;
                CREATE TABLE ticket (
                    dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
                    row INTEGER NOT NULL,
                    id TEXT NOT NULL, created_at INTEGER NOT NULL, priority TEXT NOT NULL,
                    channel TEXT NOT NULL, type TEXT NOT NULL, product TEXT NOT NULL, status TEXT NOT NULL,
                    first_response_at INTEGER, resolved_at INTEGER, customer_key TEXT,
                    satisfaction REAL, subject TEXT,
                    PRIMARY KEY (dataset_id, row)
                ) WITHOUT ROWID;
                CREATE TABLE run (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    created_at TEXT NOT NULL,
                    seed INTEGER NOT NULL,
                    config TEXT NOT NULL,
                    customers_dataset INTEGER REFERENCES dataset(id),
                    reps_dataset INTEGER REFERENCES dataset(id),
                    tickets_dataset INTEGER REFERENCES dataset(id),
                    kpis TEXT NOT NULL,
                    trace TEXT NOT NULL
                );
                CREATE TABLE artifact (
                    run_id INTEGER NOT NULL REFERENCES run(id),
                    name TEXT NOT NULL,
                    data BLOB NOT NULL,
                    PRIMARY KEY (run_id, name)
                );
                CREATE TABLE decision (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    run_id INTEGER REFERENCES run(id),
                    at TEXT NOT NULL,
                    user TEXT NOT NULL,
                    action TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    value TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX decision_run ON decision(run_id, subject);
                CREATE TABLE audit_log (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    user TEXT NOT NULL,
                    event TEXT NOT NULL,
                    detail TEXT NOT NULL DEFAULT ''
                );
                -- A saved run and its artifacts never change: decisions are the only way to act on them.
                CREATE TRIGGER run_immutable BEFORE UPDATE ON run
                    BEGIN SELECT RAISE(ABORT, 'a saved run is immutable'); END;
                CREATE TRIGGER artifact_immutable BEFORE UPDATE ON artifact
                    BEGIN SELECT RAISE(ABORT, 'a saved run is immutable'); END;
                CREATE TRIGGER artifact_no_delete BEFORE DELETE ON artifact
                    BEGIN SELECT RAISE(ABORT, 'a saved run is immutable'); END;
                """)
        }
        registerModels(&m)
        registerCustomerExtras(&m)
        registerOpenLabels(&m)
        registerImportMappings(&m)
        registerDomains(&m)
        registerAlerts(&m)
        registerTicketIds(&m)
        return m
    }
}
