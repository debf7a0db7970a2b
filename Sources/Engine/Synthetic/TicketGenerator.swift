import Core
import Dispatch
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
    ///
    /// One seeded stream draws every ticket in arrival order (each one's resolution depends on
    /// the backlog the earlier ones left), so the draws stay on one core; the tickets are made
    /// from them a block behind on the other, since writing a ticket's 160 bytes and two ids
    /// into fresh pages was two thirds of the draw at 10 M tickets. The same tickets either way.
    public func generate(count: Int, customerCount: Int, customerID: @Sendable (Int) -> String) -> [Ticket] {
        generate(count: count, customerCount: customerCount, block: TicketDraws.block, customerID: customerID)
    }

    /// The same, drawn and made `block` tickets at a time (any size gives the same tickets).
    package func generate(count: Int, customerCount: Int, block: Int, customerID: @Sendable (Int) -> String) -> [Ticket] {
        guard count > 0, days > 0, block > 0 else { return [] }
        let firstDay = asOfDay - days
        // Arrival times: pick a day (weekends weigh 0.3), then an hour by the profile.
        let dayWeights = (0..<days).map { d -> Double in
            CivilDate.weekday(days: firstDay + d) >= 5 ? 0.3 : 1.0
        }
        let draws = TicketDraws(seed: seed, asOfDay: asOfDay, count: count, customerCount: customerCount, block: block)
        var arrivals = [Int64]()
        arrivals.reserveCapacity(count)
        let dayCDF = cumulative(dayWeights), hourCDF = cumulative(Self.hourProfile)
        for _ in 0..<count {
            let d = pick(dayCDF, draws.rng.uniform())
            let h = pick(hourCDF, draws.rng.uniform())
            let t = Int64(firstDay + d) * 86_400 + Int64(h * 3600) + Int64(draws.rng.int(below: 60) * 60)
            arrivals.append(t)
        }
        Self.sortArrivals(&arrivals, from: Int64(firstDay) * 86_400, minutes: days * 1440)
        let arrived = arrivals
        let blocks = (count + block - 1) / block
        return [Ticket](unsafeUninitializedCapacity: count) { tickets, made in
            let out = TicketSlots(base: tickets.baseAddress)
            // Step k draws block k and makes block k − 1 (drawn at the step before) side by side.
            for step in 0...blocks {
                DispatchQueue.concurrentPerform(iterations: 2) { side in
                    if side == 0 {
                        guard step < blocks else { return }
                        let lo = step * block
                        draws.draw(arrived[lo..<min(count, lo + block)], into: step % 2)
                    } else {
                        guard step > 0 else { return }
                        let lo = (step - 1) * block
                        draws.make(lo..<min(count, lo + block), from: (step - 1) % 2, customerID: customerID, into: out)
                    }
                }
            }
            made = count
        }
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

/// The generator's one stream and what it carries from ticket to ticket (the open tickets,
/// the usual backlog), and two blocks of drawn tickets: one being drawn while the other is
/// made. Each part is touched by one side of a step at a time.
final class TicketDraws: @unchecked Sendable {
    /// Tickets drawn and made at a time: ≈2.6 MB of draws per block.
    static let block = 1 << 16

    /// What the stream decides for one ticket; the texts are made from it.
    struct Draw {
        var created: Int64 = 0, firstResponse: Int64 = 0, resolved: Int64 = 0, customer = 0
        var priority: UInt8 = 0, channel: UInt8 = 0, type: UInt8 = 0, product: UInt8 = 0
        var state = TicketState.open
        /// 1–5, 0 for none.
        var satisfaction: UInt8 = 0
    }

    /// The stream, which draws the arrivals first.
    var rng: SeededRNG
    private var open = MinHeap()
    /// The desk is staffed for its usual backlog; a surge above that slows everything.
    private var usualBacklog = 0.0
    private let asOf: Int64, count: Int, customerCount: Int
    /// Allocated once: the sides write and read their blocks at once, which an array's
    /// copy-on-write bookkeeping would race on.
    private let buffers: [UnsafeMutableBufferPointer<Draw>]
    // Looked up once: `allCases` builds a new array on every call, the dictionary hashes.
    private let products = Product.allCases.map(\.rawValue)
    private let labels: (solved: String, waiting: String, open: String)

    init(seed: UInt64, asOfDay: Int, count: Int, customerCount: Int, block: Int) {
        rng = SeededRNG(seed: seed).derived(0x71C)
        asOf = Int64(asOfDay) * 86_400
        self.count = count
        self.customerCount = customerCount
        buffers = (0..<2).map { _ in
            let b = UnsafeMutableBufferPointer<Draw>.allocate(capacity: block)
            b.initialize(repeating: Draw())
            return b
        }
        let statusOf = { (s: TicketState) in TicketGenerator.statusLabel[s] ?? DemoDesk.open }
        labels = (statusOf(.solved), statusOf(.waitingOnCustomer), statusOf(.open))
    }

    deinit { for b in buffers { b.deallocate() } }

    /// Draws the tickets arriving at `arrivals`, the next ones in arrival order, into buffer `slot`.
    func draw(_ arrivals: ArraySlice<Int64>, into slot: Int) {
        typealias G = TicketGenerator
        let out = buffers[slot]
        for (k, created) in zip(0..., arrivals) {
            while let top = open.peek(), top <= created { open.pop() }
            let backlog = Double(open.count)
            let p = rng.weightedIndex(G.priorityWeights)
            let ch = rng.weightedIndex(G.channelWeights)
            let ty = rng.weightedIndex(G.typeWeights)
            let secondOfDay = Int(created % 86_400)
            let hour = secondOfDay / 3600
            let weekday = CivilDate.weekday(days: Int(created / 86_400))
            var hours = G.baseHours[p] * G.typeFactor[ty] * G.channelFactor[ch]
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
            let customer = customerCount == 0 ? rng.int(below: max(1, count / 4)) : rng.int(below: customerCount)
            let satisfaction = state == .solved
                ? UInt8(min(5, max(1, Int((4.6 - hours / (G.baseHours[p] * 2) + 0.8 * rng.normal()).rounded()))))
                : 0
            out[k] = Draw(created: created, firstResponse: firstResponse, resolved: resolved, customer: customer, priority: UInt8(p),
                          channel: UInt8(ch), type: UInt8(ty), product: UInt8(rng.int(below: products.count)),
                          state: state, satisfaction: satisfaction)
        }
    }

    /// Makes tickets `range` from buffer `slot`, each in its place in `out`.
    func make(_ range: Range<Int>, from slot: Int, customerID: (Int) -> String, into out: TicketSlots) {
        guard let base = out.base else { return }
        let drawn = buffers[slot]
        for (k, i) in range.enumerated() {
            let d = drawn[k]
            (base + i).initialize(to: Ticket(
                id: CustomerGenerator.code("T", i + 1, 7), createdAt: d.created,
                priority: DemoDesk.priorities[Int(d.priority)], channel: DemoDesk.channels[Int(d.channel)],
                type: TicketGenerator.types[Int(d.type)], product: products[Int(d.product)],
                status: d.state == .solved ? labels.solved : d.state == .waitingOnCustomer ? labels.waiting : labels.open,
                state: d.state,
                firstResponseAt: d.firstResponse <= asOf ? d.firstResponse : nil,
                resolvedAt: d.state == .solved ? d.resolved : nil,
                customerKey: customerCount == 0 ? CustomerGenerator.id(d.customer) : customerID(d.customer),
                satisfaction: d.satisfaction == 0 ? nil : Double(d.satisfaction), subject: nil))
        }
    }
}

/// Where the tickets are made: the array's storage, filled once, each ticket by one side.
struct TicketSlots: @unchecked Sendable {
    let base: UnsafeMutablePointer<Ticket>?
}

