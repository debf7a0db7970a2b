import Foundation
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
        return try saveCustomers(customers, source: source, report: report, then: { s, id in
            try Self.insertExtras(s, extras, dataset: id)
        })
    }

    package static func insertExtras(_ s: any StoreSession, _ extras: CustomerExtras, dataset: Int64) throws {
        for (j, c) in extras.columns.enumerated() {
            try s.execute("INSERT INTO customer_extra (dataset_id, position, name, row_count, data) VALUES (?,?,?,?,?)",
                          dataset, j, c.name, extras.rowCount, CustomerExtras.bytes(of: c))
        }
    }

    /// The extra columns kept with a customer dataset; nil when its file had none.
    public func customerExtras(dataset: Int64) throws(StoreError) -> CustomerExtras? {
        let rows = try read("loading extra customer columns") { s in
            try s.rows("SELECT name, row_count, data FROM customer_extra WHERE dataset_id = ? ORDER BY position", dataset)
        }
        guard let first = rows.first else { return nil }
        let count = try first.int("row_count")
        var columns: [RawTable.Column] = []
        for r in rows {
            let name = try r.string("name")
            let data = try r.bytes("data")
            do {
                let c = try CustomerExtras.column(name: name, bytes: data)
                guard c.codes.count == count else { throw LearningError.invalidModelBytes("\(c.codes.count) rows, expected \(count)") }
                columns.append(c)
            } catch {
                throw StoreError("extra column \(name) of dataset \(dataset) is unreadable: \(error)")
            }
        }
        return CustomerExtras(columns: columns, rowCount: count)
    }
}
