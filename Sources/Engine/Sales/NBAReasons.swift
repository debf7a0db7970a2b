import Core
/// The words behind an NBA reason code, with the account's own figures.
public enum NBAReasons {
    /// The raw inputs of one account, as the NBA stage saw them.
    public struct Facts: Sendable {
        public var churnProbability: Double
        public var potential: Double
        public var recencyDays: Double
        public var engagement: Double
        public var ticketsOpen: Int
        public var tickets90d: Int
        public var csat: Double?
        public var segmentLabel: String

        public init(churnProbability: Double, potential: Double, recencyDays: Double, engagement: Double,
                    ticketsOpen: Int, tickets90d: Int, csat: Double?, segmentLabel: String) {
            self.churnProbability = churnProbability; self.potential = potential; self.recencyDays = recencyDays
            self.engagement = engagement; self.ticketsOpen = ticketsOpen; self.tickets90d = tickets90d
            self.csat = csat; self.segmentLabel = segmentLabel
        }
    }

    /// One sentence per reason; `weight` decides whether a high or a low value is the reason.
    public static func words(_ term: NBATerm, _ f: Facts, weight: Double) -> String {
        switch term {
        case .churn:
            return weight >= 0 ? "high churn risk (\(percent(f.churnProbability)))" : "low churn risk (\(percent(f.churnProbability)))"
        case .potential:
            return weight >= 0 ? "high predicted 6-month value (€\(grouped(f.potential)))" : "small predicted 6-month value (€\(grouped(f.potential)))"
        case .recency:
            return weight >= 0 ? "no purchase for \(Int(f.recencyDays)) days" : "bought recently (\(Int(f.recencyDays)) days ago)"
        case .engagement:
            return weight >= 0 ? "engaged online (\(Int(f.engagement.rounded()))/100)" : "little digital engagement (\(Int(f.engagement.rounded()))/100)"
        case .friction:
            let csat = f.csat.map { ", CSAT \(oneDecimal($0))" } ?? ""
            return "support friction: \(f.tickets90d) tickets in 90 days, \(f.ticketsOpen) open\(csat)"
        case .segment:
            return "segment \(f.segmentLabel)"
        }
    }

    package static func percent(_ p: Double) -> String { String(Int((p * 100).rounded())) + "%" }

    package static func oneDecimal(_ x: Double) -> String {
        let t = Int((x * 10).rounded())
        return (t < 0 ? "-" : "") + String(abs(t) / 10) + "." + String(abs(t) % 10)
    }

    /// 12 400 → "12,400".
    package static func grouped(_ x: Double) -> String {
        let v = Int(x.rounded())
        var digits = String(abs(v)), out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return (v < 0 ? "-" : "") + digits + out
    }
}
