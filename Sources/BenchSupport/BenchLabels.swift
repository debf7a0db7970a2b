import Engine

// What only the benches ask of the engine's types, kept out of the shipped modules.

extension TicketCSV {
    /// The public support-ticket export's header, in its order (the benches write fixtures in it).
    public static let exportHeader = [
        "Ticket ID", "Customer Name", "Customer Email", "Customer Age", "Customer Gender", "Product Purchased",
        "Date of Purchase", "Ticket Type", "Ticket Subject", "Ticket Description", "Ticket Status", "Resolution",
        "Ticket Priority", "Ticket Channel", "First Response Time", "Time to Resolution",
        "Customer Satisfaction Rating",
    ]
}

extension CustomerFeatures {
    /// Churn labels (1 = churned) of generated customers; throws when a customer has none.
    public static func churnLabels(_ customers: [Customer]) throws -> [Double] {
        try customers.enumerated().map { i, c in
            guard let v = c.churned else { throw LearningError.nonFiniteTarget(row: i) }
            return v ? 1 : 0
        }
    }
}
