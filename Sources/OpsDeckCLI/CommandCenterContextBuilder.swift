import Engine
import Foundation
import TUI

/// Turns a saved run into the command center's context: the title and dataset summary.
package enum CommandCenterContextBuilder {
    package typealias Context = CommandCenterContext

    /// The run's dataset sizes, read once with the context (the screens' load weighs its
    /// progress line by them).
    package struct Rows: Sendable, Equatable {
        package var customers: Int
        package var reps: Int
        package var tickets: Int
    }

    package static func build(store: Store, run: RunRecord) throws -> Context {
        build(run: run, rows: try rows(store: store, run: run))
    }

    package static func rows(store: Store, run: RunRecord) throws -> Rows {
        let datasets = try store.datasets()
        func rows(_ id: Int64?) -> Int { id.flatMap { i in datasets.first { $0.id == i }?.rowCount } ?? 0 }
        return Rows(customers: rows(run.customersDataset), reps: rows(run.repsDataset), tickets: rows(run.ticketsDataset))
    }

    package static func build(run: RunRecord, rows: Rows) -> Context {
        let summary = [
            "run \(run.id) · \(run.createdAt) · seed \(run.seed)",
            "\(rows.customers) customers · \(rows.reps) reps · \(rows.tickets) tickets",
        ]
        return CommandCenterContext(title: "OpsDeck", summary: summary)
    }
}
