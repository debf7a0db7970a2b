import Foundation
import GRDB
import Core
import Learning

extension Store {
    /// Saves customers with the extra columns of their file as one new dataset, in one
    /// transaction (a dataset without the columns its import reported would mislead).
    @discardableResult
    public func saveCustomers(_ customers: [Customer], extras: CustomerExtras, source: String,
                              report: String = "") throws(StoreError) -> Int64 {
        guard extras.rowCount == customers.count || extras.isEmpty else {
            throw StoreError("extra columns have \(extras.rowCount) rows for \(customers.count) customers")
        }
        return try saveCustomers(customers, source: source, report: report, then: { db, id in
            try Self.insertExtras(db, extras, dataset: id)
        })
    }

    package static func insertExtras(_ db: Database, _ extras: CustomerExtras, dataset: Int64) throws {
        let stmt = try db.makeStatement(sql: "INSERT INTO customer_extra (dataset_id, position, name, row_count, data) VALUES (?,?,?,?,?)")
        // Bound without a `Data` copy of each column's blob (a million-row column is megabytes).
        var b = try SQLiteRowBinder(stmt, what: "saving extra customer columns", columns: 5)
        for (j, c) in extras.columns.enumerated() {
            try b.bind(1, dataset); try b.bind(2, j); try b.bind(3, c.name); try b.bind(4, extras.rowCount)
            try b.bind(5, bytes: CustomerExtras.bytes(of: c))
            try b.insertRow()
        }
    }

    /// The extra columns kept with a customer dataset; nil when its file had none.
    public func customerExtras(dataset: Int64) throws(StoreError) -> CustomerExtras? {
        let rows = try read("loading extra customer columns") { db in
            try Row.fetchAll(db, sql: "SELECT name, row_count, data FROM customer_extra WHERE dataset_id = ? ORDER BY position",
                             arguments: [dataset])
        }
        guard let first = rows.first else { return nil }
        let count: Int = first["row_count"]
        var columns: [RawTable.Column] = []
        for r in rows {
            let name: String = r["name"]
            let data: Data = r["data"] ?? Data()
            do {
                let c = try CustomerExtras.column(name: name, bytes: [UInt8](data))
                guard c.codes.count == count else { throw LearningError.invalidModelBytes("\(c.codes.count) rows, expected \(count)") }
                columns.append(c)
            } catch {
                throw StoreError("extra column \(name) of dataset \(dataset) is unreadable: \(error)")
            }
        }
        return CustomerExtras(columns: columns, rowCount: count)
    }
}
