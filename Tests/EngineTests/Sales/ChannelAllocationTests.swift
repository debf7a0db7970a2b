import Testing
import Core
import Sales

@Suite struct ChannelAllocationTests {
    /// Fits for 5 channels where only the first two have capacity.
    func fits(_ rows: [[Float]]) -> [Float] { rows.flatMap { $0 + [0, 0, 0] } }

    @Test func optimalOnAHandSolvedCase() {
        // Capacities field 1, outbound 2. Greedy by priority would put a in field (0.9) and
        // b, c in outbound (0.1 + 0.5) = 1.5. The optimum moves a to outbound and b to
        // field: 0.8 + 0.7 + 0.5 = 2.0.
        let fit = fits([[0.9, 0.8], [0.7, 0.1], [0.6, 0.5]])
        let a = ChannelAllocation(fit: fit, priority: [0, 1, 2], capacity: [1, 2, 0, 0, 0], days: 1)
        #expect(a.channel == [1, 0, 1])
        #expect(abs(a.todayFit - 2.0) < 1e-6)
        #expect(a.day == [0, 0, 0])
    }

    @Test func neverExceedsCapacityAndDefersByPriority() {
        var rng = SeededRNG(seed: 7)
        let n = 200
        let fit = (0..<(n * 5)).map { _ in Float(rng.uniform()) }
        let capacity = [5, 10, 0, 7, 3]
        let priority = Array((0..<n).reversed())
        let a = ChannelAllocation(fit: fit, priority: priority, capacity: capacity, days: 3)
        for d in 0..<3 {
            for c in 0..<5 {
                let used = (0..<n).filter { a.day[$0] == Int32(d) && a.channel[$0] == UInt8(c) }.count
                #expect(used <= capacity[c])
            }
        }
        // Highest priority first: the first 25 in priority order are today's.
        #expect(priority.prefix(25).allSatisfy { a.day[$0] == 0 })
        #expect(priority.dropFirst(25).allSatisfy { a.day[$0] >= 1 })
        #expect(a.beyondHorizon == n - 75)
        let s = a.summary
        #expect(s.map(\.allocated).reduce(0, +) == 25)
        let today = s.map(\.allocated).reduce(0, +), later = s.map(\.deferred).reduce(0, +)
        #expect(today + later == 75)
        #expect(s.map(\.beyondHorizon).reduce(0, +) == n - 75)
        #expect(s.map(\.demand).reduce(0, +) == n)
        #expect(s.map(\.bestFit).reduce(0, +) == n)
    }

    /// Per channel the columns add up: demand = today + later days + beyond the horizon, and
    /// demand = best fit + moved in − moved out (the Channels screen states both).
    @Test func summaryAddsUpPerChannel() {
        var rng = SeededRNG(seed: 5)
        let n = 300
        let fit = (0..<(n * 5)).map { c in Float(rng.uniform()) + (c % 5 == 0 ? 0.5 : 0) }  // the field fits most accounts best
        let capacity = [6, 20, 10, 15, 30]
        let a = ChannelAllocation(fit: fit, priority: Array(0..<n), capacity: capacity, days: 3)
        for s in a.summary {
            #expect(s.demand == s.allocated + s.deferred + s.beyondHorizon, "\(s.channel)")
            #expect(s.demand == s.bestFit + s.movedIn - s.movedOut, "\(s.channel)")
            let c = Int(s.channel.code)
            #expect(s.demand == (0..<n).filter { Int(a.channel[$0]) == c }.count)
            #expect(s.allocated == (0..<n).filter { Int(a.channel[$0]) == c && a.day[$0] == 0 }.count)
            #expect(s.deferred == (0..<n).filter { Int(a.channel[$0]) == c && a.day[$0] >= 1 && a.day[$0] < 3 }.count)
        }
        let field = a.summary[0]
        #expect(field.bestFit > 3 * capacity[0] && field.movedOut > 0, "the over-demanded field sends accounts elsewhere")
        #expect(field.allocated == capacity[0] && field.deferred == 2 * capacity[0])
        #expect(a.summary.map(\.movedIn).reduce(0, +) == a.summary.map(\.movedOut).reduce(0, +))
    }

    @Test func handCaseMovedInAndOut() {
        // Field (capacity 1) fits both best; b is moved to outbound today.
        let fit = fits([[0.9, 0.1], [0.8, 0.5]])
        let a = ChannelAllocation(fit: fit, priority: [0, 1], capacity: [1, 1, 0, 0, 0], days: 1)
        let field = a.summary[0], outbound = a.summary[1]
        #expect(a.channel == [0, 1])
        #expect(field.bestFit == 2 && field.demand == 1 && field.allocated == 1 && field.movedOut == 1 && field.movedIn == 0)
        #expect(outbound.bestFit == 0 && outbound.demand == 1 && outbound.allocated == 1 && outbound.movedIn == 1)
        #expect(outbound.confidence == 0 && field.confidence == 1)
    }
}

@Suite struct ChannelAllocationBruteForceTests {
    @Test func matchesExhaustiveSearchOnRandomSmallDays() {
        var rng = SeededRNG(seed: 11)
        for _ in 0..<5 {
            let n = 6
            let fit = (0..<(n * 5)).map { _ in Float((rng.uniform() * 100).rounded() / 100) }
            let capacity = (0..<5).map { _ in rng.int(below: 3) }
            guard capacity.reduce(0, +) >= n else { continue }
            let a = ChannelAllocation(fit: fit, priority: Array(0..<n), capacity: capacity, days: 1)
            var best = -1.0
            func search(_ i: Int, _ used: [Int], _ total: Double) {
                if i == n { best = max(best, total); return }
                for c in 0..<5 where used[c] < capacity[c] {
                    var u = used
                    u[c] += 1
                    search(i + 1, u, total + Double(fit[i * 5 + c]))
                }
            }
            search(0, [0, 0, 0, 0, 0], 0)
            #expect(abs(a.todayFit - best) < 1e-4)
        }
    }

    /// The routes decide the field: a visited account moves to the field on its visit day (its
    /// call released), an unvisited field account goes to its best other channel with room,
    /// and the counts still add up.
    @Test func fieldRoutesTakeOverAndHandBack() {
        // Today a goes to the field, b to outbound, c to inbound (one place each).
        let fit: [Float] = [0.9, 0.5, 0.4, 0, 0, 0.3, 0.8, 0, 0, 0, 0.2, 0.7, 0, 0, 0]
        var a = ChannelAllocation(fit: fit, priority: [0, 1, 2], capacity: [1, 1, 1, 0, 0], days: 2)
        #expect(a.channel == [0, 1, 2] && a.day == [0, 0, 0])
        let before = a.channel
        // The rep visits b on day 1 and not a.
        let h = a.applyFieldRoutes(visitDay: [-1, 1, -1], fit: fit)
        #expect(h == FieldHandover(takenOver: 1, handedBack: 1, waiting: 0))
        #expect(a.channel[1] == 0 && a.day[1] == 1)
        // a goes to outbound (its best other channel), on the first day outbound has room.
        #expect(a.channel[0] == 1 && a.day[0] == 0)
        #expect(a.channel[2] == before[2])
        for c in a.summary {
            #expect(c.demand == c.allocated + c.deferred + c.beyondHorizon)
            #expect(c.demand == c.bestFit + c.movedIn - c.movedOut)
        }
        #expect(a.summary[0].deferred == 1 && a.summary[0].allocated == 0)
    }
}
