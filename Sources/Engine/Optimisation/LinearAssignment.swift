import Core
/// Exact linear assignment on a rectangular cost matrix: every row of the smaller side gets
/// its own column, at least total cost. Shortest augmenting paths with dual potentials
/// (Jonker–Volgenant; the variant of Crouse 2016 that scipy uses), after a column reduction
/// that settles most rows of a square problem before any search.
public enum LinearAssignment {
    /// The column of each row (-1 for rows left over when there are more rows than columns)
    /// and the total cost.
    public static func solve(_ cost: [Double], rows: Int, cols: Int) -> (rowToCol: [Int], total: Double) {
        precondition(cost.count == rows * cols, "cost must be rows × cols")
        if rows == 0 || cols == 0 { return (Array(repeating: -1, count: rows), 0) }
        if rows > cols {
            var t = Array(repeating: 0.0, count: rows * cols)
            for i in 0..<rows { for j in 0..<cols { t[j * rows + i] = cost[i * cols + j] } }
            let (colToRow, total) = solveWide(t, rows: cols, cols: rows)
            var out = Array(repeating: -1, count: rows)
            for (c, r) in colToRow.enumerated() { out[r] = c }
            return (out, total)
        }
        return solveWide(cost, rows: rows, cols: cols)
    }

    /// rows ≤ cols.
    package static func solveWide(_ cost: [Double], rows nr: Int, cols nc: Int) -> ([Int], Double) {
        var u = Array(repeating: 0.0, count: nr), v = Array(repeating: 0.0, count: nc)
        var col4row = Array(repeating: -1, count: nr), row4col = Array(repeating: -1, count: nc)
        var path = Array(repeating: -1, count: nc)
        var spc = Array(repeating: Double.infinity, count: nc)
        var sr = Array(repeating: false, count: nr), sc = Array(repeating: false, count: nc)
        var remaining = Array(repeating: 0, count: nc)
        cost.withUnsafeBufferPointer { c in
            if nr == nc {
                // Column reduction: v_j = min_i c_ij keeps every reduced cost ≥ 0; a row that is
                // the minimum of a free column takes it at reduced cost 0.
                for j in 0..<nc {
                    var best = Double.infinity, arg = 0
                    for i in 0..<nr where c[i * nc + j] < best { best = c[i * nc + j]; arg = i }
                    v[j] = best
                    if col4row[arg] < 0 { col4row[arg] = j; row4col[j] = arg }
                }
            }
            for cur in 0..<nr where col4row[cur] < 0 {
                var minVal = 0.0
                var num = nc
                for it in 0..<nc { remaining[it] = nc - it - 1; spc[it] = .infinity }
                for i in 0..<nr { sr[i] = false }
                for j in 0..<nc { sc[j] = false }
                var i = cur, sink = -1
                while sink < 0 {
                    sr[i] = true
                    var index = -1, lowest = Double.infinity
                    let base = i * nc, ui = u[i]
                    for it in 0..<num {
                        let j = remaining[it]
                        let r = minVal + c[base + j] - ui - v[j]
                        if r < spc[j] { path[j] = i; spc[j] = r }
                        if spc[j] < lowest || (spc[j] == lowest && row4col[j] < 0) { lowest = spc[j]; index = it }
                    }
                    minVal = lowest
                    if index < 0 || minVal == .infinity { return }
                    let j = remaining[index]
                    if row4col[j] < 0 { sink = j } else { i = row4col[j] }
                    sc[j] = true
                    num -= 1
                    remaining[index] = remaining[num]
                }
                u[cur] += minVal
                for r in 0..<nr where sr[r] && r != cur { u[r] += minVal - spc[col4row[r]] }
                for j in 0..<nc where sc[j] { v[j] -= minVal - spc[j] }
                var j = sink
                while true {
                    let r = path[j]
                    row4col[j] = r
                    let prev = col4row[r]
                    col4row[r] = j
                    if r == cur { break }
                    j = prev
                }
            }
        }
        var total = 0.0
        for i in 0..<nr where col4row[i] >= 0 { total += cost[i * nc + col4row[i]] }
        return (col4row, total)
    }
}
