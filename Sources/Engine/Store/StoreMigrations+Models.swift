import GRDB
import Core

extension StoreMigrations {
    /// Saved models of `opsdeck model fit --save`: the model card (JSON) beside the model's
    /// bytes. A name is one current model; saving again under it replaces it (audited).
    package static func registerModels(_ m: inout DatabaseMigrator) {
        m.registerMigration("v2-models") { db in
            try db.execute(sql: """
                CREATE TABLE model (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL UNIQUE,
                    created_at TEXT NOT NULL,
                    task TEXT NOT NULL,
                    family TEXT NOT NULL,
                    target TEXT NOT NULL,
                    card TEXT NOT NULL,
                    data BLOB NOT NULL
                );
                """)
        }
    }
}
