import Engine

/// One balanced territory as the Territories screen lists it.
public struct TerritoryRow: Sendable, Equatable {
    public var number: Int
    /// Index into the run's reps (-1: no rep).
    public var rep: Int
    public var repName: String
    public var accounts: Int
    /// Visit hours per 4-week period (by tier and NBA) the territories were balanced on.
    public var workloadHours: Double
    /// Workload against the mean over territories, as a fraction (+0.04 = 4 % above).
    public var balance: Double
    /// Sum of predicted 6-month value (EUR).
    public var potential: Double
    /// Mean churn probability of its accounts.
    public var churn: Double
    public var centreLat: Double
    public var centreLon: Double

    public init(number: Int, rep: Int, repName: String, accounts: Int, workloadHours: Double, balance: Double,
                potential: Double, churn: Double, centreLat: Double, centreLon: Double) {
        self.number = number; self.rep = rep; self.repName = repName; self.accounts = accounts
        self.workloadHours = workloadHours; self.balance = balance; self.potential = potential; self.churn = churn
        self.centreLat = centreLat; self.centreLon = centreLon
    }
}

/// What the map draws: the region, accounts by territory, rep homes and the strongest
/// anomalies, all from the saved run.
public struct TerritoriesModel: Sendable {
    public var region: Region
    public var rows: [TerritoryRow]
    public var lat: [Double]
    public var lon: [Double]
    public var territory: [Int32]
    public var reps: [Rep]
    /// Flagged accounts, strongest first (indices into the accounts).
    public var anomalies: [Int]

    public init(region: Region, rows: [TerritoryRow], lat: [Double], lon: [Double], territory: [Int32], reps: [Rep],
                anomalies: [Int]) {
        self.region = region; self.rows = rows; self.lat = lat; self.lon = lon; self.territory = territory
        self.reps = reps; self.anomalies = anomalies
    }
}
