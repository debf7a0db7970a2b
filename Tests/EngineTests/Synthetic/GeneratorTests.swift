import Testing
import Core
import Learning
import Synthetic

@Suite struct GeneratorTests {
    /// Arrivals counted per minute come out as `sort()` would put them; a time off the
    /// minute grid or outside the window falls back to the sort.
    @Test func arrivalsSortByMinuteAsBySort() {
        var rng = SeededRNG(seed: 3)
        let lo: Int64 = 20_000 * 86_400
        var onGrid = (0..<5000).map { _ in lo + Int64(rng.int(below: 3 * 1440)) * 60 }
        let expected = onGrid.sorted()
        TicketGenerator.sortArrivals(&onGrid, from: lo, minutes: 3 * 1440)
        #expect(onGrid == expected)
        var offGrid = expected.reversed() + [lo + 7, lo - 60, lo + 3 * 86_400]
        let sortedOff = offGrid.sorted()
        TicketGenerator.sortArrivals(&offGrid, from: lo, minutes: 3 * 1440)
        #expect(offGrid == sortedOff)
    }

    /// The heap the generator's backlog is counted with: pops come out in ascending order.
    @Test func minHeapPopsInOrder() {
        var rng = SeededRNG(seed: 4)
        var heap = MinHeap()
        var values: [Int64] = []
        for _ in 0..<2000 {
            let v = Int64(rng.int(below: 500))
            heap.push(v); values.append(v)
        }
        var out: [Int64] = []
        while let top = heap.peek() { out.append(top); heap.pop() }
        #expect(out == values.sorted())
        #expect(heap.count == 0)
    }

    @Test func customersAreDeterministicAndIndependentOfThreads() {
        let a = CustomerGenerator(seed: 11).generate(count: 5000)
        let b = CustomerGenerator(seed: 11).generate(count: 5000)
        #expect(a == b)
        let c = CustomerGenerator(seed: 12).generate(count: 5000)
        #expect(a != c)
    }

    @Test func customersStayOnLandAndMatchTierMix() {
        let customers = CustomerGenerator(seed: 5).generate(count: 20_000)
        let region = Region.barcelona
        #expect(customers.allSatisfy { region.isOnLand(lat: $0.lat, lon: $0.lon) })
        let strategic = Double(customers.filter { $0.tier == Tier.strategic.rawValue }.count) / 20_000
        #expect(abs(strategic - 0.10) < 0.01)
        let missingAmount = Double(customers.filter { $0.amount == nil }.count) / 20_000
        #expect(abs(missingAmount - 0.02) < 0.006)
    }

    @Test func churnLabelIsLearnableFromTheOracle() throws {
        let customers = CustomerGenerator(seed: 2026).generate(count: 20_000)
        let scores = customers.map { $0.churnLogit ?? 0 }
        let labels = customers.map { $0.churned == true }
        let rate = Double(labels.filter { $0 }.count) / Double(labels.count)
        #expect(rate > 0.15 && rate < 0.45, "churn rate \(rate)")
        let auc = try Metrics.rocAUC(labels: labels.map { $0 ? 1 : 0 }, scores: scores)
        #expect(auc >= 0.75, "oracle AUC \(auc)")
    }

    @Test func ticketsHaveOpenAndClosedAndAreDeterministic() {
        let t1 = TicketGenerator(seed: 3).generate(count: 4000)
        let t2 = TicketGenerator(seed: 3).generate(count: 4000)
        #expect(t1 == t2)
        #expect(t1.contains { $0.status == DemoDesk.open && $0.state == .open })
        #expect(t1.contains { $0.status == DemoDesk.closed && $0.state == .solved && $0.resolvedAt != nil })
        #expect(zip(t1, t1.dropFirst()).allSatisfy { $0.createdAt <= $1.createdAt })
        #expect(t1.allSatisfy { t in t.resolvedAt.map { $0 > t.createdAt } ?? true })
    }

    @Test func repsLiveWhereCustomersAre() {
        let customers = CustomerGenerator(seed: 1).generate(count: 500)
        let reps = RepGenerator(seed: 1).generate(count: 20, customers: customers)
        #expect(reps.count == 20)
        let homes = Set(customers.map { "\($0.lat),\($0.lon)" })
        #expect(reps.allSatisfy { homes.contains("\($0.homeLat),\($0.homeLon)") })
    }

    /// Drawing tickets from ids alone (beside the customers' generation) gives the same tickets.
    @Test func ticketsFromCustomerIdsMatchTicketsFromCustomers() {
        let customers = CustomerGenerator(seed: 9).generate(count: 700)
        let gen = TicketGenerator(seed: 9, days: 30)
        #expect(customers.indices.allSatisfy { customers[$0].id == CustomerGenerator.id($0) })
        #expect(gen.generate(count: 900, customers: customers)
                == gen.generate(count: 900, customerCount: 700, customerID: CustomerGenerator.id))
        #expect(gen.generate(count: 50) == gen.generate(count: 50, customerCount: 0, customerID: CustomerGenerator.id))
    }

    /// The tickets are drawn on one stream and made a block behind: the block size (one, a
    /// few, more than all) changes nothing, with customers given or made up.
    @Test func ticketsAreTheSameWhateverTheBlock() {
        let gen = TicketGenerator(seed: 4, days: 25)
        for customers in [0, 300] {
            let whole = gen.generate(count: 1_000, customerCount: customers, block: 4_096, customerID: CustomerGenerator.id)
            #expect(whole.count == 1_000)
            #expect(Set(whole.map(\.id)).count == 1_000)
            for block in [1, 7, 256, 999] {
                #expect(gen.generate(count: 1_000, customerCount: customers, block: block, customerID: CustomerGenerator.id) == whole)
            }
        }
    }

    @Test func idsAreThePrefixAndZeroPaddedNumber() {
        #expect(CustomerGenerator.id(41) == "C0000042")
        #expect(CustomerGenerator.code("T", 1_234_567, 7) == "T1234567")
        #expect(CustomerGenerator.code("R", 12_345, 3) == "R12345")
        #expect(CustomerGenerator.code("R", 0, 3) == "R000")
        #expect(CustomerGenerator.code("X", 7, 1) == "X7")
    }
}
