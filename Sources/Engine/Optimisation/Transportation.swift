import Core
/// Exact transportation problems with few columns (channels, territories), solved by
/// successive shortest paths on a residual graph compressed to the columns.
///
/// The rows are added one at a time, each along a shortest augmenting path, so the flow stays
/// optimal for the rows added so far (Ahuja, Magnanti & Orlin §9.7, as `MinCostFlow.solve(supply:)`).
/// A residual path leaves a row only through a column and re-enters a column only by moving
/// some row already there, so the path can be searched over the k columns alone: the arc
/// a → b costs the least `cost[j, b] − cost[j, a]` over the rows j with flow in a, kept in one
/// lazy heap per ordered pair. Each augmentation is then a Bellman–Ford over k nodes plus a
/// few heap updates, instead of a Dijkstra over all n·k arcs. The result is a minimum-cost
/// flow of the same objective; only the choice between equal-cost optima may differ.
public enum Transportation {
    /// Every row sends one unit to one column, column c takes at most `capacity[c]` units, and
    /// `cost` is rows × columns, row-major. Requires at least as much capacity as rows.
    /// Returns each row's column and the total cost. Rows are added in index order and ties go
    /// to the lowest column and row, so the same input gives the same assignment.
    public static func assignUnits(cost: [Int], capacity: [Int]) -> (column: [Int32], cost: Int) {
        let k = capacity.count
        precondition(k > 0 && k < Int(UInt16.max) && cost.count % k == 0, "cost must be rows × capacity.count")
        let m = cost.count / k
        precondition(capacity.allSatisfy { $0 >= 0 } && capacity.reduce(0, +) >= m, "capacity must cover every row")
        let open = (0..<k).filter { capacity[$0] > 0 }
        let inf = Int.max / 4
        var column = [Int32](repeating: -1, count: m)
        var stamp = [UInt32](repeating: 0, count: m)
        var used = [Int](repeating: 0, count: k)
        var heaps = [TransportMoveHeap](repeating: TransportMoveHeap(), count: k * k)
        var arc = [TransportMove?](repeating: nil, count: k * k)
        var dist = [Int](repeating: inf, count: k)
        var pred = [Int](repeating: -1, count: k)

        /// Puts row j in column c and offers its moves to every other open column.
        func place(_ j: Int, _ c: Int) {
            column[j] = Int32(c)
            let base = j * k, here = cost[base + c]
            for b in open where b != c {
                heaps[c * k + b].push(TransportMove(key: cost[base + b] - here, row: Int32(j), stamp: stamp[j],
                                                    from: UInt16(c), to: UInt16(b)))
            }
        }

        for i in 0..<m {
            let base = i * k
            var best = -1
            for c in open where best < 0 || cost[base + c] < cost[base + best] { best = c }
            // A column with room and the row's least cost cannot be beaten: any detour from a
            // column a with rows back to a column with room costs ≥ 0, or the flow so far
            // would have a negative cycle through the sink.
            if used[best] < capacity[best] {
                place(i, best)
                used[best] += 1
                continue
            }
            for a in open where used[a] > 0 {
                for b in open where b != a {
                    arc[a * k + b] = heaps[a * k + b].top { stamp[Int($0.row)] == $0.stamp }
                }
            }
            for c in 0..<k { dist[c] = inf; pred[c] = -1 }
            for c in open { dist[c] = cost[base + c] }
            // Bellman–Ford over the columns: arc costs may be negative, cycles are not.
            for _ in 0..<k {
                var changed = false
                for a in open where used[a] > 0 && dist[a] < inf {
                    for b in open where b != a {
                        guard let e = arc[a * k + b], dist[a] + e.key < dist[b] else { continue }
                        dist[b] = dist[a] + e.key
                        pred[b] = a
                        changed = true
                    }
                }
                if !changed { break }
            }
            var target = -1
            for c in open where used[c] < capacity[c] && (target < 0 || dist[c] < dist[target]) { target = c }
            precondition(target >= 0, "capacity must cover every row")
            // Shift one row along each arc of the path, back from the column with room.
            var b = target, steps = 0
            while pred[b] >= 0, let e = arc[pred[b] * k + b] {
                let j = Int(e.row)
                stamp[j] &+= 1
                place(j, b)
                b = pred[b]
                steps += 1
                precondition(steps <= k, "the column path has no cycle")
            }
            place(i, b)
            used[target] += 1
        }
        var total = 0
        for j in 0..<m { total += cost[j * k + Int(column[j])] }
        return (column, total)
    }
}
