import Core
/// Seeded support tickets over a window ending at the as-of day.
///
/// Arrivals follow working-hour peaks (10:00 and 15:00, light evenings, quiet weekends).
/// Resolution time depends on priority, type, the hour and weekday of arrival, and the
/// backlog of unresolved tickets at arrival, with log-normal noise — so whether a ticket
/// breaches its SLA is learnable but not trivial. Tickets not resolved by the as-of moment
/// stay open (or pending the customer), with no resolution time.
public struct TicketGenerator: Sendable {
    public var seed: UInt64
    public var days: Int
    public var asOfDay: Int

    public init(seed: UInt64, days: Int = 90, asOfDay: Int = CustomerGenerator.defaultAsOfDay) {
        self.seed = seed
        self.days = days
        self.asOfDay = asOfDay
    }

    public static let types = ["Technical issue", "Billing inquiry", "Product inquiry", "Refund request",
                               "Cancellation request"]
    package static let typeWeights: [Double] = [0.34, 0.22, 0.22, 0.12, 0.10]
    package static let typeFactor: [Double] = [1.35, 0.75, 0.65, 1.0, 1.15]
    package static let priorityWeights: [Double] = [0.35, 0.33, 0.22, 0.10]     // Low, Medium, High, Critical
    package static let baseHours: [Double] = [30, 11, 4.2, 1.9]                 // median hours to resolve
    package static let channelWeights: [Double] = [0.42, 0.24, 0.24, 0.10]      // Email, Phone, Chat, Social
    package static let channelFactor: [Double] = [1.15, 0.85, 0.8, 1.3]
    package static let statusLabel: [TicketState: String] = [.open: DemoDesk.open, .waitingOnCustomer: DemoDesk.pending,
                                                     .solved: DemoDesk.closed]
    /// Relative arrival intensity per hour of day.
    package static let hourProfile: [Double] = [0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 0.7, 1.4, 2.2, 2.6, 2.3,
                                        1.6, 1.7, 2.2, 2.5, 2.1, 1.5, 0.9, 0.6, 0.45, 0.35, 0.25, 0.15]

    /// About `count` tickets spread over the window; customer keys are drawn from `customers`
    /// (or made up when empty).
    public func generate(count: Int, customers: [Customer] = []) -> [Ticket] {
        generate(count: count, customerCount: customers.count) { customers[$0].id }
    }

    /// The same tickets as `generate(count:customers:)` for `customerCount` customers whose
    /// i-th id is `customerID(i)`: with `CustomerGenerator.id`, they are drawn while the
    /// customers themselves are still being generated.
    public func generate(count: Int, customerCount: Int, customerID: (Int) -> String) -> [Ticket] {
        guard count > 0, days > 0 else { return [] }
        var rng = SeededRNG(seed: seed).derived(0x71C)
        let firstDay = asOfDay - days
        let asOf = Int64(asOfDay) * 86_400
        // Arrival times: pick a day (weekends weigh 0.3), then an hour by the profile.
        let dayWeights = (0..<days).map { d -> Double in
            CivilDate.weekday(days: firstDay + d) >= 5 ? 0.3 : 1.0
        }
        let dayCDF = cumulative(dayWeights)
        let hourCDF = cumulative(Self.hourProfile)
        var arrivals = [Int64]()
        arrivals.reserveCapacity(count)
        for _ in 0..<count {
            let d = pick(dayCDF, rng.uniform())
            let h = pick(hourCDF, rng.uniform())
            let t = Int64(firstDay + d) * 86_400 + Int64(h * 3600) + Int64(rng.int(below: 60) * 60)
            arrivals.append(t)
        }
        Self.sortArrivals(&arrivals, from: Int64(firstDay) * 86_400, minutes: days * 1440)
        var open = MinHeap()
        // The desk is staffed for its usual backlog; a surge above that slows everything.
        var usualBacklog = 0.0
        // Looked up once: `allCases` builds a new array on every call, the dictionary hashes.
        let products = Product.allCases.map(\.rawValue)
        let statusOf = { (s: TicketState) in Self.statusLabel[s] ?? DemoDesk.open }
        let (solvedLabel, waitingLabel, openLabel) = (statusOf(.solved), statusOf(.waitingOnCustomer), statusOf(.open))
        var tickets = [Ticket]()
        tickets.reserveCapacity(count)
        for (i, created) in arrivals.enumerated() {
            while let top = open.peek(), top <= created { open.pop() }
            let backlog = Double(open.count)
            let p = rng.weightedIndex(Self.priorityWeights)
            let ch = rng.weightedIndex(Self.channelWeights)
            let ty = rng.weightedIndex(Self.typeWeights)
            let secondOfDay = Int(created % 86_400)
            let hour = secondOfDay / 3600
            let weekday = CivilDate.weekday(days: Int(created / 86_400))
            var hours = Self.baseHours[p] * Self.typeFactor[ty] * Self.channelFactor[ch]
            if hour < 8 || hour >= 19 { hours *= 1.6 }       // lands outside staffed hours
            if weekday >= 5 { hours *= 1.9 }                  // weekend skeleton crew
            else if weekday == 4 && hour >= 14 { hours *= 1.35 }  // Friday afternoon
            usualBacklog = usualBacklog == 0 ? max(1, backlog) : 0.995 * usualBacklog + 0.005 * backlog
            hours *= 1 + 0.8 * max(0, backlog / usualBacklog - 1)
            hours *= _exp(0.55 * rng.normal())
            // Whole minutes, as the files we read and write carry them.
            let resolveSeconds = Int64(max(5, (hours * 60).rounded())) * 60
            let resolved = created + resolveSeconds
            let firstResponse = created + Int64((Double(resolveSeconds / 60) * rng.uniform(0.05, 0.35)).rounded()) * 60
            open.push(resolved)

            let state: TicketState
            if resolved <= asOf { state = .solved } else { state = rng.bernoulli(0.2) ? .waitingOnCustomer : .open }
            let customerKey = customerCount == 0
                ? CustomerGenerator.id(rng.int(below: max(1, count / 4)))
                : customerID(rng.int(below: customerCount))
            let satisfaction: Double? = state == .solved
                ? Double(min(5, max(1, Int((4.6 - hours / (Self.baseHours[p] * 2) + 0.8 * rng.normal()).rounded()))))
                : nil
            tickets.append(Ticket(
                id: CustomerGenerator.code("T", i + 1, 7), createdAt: created,
                priority: DemoDesk.priorities[p], channel: DemoDesk.channels[ch], type: Self.types[ty],
                product: products[rng.int(below: products.count)],
                status: state == .solved ? solvedLabel : state == .waitingOnCustomer ? waitingLabel : openLabel, state: state,
                firstResponseAt: firstResponse <= asOf ? firstResponse : nil,
                resolvedAt: state == .solved ? resolved : nil,
                customerKey: customerKey, satisfaction: satisfaction, subject: nil))
        }
        return tickets
    }

