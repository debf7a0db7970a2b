import Core
import Synthetic
import Sales
import Optimisation
/// What a run is asked to do. Saved with the run as JSON so a run can be repeated exactly.
public struct PipelineConfig: Codable, Sendable, Equatable {
    public var customers: Int
    public var reps: Int
    public var tickets: Int
    public var seed: UInt64
    /// The day the data is "as of" (days since 1970).
    public var asOfDay: Int
    /// Days of ticket history the generator covers.
    public var ticketDays: Int
    /// Weights, targets and capacities of the sales stages.
    public var sales: SalesConfig
    /// Worker threads for the parallel stages; saved with the run so it repeats exactly.
    public var threads: Int
    /// The run is on the generated demo (its region, coast and travel); false on imports.
    /// Set by the run from where its data came from.
    public var demo: Bool
    /// The user's router's travel times (`--travel-matrix`), nil: straight-line × detour.
    public var travelMatrix: TravelMatrixFile?

    public init(customers: Int = 3200, reps: Int = 20, tickets: Int = 20_000, seed: UInt64 = 42,
                asOfDay: Int = CustomerGenerator.defaultAsOfDay, ticketDays: Int = 90, sales: SalesConfig = SalesConfig(),
                threads: Int = 2, demo: Bool = true, travelMatrix: TravelMatrixFile? = nil) {
        self.demo = demo
        self.travelMatrix = travelMatrix
        self.sales = sales
        self.threads = threads
        self.customers = customers
        self.reps = reps
        self.tickets = tickets
        self.seed = seed
        self.asOfDay = asOfDay
        self.ticketDays = ticketDays
    }

    private enum CodingKeys: String, CodingKey { case customers, reps, tickets, seed, asOfDay, ticketDays, sales, threads, demo, travelMatrix }

    /// Runs saved before `demo` existed were all on generated data.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        customers = try c.decode(Int.self, forKey: .customers)
        reps = try c.decode(Int.self, forKey: .reps)
        tickets = try c.decode(Int.self, forKey: .tickets)
        seed = try c.decode(UInt64.self, forKey: .seed)
        asOfDay = try c.decode(Int.self, forKey: .asOfDay)
        ticketDays = try c.decode(Int.self, forKey: .ticketDays)
        sales = try c.decode(SalesConfig.self, forKey: .sales)
        threads = try c.decode(Int.self, forKey: .threads)
        demo = try c.decodeIfPresent(Bool.self, forKey: .demo) ?? true
        travelMatrix = try c.decodeIfPresent(TravelMatrixFile.self, forKey: .travelMatrix)
    }
}
