import GRDB
import Core

extension StoreMigrations {
    /// Issue 16: data's own labels. A ticket's status meaning is stored beside its label (a
    /// profile can give a label its own meaning: Jira's Pending is on hold); accounts keep
    /// their CRM name; a dataset says whether OpsDeck generated it, so generated data never
    /// shadows an import.
    package static func registerOpenLabels(_ m: inout DatabaseMigrator) {
        m.registerMigration("v4-open-labels") { db in
            try db.execute(sql: """
                ALTER TABLE ticket ADD COLUMN state TEXT;
                ALTER TABLE customer ADD COLUMN name TEXT;
                ALTER TABLE customer ADD COLUMN visit_opens INTEGER;
                ALTER TABLE customer ADD COLUMN visit_closes INTEGER;
                ALTER TABLE customer ADD COLUMN visit_minutes INTEGER;
                ALTER TABLE dataset ADD COLUMN generated INTEGER NOT NULL DEFAULT 0;
                UPDATE dataset SET generated = 1 WHERE source LIKE 'synthetic seed %';
                """)
        }
    }
}
