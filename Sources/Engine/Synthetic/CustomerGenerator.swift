import Dispatch
import Core

/// Seeded synthetic B2B accounts in the demo region, with fields as an ops team has them
/// and labels drawn from `ChurnTruth`. Same seed and count → the same accounts, byte for byte.
public struct CustomerGenerator: Sendable {
    public var seed: UInt64
    public var region: Region
    /// The day the data is "as of" (days since 1970): recency and the ticket window end here.
    public var asOfDay: Int

    public static let defaultAsOfDay = CivilDate.days(year: 2026, month: 11, day: 1)

    /// The id of the `index`-th generated customer ("C0000001" for 0): a function of the index
    /// alone, so tickets can be drawn for customers still being generated.
    public static func id(_ index: Int) -> String { code("C", index + 1, 7) }

    public init(seed: UInt64, region: Region = .barcelona, asOfDay: Int = CustomerGenerator.defaultAsOfDay) {
        self.seed = seed
        self.region = region
        self.asOfDay = asOfDay
    }

    /// Accounts per random stream: each block has its own stream, so blocks can be made in
    /// parallel and the result does not depend on the number of threads.
    package static let blockSize = 4096

    public func generate(count: Int) -> [Customer] {
        guard count > 0 else { return [] }
        let root = SeededRNG(seed: seed)
        let blocks = (count + Self.blockSize - 1) / Self.blockSize
        let parts = ParallelSlots<[Customer]>(count: blocks)
        DispatchQueue.concurrentPerform(iterations: blocks) { b in
            var rng = root.derived(UInt64(b))
            let lo = b * Self.blockSize
            let hi = min(count, lo + Self.blockSize)
            var part = [Customer]()
            part.reserveCapacity(hi - lo)
            for i in lo..<hi { part.append(makeCustomer(index: i, &rng)) }
            parts[b] = part
        }
        var out = [Customer]()
        out.reserveCapacity(count)
        for b in 0..<blocks { out.append(contentsOf: parts[b] ?? []) }
        return out
    }

    package static let tierWeights: [Double] = [0.35, 0.35, 0.20, 0.10]  // A, B, C, Strategic
    package static let industryWeights: [Double] = [0.24, 0.18, 0.22, 0.14, 0.22]

    package func makeCustomer(index: Int, _ rng: inout SeededRNG) -> Customer {
        let (lat, lon) = region.samplePoint(&rng)
        let tier = Tier.allCases[rng.weightedIndex(Self.tierWeights)]
        let industry = Industry.allCases[rng.weightedIndex(Self.industryWeights)]

        let medianSize: Double = switch tier {
        case .strategic: 450
        case .a: 120
        case .b: 45
        case .c: 12
        }
        let companySize = Int(min(20_000, max(1, (medianSize * _exp(0.8 * rng.normal())).rounded())))
        let lifetimeValue = (_exp(6.2 + 0.55 * _log(Double(companySize)) + 0.6 * rng.normal()) * 100).rounded() / 100

        let meanRecency: Double = tier == .strategic ? 25 : (tier == .c ? 75 : 50)
        let recency = min(540, Int((-meanRecency * _log(1 - rng.uniform())).rounded()))
        let lastPurchaseDay = asOfDay - recency
        let amount: Double? = rng.bernoulli(0.02) ? nil
            : (lifetimeValue * rng.uniform(0.02, 0.15) * 100).rounded() / 100

        let saasBoost = industry == .saas ? 0.6 : (industry == .manufacturing ? -0.3 : 0)
        let engagement = (100 * sigmoid(0.9 * rng.normal() + saasBoost) * 10).rounded() / 10
        let recentIssue = rng.bernoulli(0.15)
        let supportTickets = rng.poisson(0.7 + (recentIssue ? 1.6 : 0))
        let csatRaw = 7.6 - 0.35 * Double(supportTickets) - (recentIssue ? 1.1 : 0) + 1.4 * rng.normal()
        let csat: Double? = rng.bernoulli(0.05) ? nil : (min(10, max(0, csatRaw)) * 10).rounded() / 10

        let inboundCalls = rng.poisson(0.6 + 0.5 * Double(supportTickets) + (recentIssue ? 0.8 : 0))
        let connectRate = (sigmoid(0.8 * rng.normal() - 0.2) * 1000).rounded() / 1000
        let webSessions = rng.poisson(engagement / 4)
        let abandoned = rng.poisson(Double(webSessions) * 0.06)
        let orders = rng.poisson(engagement / 22 + (tier == .c ? 0.6 : 0))
        let touchesMean: Double = switch tier {
        case .strategic: 6
        case .a: 3.5
        case .b: 2
        case .c: 1
        }
        let touches = rng.poisson(touchesMean)
        let preferred = Self.preferredChannel(tier: tier, engagement: engagement, inbound: inboundCalls, &rng)
        let lastContact = rng.bernoulli(0.6) ? preferred : SalesChannel.allCases[rng.int(below: 5)]
        let product = Self.productInterest(industry, &rng)

        let logit = ChurnTruth.logit(recencyDays: Double(recency), csat: csat, supportTickets90d: supportTickets,
                                     digitalEngagement: engagement, tier: tier, recentIssue: recentIssue)
        let churned = rng.bernoulli(sigmoid(logit + ChurnTruth.labelNoiseSD * rng.normal()))
        let logSpend = ChurnTruth.logSpendMean(lifetimeValue: lifetimeValue, companySize: companySize,
                                               industry: industry) + 0.40 * rng.normal()
        let spend = (_exp(logSpend) * (churned ? 0.5 : 1) * 100).rounded() / 100

        // Opening hours on a stream of their own: every other field is drawn as before.
        var hours = rng.derived(0x0EE0)
        let window = Self.visitWindow(industry: industry, tier: tier, &hours)

        return Customer(
            id: Self.id(index), lat: (lat * 1e6).rounded() / 1e6, lon: (lon * 1e6).rounded() / 1e6,
            lastPurchaseDay: lastPurchaseDay, amount: amount, lifetimeValue: lifetimeValue,
            companySize: companySize, industry: industry.rawValue, tier: tier.rawValue, preferredChannel: preferred,
            lastContactChannel: lastContact, digitalEngagement: engagement, inboundCalls30d: inboundCalls,
            outboundConnectRate: connectRate, webSessions30d: webSessions, abandonedCarts30d: abandoned,
            ecomOrders30d: orders, supportTickets90d: supportTickets, csat: csat, recentIssue: recentIssue,
            touches30d: touches, productInterest: product.rawValue, churned: churned, futureSpend: spend,
            churnLogit: (logit * 1e6).rounded() / 1e6, visitWindow: window
        )
    }

