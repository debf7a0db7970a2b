import Engine
import Foundation

/// The accounts of a saved run as the sales screens show them: the customer records and the
/// per-account columns the run saved (scores, reasons, channel, territory, anomaly flags),
/// in the customers' order. Built once by the loader; no screen recomputes any of it.
public struct CustomersModel: Sendable {
    public var customers: [Customer]
    public var churn: [Float]
    public var potential: [Float]
    public var nba: [Float]
    public var nbaRank: [Int32]
    public var recencyDays: [Float]
    public var openTickets: [Int32]
    public var valueBucket: [UInt8]
    public var potentialBucket: [UInt8]
    /// `NBAScore.reasonSlots` reason codes per account, row-major.
    public var reasons: [UInt8]
    public var channel: [UInt8]
    public var day: [Int32]
    public var territory: [Int32]
    public var anomaly: [UInt8]
    public var anomalyScore: [Float]
    public var anomalyWhy: [Int: String]
    public var weights: NBAWeights
    /// The prep script saved for an account, by account index.
    public var scripts: [Int: String]
    /// Open tickets of an account, by account index (subject lines for the card).
    public var tickets: [Int: [Ticket]]

    public init(customers: [Customer], churn: [Float], potential: [Float], nba: [Float], nbaRank: [Int32], recencyDays: [Float],
                openTickets: [Int32], valueBucket: [UInt8], potentialBucket: [UInt8], reasons: [UInt8], channel: [UInt8],
                day: [Int32], territory: [Int32], anomaly: [UInt8], anomalyScore: [Float], anomalyWhy: [Int: String],
                weights: NBAWeights, scripts: [Int: String], tickets: [Int: [Ticket]]) {
        self.customers = customers; self.churn = churn; self.potential = potential; self.nba = nba; self.nbaRank = nbaRank
        self.recencyDays = recencyDays; self.openTickets = openTickets; self.valueBucket = valueBucket
        self.potentialBucket = potentialBucket; self.reasons = reasons; self.channel = channel; self.day = day
        self.territory = territory; self.anomaly = anomaly; self.anomalyScore = anomalyScore; self.anomalyWhy = anomalyWhy
        self.weights = weights; self.scripts = scripts; self.tickets = tickets
    }

    public var count: Int { customers.count }

    public func segment(_ i: Int) -> String { "V\(Int(valueBucket[i]) + 1)·P\(Int(potentialBucket[i]) + 1)" }

    public func channelName(_ i: Int) -> String { SalesChannel(code: channel[i])?.rawValue ?? "–" }

    public func isAnomaly(_ i: Int) -> Bool { anomaly[i] != 0 }

    /// The NBA's reasons for account `i` in words (formatting of saved codes, not a model).
    public func reasonWords(_ i: Int) -> [String] {
        let c = customers[i]
        let facts = NBAReasons.Facts(churnProbability: Double(churn[i]), potential: Double(potential[i]),
                                     recencyDays: Double(recencyDays[i]), engagement: c.digitalEngagement,
                                     ticketsOpen: Int(openTickets[i]), tickets90d: c.supportTickets90d, csat: c.csat,
                                     segmentLabel: segment(i))
        let w = weights.values
        return (0..<NBAScore.reasonSlots).compactMap { r in
            NBATerm(rawValue: Int(reasons[i * NBAScore.reasonSlots + r])).map { NBAReasons.words($0, facts, weight: w[$0.rawValue]) }
        }
    }

    /// The account whose id is `id`, if any (a linear scan: used on a key press, not per frame).
    public func index(of id: String) -> Int? { customers.firstIndex { $0.id == id } }
}
