import Engine
import Foundation
import TUI

/// Turns a saved run into the command center's context: the title and dataset summary.
package enum CommandCenterContextBuilder {
    package typealias Context = CommandCenterContext

    package static func build(store: Store, run: RunRecord) throws -> Context {
        let datasets = try store.datasets()
        func rows(_ id: Int64?) -> Int { id.flatMap { i in datasets.first { $0.id == i }?.rowCount } ?? 0 }
        let summary = [
            "run \(run.id) · \(run.createdAt) · seed \(run.seed)",
            "\(rows(run.customersDataset)) customers · \(rows(run.repsDataset)) reps · \(rows(run.ticketsDataset)) tickets",
        ]
        return CommandCenterContext(title: "OpsDeck", summary: summary)
    }
}
