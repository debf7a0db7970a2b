import Core
/// Minimum-cost flow by successive shortest paths with node potentials (Dijkstra on reduced
/// costs, then a blocking flow on the arcs it made tight). Negative arc costs are allowed:
/// the first potentials come from Bellman–Ford.
/// Integer capacities and costs, so results are exact.
public struct MinCostFlow: Sendable {
    public let nodeCount: Int
    package var head: [Int32]
    package var to: [Int32] = []
    package var next: [Int32] = []
    package var cap: [Int] = []
    package var cost: [Int] = []
    package var originalCap: [Int] = []

    public init(nodes: Int) {
        nodeCount = nodes
        head = Array(repeating: -1, count: nodes)
    }

    /// Adds an arc and its residual twin; returns the arc's id for `flow(on:)`.
    @discardableResult
    public mutating func addArc(from a: Int, to b: Int, capacity: Int, cost c: Int) -> Int {
        let id = to.count
        for (x, y, k, w) in [(a, b, capacity, c), (b, a, 0, -c)] {
            to.append(Int32(y)); cap.append(k); cost.append(w); originalCap.append(k)
            next.append(head[x]); head[x] = Int32(to.count - 1)
        }
        return id
    }

    public func flow(on arc: Int) -> Int { originalCap[arc] - cap[arc] }

    /// Sends up to `limit` units from `source` to `sink` at least cost; returns (flow, cost).
    public mutating func solve(source s: Int, sink t: Int, limit: Int = Int.max) -> (flow: Int, cost: Int) {
        let n = nodeCount
        let inf = Int.max / 4
        var h = bellmanFord(s)
        var dist = Array(repeating: inf, count: n)
        var prevArc = Array(repeating: Int32(-1), count: n)
        var done = Array(repeating: false, count: n)
        var heap = FlowHeap()
        var flow = 0, total = 0
        while flow < limit {
            for i in 0..<n { dist[i] = inf; prevArc[i] = -1; done[i] = false }
            dist[s] = 0
            heap.push(0, s)
            while let (d, x) = heap.pop() {
                if done[x] || d > dist[x] { continue }
                done[x] = true
                if x == t { break }
                var e = Int(head[x])
                while e >= 0 {
                    let y = Int(to[e])
                    if cap[e] > 0 && !done[y] && h[y] < inf {
                        let nd = d + cost[e] + h[x] - h[y]
                        if nd < dist[y] { dist[y] = nd; prevArc[y] = Int32(e); heap.push(nd, y) }
                    }
                    e = Int(next[e])
                }
            }
            heap.removeAll()
            guard dist[t] < inf else { break }
            // Nodes not settled before the sink keep reduced costs ≥ 0 when raised by dist[t].
            for i in 0..<n where h[i] < inf { h[i] += min(dist[i], dist[t]) }
            // Primal–dual: push along every path of zero reduced cost before the next
            // Dijkstra (a blocking flow), which saves most of the shortest-path runs.
            var current = head
            var onPath = Array(repeating: false, count: n)
            var pushedAny = false
            while flow < limit {
                let pushed = augment(s, t, limit - flow, &h, &current, &onPath, &total)
                if pushed == 0 { break }
                flow += pushed; pushedAny = true
            }
            if !pushedAny { break }
        }
        return (flow, total)
    }

    /// One augmenting path over arcs of zero reduced cost (depth-first, current-arc pointers).
    package mutating func augment(_ v: Int, _ t: Int, _ f: Int, _ h: inout [Int], _ current: inout [Int32],
                          _ onPath: inout [Bool], _ total: inout Int) -> Int {
        if v == t { return f }
        onPath[v] = true
        defer { onPath[v] = false }
        let inf = Int.max / 4
        while current[v] >= 0 {
            let e = Int(current[v])
            let y = Int(to[e])
            if cap[e] > 0 && !onPath[y] && h[y] < inf && cost[e] + h[v] - h[y] == 0 {
                let d = augment(y, t, min(f, cap[e]), &h, &current, &onPath, &total)
                if d > 0 {
                    cap[e] -= d; cap[e ^ 1] += d; total += d * cost[e]
                    return d
                }
            }
            current[v] = next[e]
        }
        return 0
    }

    /// Shortest distances from s over arcs with capacity (first potentials).
    package func bellmanFord(_ s: Int) -> [Int] {
        let inf = Int.max / 4
        var d = Array(repeating: inf, count: nodeCount)
        d[s] = 0
        for _ in 0..<nodeCount {
            var changed = false
            for x in 0..<nodeCount where d[x] < inf {
                var e = Int(head[x])
                while e >= 0 {
                    let y = Int(to[e])
                    if cap[e] > 0 && d[x] + cost[e] < d[y] { d[y] = d[x] + cost[e]; changed = true }
                    e = Int(next[e])
                }
            }
            if !changed { break }
        }
        return d
    }
}

/// Binary heap of (key, node) pairs for Dijkstra.
package struct FlowHeap {
    package var keys: [Int] = []
    package var vals: [Int] = []

    package mutating func removeAll() { keys.removeAll(keepingCapacity: true); vals.removeAll(keepingCapacity: true) }

    package mutating func push(_ k: Int, _ v: Int) {
        keys.append(k); vals.append(v)
        var i = keys.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            if keys[p] <= keys[i] { break }
            keys.swapAt(p, i); vals.swapAt(p, i); i = p
        }
    }

    package mutating func pop() -> (Int, Int)? {
        guard let k0 = keys.first, let v0 = vals.first else { return nil }
        let last = keys.count - 1
        keys.swapAt(0, last); vals.swapAt(0, last)
        keys.removeLast(); vals.removeLast()
        var i = 0
        let n = keys.count
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < n && keys[l] < keys[m] { m = l }
            if r < n && keys[r] < keys[m] { m = r }
            if m == i { break }
            keys.swapAt(m, i); vals.swapAt(m, i); i = m
        }
        return (k0, v0)
    }
}
