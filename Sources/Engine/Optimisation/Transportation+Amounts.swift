import Core
extension Transportation {
    /// One piece of a column's load cost: up to `capacity` units at `cost` each.
    public struct Piece: Sendable, Equatable {
        public var capacity: Int
        public var cost: Int
        public init(capacity: Int, cost: Int) { self.capacity = capacity; self.cost = cost }
    }

    /// Divisible supplies over sparse arcs: row r may split its `supply[r]` units over its arcs
    /// `arcStart[r]..<arcStart[r + 1]` (column `arcColumn[a]`, `arcCost[a]` per unit, each arc
    /// uncapacitated), and column t's load costs its `pieces[t]` in order, which must have
    /// nondecreasing costs (convex; a negative first piece rewards reaching a lower bound).
    /// Every unit must be routed. Returns the flow on each arc and the total cost (arcs plus
    /// pieces): a minimum-cost flow of that network, rows added in index order, ties to the
    /// lowest column and row.
    public static func routeAmounts(supply: [Int], arcStart: [Int], arcColumn: [Int32], arcCost: [Int],
                                    pieces: [[Piece]]) -> (flow: [Int], cost: Int) {
        let n = supply.count, k = pieces.count, inf = Int.max / 4
        precondition(arcStart.count == n + 1 && arcColumn.count == arcCost.count && arcStart.last == arcColumn.count,
                     "arcStart must bound every row's arcs")
        precondition(pieces.allSatisfy { p in p.allSatisfy { $0.capacity >= 0 } && zip(p, p.dropFirst()).allSatisfy { $0.cost <= $1.cost } },
                     "pieces must have capacities ≥ 0 and nondecreasing costs")
        var flow = [Int](repeating: 0, count: arcColumn.count)
        var stamp = [UInt32](repeating: 0, count: arcColumn.count)
        var load = [Int](repeating: 0, count: k)
        // The piece the next unit of each column goes into, its room, and the cost of the last
        // unit already in (loads only grow: an augmentation ends at one column, moves keep the rest).
        var piece = [Int](repeating: 0, count: k), room = [Int](repeating: 0, count: k)
        var lastCost = [Int](repeating: 0, count: k)
        func settle(_ t: Int) {
            while piece[t] < pieces[t].count && room[t] == 0 {
                piece[t] += 1
                if piece[t] < pieces[t].count { room[t] = pieces[t][piece[t]].capacity }
            }
        }
        for t in 0..<k {
            room[t] = pieces[t].first?.capacity ?? 0
            settle(t)
        }
        func nextCost(_ t: Int) -> Int? { piece[t] < pieces[t].count ? pieces[t][piece[t]].cost : nil }
        func addLoad(_ t: Int, _ d: Int) {
            lastCost[t] = pieces[t][piece[t]].cost
            load[t] += d
            room[t] -= d
            settle(t)
        }

        var heaps = [TransportMoveHeap](repeating: TransportMoveHeap(), count: k * k)
        var arc = [TransportMove?](repeating: nil, count: k * k)
        // A heap's valid top changes only by a push into it or a stamp change of an arc its
        // moves leave from: `arc` is re-read only for heaps marked since they were last read.
        var dirty = [Bool](repeating: true, count: k * k)
        // Each column's distance when its moves were last relaxed: relaxing again from the same
        // distance improves nothing, so Bellman–Ford skips it (same improvements, same order).
        var relaxedAt = [Int](repeating: inf, count: k)
        var dist = [Int](repeating: inf, count: k)
        var pred = [Int](repeating: -1, count: k)
        var firstArc = [Int](repeating: -1, count: k)
        /// Row j's arc `s` just gained flow: offer moving it to each of the row's other columns.
        func offer(_ j: Int, _ s: Int) {
            let here = arcStart[j] + s, a = Int(arcColumn[here])
            for s2 in 0..<(arcStart[j + 1] - arcStart[j]) where s2 != s {
                let there = arcStart[j] + s2
                heaps[a * k + Int(arcColumn[there])].push(TransportMove(key: arcCost[there] - arcCost[here], row: Int32(j),
                                                                        stamp: stamp[here], from: UInt16(s), to: UInt16(s2)))
                dirty[a * k + Int(arcColumn[there])] = true
            }
        }
        /// Changes the flow on row j's arc `s` by d (either sign), keeping its moves current.
        func add(_ j: Int, _ s: Int, _ d: Int) {
            let a = arcStart[j] + s
            flow[a] += d
            if d > 0 && flow[a] == d { offer(j, s) }
            if d < 0 && flow[a] == 0 {
                stamp[a] &+= 1
                let t = Int(arcColumn[a])
                for b in 0..<k { dirty[t * k + b] = true }
            }
        }

        for i in 0..<n {
            let arcs = arcStart[i]..<arcStart[i + 1]
            precondition(arcs.count < Int(UInt16.max) && arcs.allSatisfy { a in !arcs.contains { $0 < a && arcColumn[$0] == arcColumn[a] } },
                         "a row's arcs go to distinct columns")
            var remaining = supply[i]
            while remaining > 0 {
                // Straight to a column is optimal when no detour can be cheaper: a detour that
                // leaves column t through its rows costs at least t's last unit (no negative cycle).
                var direct = inf, directArc = -1, bound = inf
                for a in arcs {
                    let t = Int(arcColumn[a])
                    let next = nextCost(t).map { arcCost[a] + $0 } ?? inf
                    if next < direct { direct = next; directArc = a }
                    bound = min(bound, load[t] > 0 ? arcCost[a] + lastCost[t] : next)
                }
                if directArc >= 0 && direct <= bound {
                    let t = Int(arcColumn[directArc]), d = min(remaining, room[t])
                    add(i, directArc - arcs.lowerBound, d)
                    addLoad(t, d)
                    remaining -= d
                    continue
                }
                for a in 0..<k where load[a] > 0 {
                    for b in 0..<k where b != a && dirty[a * k + b] {
                        arc[a * k + b] = heaps[a * k + b].top { stamp[arcStart[Int($0.row)] + Int($0.from)] == $0.stamp }
                        dirty[a * k + b] = false
                    }
                }
                for t in 0..<k { dist[t] = inf; pred[t] = -1; firstArc[t] = -1; relaxedAt[t] = inf }
                for a in arcs { let t = Int(arcColumn[a]); dist[t] = arcCost[a]; firstArc[t] = a }
                for _ in 0..<k {
                    var changed = false
                    for a in 0..<k where load[a] > 0 && dist[a] < inf && dist[a] != relaxedAt[a] {
                        relaxedAt[a] = dist[a]
                        for b in 0..<k where b != a {
                            guard let e = arc[a * k + b], dist[a] + e.key < dist[b] else { continue }
                            dist[b] = dist[a] + e.key
                            pred[b] = a
                            changed = true
                        }
                    }
                    if !changed { break }
                }
                var target = -1, best = inf
                for t in 0..<k where dist[t] < inf {
                    if let c = nextCost(t), dist[t] + c < best { best = dist[t] + c; target = t }
                }
                precondition(target >= 0, "the columns' pieces must hold every unit")
                var d = min(remaining, room[target])
                var b = target, steps = 0
                while pred[b] >= 0, let e = arc[pred[b] * k + b] {
                    d = min(d, flow[arcStart[Int(e.row)] + Int(e.from)])
                    b = pred[b]
                    steps += 1
                    precondition(steps <= k, "the column path has no cycle")
                }
                let first = b
                b = target
                while pred[b] >= 0, let e = arc[pred[b] * k + b] {
                    add(Int(e.row), Int(e.from), -d)
                    add(Int(e.row), Int(e.to), d)
                    b = pred[b]
                }
                add(i, firstArc[first] - arcs.lowerBound, d)
                addLoad(target, d)
                remaining -= d
            }
        }
        var total = 0
        for a in 0..<flow.count { total += flow[a] * arcCost[a] }
        for t in 0..<k {
            var left = load[t]
            for p in pieces[t] where left > 0 {
                let u = min(left, p.capacity)
                total += u * p.cost
                left -= u
            }
        }
        return (flow, total)
    }
}