    /// Arrival times ascending. Each falls on a whole minute of the window starting at `lo`,
    /// so a count per minute sorts them in one pass (the same array as `sort()`, which
    /// took a sixth of the draw at 3 M tickets); a window too long for that is sorted.
    package static func sortArrivals(_ a: inout [Int64], from lo: Int64, minutes: Int) {
        guard minutes > 0, minutes <= 4 * a.count + 1_000_000,
              a.allSatisfy({ $0 >= lo && ($0 - lo) % 60 == 0 && ($0 - lo) / 60 < Int64(minutes) }) else {
            a.sort()
            return
        }
        var count = [Int](repeating: 0, count: minutes)
        for t in a { count[Int((t - lo) / 60)] += 1 }
        var k = 0
        a.withUnsafeMutableBufferPointer { out in
            for m in 0..<minutes where count[m] > 0 {
                let t = lo + Int64(m) * 60
                for _ in 0..<count[m] { out[k] = t; k += 1 }
            }
        }
    }

    private func cumulative(_ w: [Double]) -> [Double] {
        var acc = 0.0
        let total = w.reduce(0, +)
        return w.map { acc += $0 / total; return acc }
    }

    /// Index of the first cumulative weight above u.
    private func pick(_ cdf: [Double], _ u: Double) -> Int {
        var lo = 0, hi = cdf.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cdf[mid] > u { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}

/// A binary min-heap of resolution times: the open tickets at a moment.
package struct MinHeap {
    private var a: [Int64] = []
    package init() {}
    package var count: Int { a.count }
    package func peek() -> Int64? { a.first }

    // Sifts move a hole rather than swapping (one write a level, no bounds checks): the
    // same heap; its pops were a fifth of the draw at 3 M tickets.
    package mutating func push(_ v: Int64) {
        a.append(v)
        a.withUnsafeMutableBufferPointer { b in
            var i = b.count - 1
            while i > 0 {
                let p = (i - 1) / 2
                if b[p] <= v { break }
                b[i] = b[p]
                i = p
            }
            b[i] = v
        }
    }

    package mutating func pop() {
        guard !a.isEmpty else { return }
        let last = a.removeLast()
        guard !a.isEmpty else { return }
        a.withUnsafeMutableBufferPointer { b in
            let n = b.count
            var i = 0
            while true {
                let l = 2 * i + 1
                if l >= n { break }
                let m = l + 1 < n && b[l + 1] < b[l] ? l + 1 : l
                if !(b[m] < last) { break }
                b[i] = b[m]
                i = m
            }
            b[i] = last
        }
    }
}
