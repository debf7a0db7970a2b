import Testing
import OpsDeckTestSupport
import Core
import Synthetic
import Support

@Suite struct SupportFeaturesTests {
    @Test func backlogSweepEqualsDirectCount() {
        var rng = SeededRNG(seed: 11)
        let tickets = (0..<300).map { i -> Ticket in
            let c = Int64(rng.int(below: 5000)) * 60
            let resolved: Int64? = rng.bernoulli(0.8) ? c + Int64(rng.int(below: 900)) * 60 : nil
            let status: DemoStatus = resolved == nil ? .open : .closed
            return Ticket(id: "T\(i)", createdAt: c, priority: DemoPriority.low.rawValue, channel: DemoChannel.chat.rawValue,
                          type: "t", product: "p", status: status.label, state: status.state, resolvedAt: resolved)
        }
        let swept = SupportFeatures.backlogAtArrival(tickets)
        for (i, t) in tickets.enumerated() {
            let direct = tickets.filter { $0.createdAt < t.createdAt && ($0.resolvedAt.map { $0 >= t.createdAt } ?? true) }
            #expect(swept[i] == Int32(direct.count))
        }
    }

    @Test func customerHistoryCountsOnlyWhatWasKnownAtArrival() {
        typealias F = SupportFixtures
        let tickets = [
            F.ticket("1", .high, created: "2026-11-02 09:00", resolved: "2026-11-02 20:00", customer: "ana"),
            F.ticket("2", .high, created: "2026-11-02 10:00", resolved: "2026-11-02 11:00", customer: "ana"),
            F.ticket("3", .high, created: "2026-11-03 10:00", customer: "ana"),
            F.ticket("4", .high, created: "2026-11-03 10:00", customer: "bob"),
        ]
        // Ticket 1 breached (11 h > 8 h) but was resolved after ticket 2 arrived.
        let (prior, breaches) = SupportFeatures.customerHistory(tickets, labels: [1, 0, nil, nil])
        #expect(prior == [0, 1, 2, 0])
        #expect(breaches == [0, 0, 1, 0])
    }

    /// Tickets in any order (an imported file need not be by arrival), some at the same instant.
    @Test func customerHistoryMatchesItsDefinitionOnShuffledTickets() {
        var tickets = TicketGenerator(seed: 5, days: 20).generate(count: 600, customerCount: 40, customerID: CustomerGenerator.id)
        var rng = SeededRNG(seed: 8)
        rng.shuffle(&tickets)
        for k in stride(from: 0, to: 600, by: 50) { tickets[k + 1].createdAt = tickets[k].createdAt; tickets[k + 1].customerKey = tickets[k].customerKey }
        let labels: [UInt8?] = tickets.map { $0.resolvedAt == nil ? nil : (rng.bernoulli(0.3) ? 1 : 0) }
        let (prior, breaches) = SupportFeatures.customerHistory(tickets, labels: labels)
        for (i, t) in tickets.enumerated() {
            let same = tickets.indices.filter { tickets[$0].customerKey == t.customerKey }
            #expect(prior[i] == Int32(same.filter { (tickets[$0].createdAt, $0) < (t.createdAt, i) }.count))
            #expect(breaches[i] == Int32(same.filter { labels[$0] == 1 && tickets[$0].resolvedAt.map { $0 < t.createdAt } == true }.count))
        }
    }

    /// The tally is a count per key, in the order the keys first appear; tickets without a key
    /// (nil or empty) are in no customer's.
    @Test func customerTallyIsACountPerKey() {
        var tickets = TicketGenerator(seed: 6, days: 20).generate(count: 800, customerCount: 60, customerID: CustomerGenerator.id)
        var rng = SeededRNG(seed: 3)
        rng.shuffle(&tickets)
        for k in stride(from: 0, to: 800, by: 37) { tickets[k].customerKey = k % 2 == 0 ? nil : "" }
        let labels: [UInt8?] = tickets.map { $0.resolvedAt == nil ? nil : (rng.bernoulli(0.3) ? 1 : 0) }
        let tally = CustomerGroups(tickets).tally(tickets, labels: labels)
        var order: [String] = [], count: [String: (Int32, Int32)] = [:]
        for (i, t) in tickets.enumerated() {
            guard let key = t.customerKey, !key.isEmpty else { continue }
            if count[key] == nil { order.append(key) }
            let (n, b) = count[key] ?? (0, 0)
            count[key] = (n + 1, b + (labels[i] == 1 ? 1 : 0))
        }
        #expect(tally.keys == order)
        #expect(tally.tickets == order.map { count[$0]?.0 ?? -1 })
        #expect(tally.breaches == order.map { count[$0]?.1 ?? -1 })
        #expect(tally.breaches.reduce(0, +) > 0)
        let features = SupportFeatures(tickets: tickets, labels: labels, priorityCodes: tickets.map { _ in 0 }, priorityLabels: ["p"])
        #expect(features.customerTally == tally)
    }

    @Test func arrivalHourAndWeekday() throws {
        let t = SupportFixtures.ticket("1", .low, created: "2026-11-22 23:30")  // a Sunday
        let f = try SupportFixtures.features([t], labels: [nil])
        #expect(f.codes[4] == [23])
        #expect(f.codes[5] == [6])
        #expect(f.codes.count == SupportFeatures.names.count)
    }
}
