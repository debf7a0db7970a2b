import GRDB
import Core

extension StoreMigrations {
    /// Issue 16, item 8: tickets link to accounts by the requester's e-mail domain, so an
    /// account keeps its web domain and a ticket its requester's address.
    package static func registerDomains(_ m: inout DatabaseMigrator) {
        m.registerMigration("v6-domains") { db in
            try db.execute(sql: """
                ALTER TABLE customer ADD COLUMN domain TEXT;
                ALTER TABLE ticket ADD COLUMN requester_email TEXT;
                """)
        }
    }
}
