import Core
extension MinCostFlow {
    /// Routes node supplies (> 0) to node demands (< 0) at least cost: successive shortest
    /// paths from one excess node at a time (Ahuja, Magnanti & Orlin §9.7). A Dijkstra from
    /// a single account stops at the first deficit node it settles, so it touches only the
    /// account's neighbourhood instead of the whole network. Returns (units routed, cost).
    ///
    /// When supplies and demands do not balance, or the arcs cannot carry them all, there is
    /// a choice of which to serve, and the first deficit reached by reduced cost need not be
    /// the cheapest one; the flow is then solved again from the start as a min-cost max-flow
    /// from one added source to one added sink.
    public mutating func solve(supply: [Int]) -> (flow: Int, cost: Int) {
        precondition(supply.count == nodeCount, "one supply per node")
        let offered = supply.reduce(0) { $0 + max(0, $1) }, wanted = supply.reduce(0) { $0 + max(0, -$1) }
        let start = cap
        if offered == wanted {
            let r = successivePaths(supply)
            if r.flow == offered { return r }
            cap = start
        }
        // The same arcs (so the same arc ids), then the added source's and sink's.
        let s = nodeCount, t = nodeCount + 1
        var g = MinCostFlow(nodes: nodeCount + 2)
        g.head = head + [-1, -1]; g.to = to; g.next = next; g.cap = cap; g.cost = cost; g.originalCap = originalCap
        for v in 0..<nodeCount where supply[v] > 0 { g.addArc(from: s, to: v, capacity: supply[v], cost: 0) }
        for v in 0..<nodeCount where supply[v] < 0 { g.addArc(from: v, to: t, capacity: -supply[v], cost: 0) }
        let r = g.solve(source: s, sink: t)
        cap = Array(g.cap[0..<cap.count])
        return r
    }

    private mutating func successivePaths(_ supply: [Int]) -> (flow: Int, cost: Int) {
        let n = nodeCount, inf = Int.max / 4
        var excess = supply
        // Potentials making every reduced cost ≥ 0: shortest distances from a virtual node
        // linked to all others at cost 0 (Bellman–Ford from all-zero labels).
        var h = Array(repeating: 0, count: n)
        for _ in 0..<n {
            var changed = false
            for x in 0..<n {
                var e = Int(head[x])
                while e >= 0 {
                    let y = Int(to[e])
                    if cap[e] > 0 && h[x] + cost[e] < h[y] { h[y] = h[x] + cost[e]; changed = true }
                    e = Int(next[e])
                }
            }
            if !changed { break }
        }
        var dist = Array(repeating: inf, count: n)
        var prevArc = Array(repeating: Int32(-1), count: n)
        var done = Array(repeating: false, count: n)
        var touched: [Int] = []
        var heap = FlowHeap()
        var flow = 0, total = 0
        for k in 0..<n {
            while excess[k] > 0 {
                for v in touched { dist[v] = inf; prevArc[v] = -1; done[v] = false }
                touched.removeAll(keepingCapacity: true)
                heap.removeAll()
                dist[k] = 0; touched.append(k)
                heap.push(0, k)
                var target = -1
                var settled: [Int] = []
                while let (d, x) = heap.pop() {
                    if d > dist[x] || done[x] { continue }
                    done[x] = true
                    settled.append(x)
                    if excess[x] < 0 { target = x; break }
                    var e = Int(head[x])
                    while e >= 0 {
                        let y = Int(to[e])
                        if cap[e] > 0 {
                            let nd = d + cost[e] + h[x] - h[y]
                            if nd < dist[y] {
                                if dist[y] == inf { touched.append(y) }
                                dist[y] = nd; prevArc[y] = Int32(e); heap.push(nd, y)
                            }
                        }
                        e = Int(next[e])
                    }
                }
                guard target >= 0 else { return (flow, total) }
                // Only settled nodes move: h(v) −= D − d(v) is the same shift as raising
                // every unsettled node by D, and keeps reduced costs ≥ 0.
                let big = dist[target]
                for v in settled { h[v] += dist[v] - big }
                var push = min(excess[k], -excess[target])
                var v = target
                while v != k { let e = Int(prevArc[v]); push = min(push, cap[e]); v = Int(to[e ^ 1]) }
                v = target
                while v != k {
                    let e = Int(prevArc[v]); cap[e] -= push; cap[e ^ 1] += push
                    total += push * cost[e]; v = Int(to[e ^ 1])
                }
                excess[k] -= push; excess[target] += push; flow += push
            }
        }
        return (flow, total)
    }
}
