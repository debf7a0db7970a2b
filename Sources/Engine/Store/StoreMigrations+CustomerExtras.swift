import GRDB
import Core

extension StoreMigrations {
    /// The extra columns of an imported customer file (those no customer field maps): one
    /// row per dataset and column, the whole column in one blob (distinct texts and a code
    /// per customer row), so a million-row import adds a handful of rows, not millions.
    package static func registerCustomerExtras(_ m: inout DatabaseMigrator) {
        m.registerMigration("v3-customer-extras") { db in
            try db.execute(sql: """
                CREATE TABLE customer_extra (
                    dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    row_count INTEGER NOT NULL,
                    data BLOB NOT NULL,
                    PRIMARY KEY (dataset_id, position)
                );
                """)
        }
    }
}