    /// When a rep may call, by trade (shops open late and close late, clinics and schools
    /// keep mornings, plants start early; offices take a visit any time of the rep's day),
    /// each account a half hour either way, one in seven mornings only; and how long a visit
    /// takes, by tier (the plan's default for B).
    package static func visitWindow(industry: Industry, tier: Tier, _ rng: inout SeededRNG) -> VisitWindow? {
        let trade: (Int, Int)? = switch industry {
        case .retail: (10 * 60, 20 * 60)
        case .healthcare: (8 * 60, 15 * 60)
        case .education: (8 * 60 + 30, 14 * 60 + 30)
        case .manufacturing: (7 * 60, 16 * 60)
        case .saas: nil
        }
        let shift = 30 * (rng.int(below: 3) - 1)
        var hours = trade.map { ($0.0 + shift, $0.1 + shift) }
        if rng.bernoulli(1.0 / 7) { hours = (9 * 60, 13 * 60) }
        let minutes: Int? = switch tier {
        case .strategic: 60
        case .a: 45
        case .b: nil
        case .c: 30
        }
        guard hours != nil || minutes != nil else { return nil }
        return VisitWindow(opens: hours?.0, closes: hours?.1, minutes: minutes)
    }

    package static func preferredChannel(tier: Tier, engagement: Double, inbound: Int, _ rng: inout SeededRNG) -> SalesChannel {
        // field, outbound_cc, inbound_cc, ecom_assisted, ecom_self
        var w: [Double] = [1, 1.2, 0.8, 1, 1]
        switch tier {
        case .strategic: w[0] += 4
        case .a: w[0] += 1.5
        case .c: w[4] += 1.5
        case .b: w[1] += 0.5
        }
        w[4] += engagement / 25
        w[3] += engagement / 50
        w[2] += Double(min(inbound, 6)) * 0.4
        return SalesChannel.allCases[rng.weightedIndex(w)]
    }

    package static func productInterest(_ industry: Industry, _ rng: inout SeededRNG) -> Product {
        // CX Suite, Payments, Connectivity, MarTech, POS
        let w: [Double] = switch industry {
        case .retail: [1, 2, 0.7, 1.2, 3]
        case .healthcare: [2, 1, 1.5, 0.5, 0.4]
        case .saas: [2, 1.5, 1, 2.5, 0.2]
        case .education: [1.5, 0.8, 2, 0.8, 0.3]
        case .manufacturing: [1, 1, 2.5, 0.6, 0.8]
        }
        return Product.allCases[rng.weightedIndex(w)]
    }

    /// `prefix` then `v` (≥ 0) in at least `width` digits, e.g. `code("C", 42, 7)` is "C0000042":
    /// written digit by digit into the string's own storage, as 20 000 ids a run are.
    package static func code(_ prefix: Unicode.Scalar, _ v: Int, _ width: Int) -> String {
        var digits = 1, rest = max(v, 0)
        while rest >= 10 { rest /= 10; digits += 1 }
        let total = 1 + max(width, digits)
        return String(unsafeUninitializedCapacity: total) { b in
            b[0] = UInt8(ascii: prefix)
            var x = max(v, 0)
            for i in stride(from: total - 1, to: 0, by: -1) {
                b[i] = UInt8(ascii: "0") + UInt8(x % 10)
                x /= 10
            }
            return total
        }
    }
}
