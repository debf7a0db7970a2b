import Foundation
import Engine

/// The vendor exports under Tests/EngineTests/Core/Data/Fixtures/Vendors (built from each
/// vendor's published field list), for the tests of every engine target that reads them.
package enum VendorFixtures {
    package static func path(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("EngineTests/Core/Data/Fixtures/Vendors/\(name)").path
    }

    package static func tickets(_ name: String) throws -> TicketCSV.Result {
        try TicketCSV.read(path: path(name), options: .init(keepExtras: true))
    }
}

/// A CRM file's extra columns for generated customers: a health score and renewal date that
/// carry signal, noise columns, and a leaked copy of the churn label (the leakage guard's case).
package enum CustomerExtrasFixture {
    package static func extras(_ customers: [Customer], asOf: Int = CustomerGenerator.defaultAsOfDay) -> CustomerExtras {
        var rng = SeededRNG(seed: 9)
        var b = CustomerExtras.Builder(names: ["health_score", "renewal_date", "has_contract", "crm_code", "account_status",
                                               "churn_flag_copy"], positions: [])
        for (i, c) in customers.enumerated() {
            let churned = c.churned == true
            let score = rng.normal(mean: churned ? 0.35 : 0.65, sd: 0.15)
            b.append([fixedDecimal(score, 3), CivilDate.format(days: asOf + rng.int(below: 300)), rng.uniform() < 0.5 ? "yes" : "No",
                      "K\(i)", churned ? "Closed" : "Active", churned ? "1" : "0"])
        }
        return b.extras
    }
}

extension SalesConfig {
    /// Small models and short route searches: the pipeline's logic, not its quality.
    package static var fastForTests: SalesConfig {
        var c = SalesConfig()
        c.trees = 8
        c.numLeaves = 7
        c.trainRowsPerFold = 300
        c.routeIterations = 60
        c.planningDays = 2
        c.capacity.field = 12
        c.capacity.outboundCC = 40
        c.capacity.inboundCC = 30
        c.capacity.ecomAssisted = 30
        c.capacity.ecomSelf = 60
        return c
    }
}
