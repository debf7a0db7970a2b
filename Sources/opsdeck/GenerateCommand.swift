import ArgumentParser
import Engine

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write the seeded synthetic data (Barcelona-like region) as CSV."
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable { case customers, reps, tickets }

    @Argument(help: "customers, reps or tickets.") var kind: Kind
    @Option(help: "How many rows.") var count: Int?
    @Option(help: "Seed for every random choice.") var seed: UInt64 = 42
    @Option(help: "Days of ticket history.") var days = 90
    @Option(help: "Output file ('-' for standard output).") var out = "-"

    func validate() throws {
        if let count, count < 0 { throw ValidationError("--count must be zero or more") }
        guard days > 0 else { throw ValidationError("--days must be positive") }
    }

    func run() throws {
        try reportingErrors {
            let writer = try CSVWriter(path: out)
            switch kind {
            case .customers:
                CustomerCSV.write(CustomerGenerator(seed: seed).generate(count: count ?? 3200), to: writer)
            case .reps:
                let customers = CustomerGenerator(seed: seed).generate(count: 3200)
                RepCSV.write(RepGenerator(seed: seed).generate(count: count ?? 20, customers: customers), to: writer)
            case .tickets:
                TicketCSV.write(TicketGenerator(seed: seed, days: days).generate(count: count ?? 20_000), to: writer)
            }
            try writer.close()
        }
    }
}
