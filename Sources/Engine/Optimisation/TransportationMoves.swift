import Core
/// One way to shift flow between two columns of a transportation problem: take `row`'s flow
/// out of its slot `from` and into its slot `to`, at `key` extra cost per unit. The entry goes
/// stale when the row's flow in `from` has since dropped to zero (its stamp moved on).
package struct TransportMove {
    package var key: Int
    package var row: Int32
    package var stamp: UInt32
    package var from: UInt16
    package var to: UInt16

    /// Cheapest first; equal costs by lowest row, then slot, so the same input always moves
    /// the same row.
    @inline(__always)
    package func precedes(_ o: TransportMove) -> Bool {
        if key != o.key { return key < o.key }
        if row != o.row { return row < o.row }
        if from != o.from { return from < o.from }
        return to < o.to
    }
}

/// Min-heap of moves between one ordered pair of columns. Stale entries are dropped when they
/// reach the top (lazy deletion), so a row that moves costs one push per other column.
package struct TransportMoveHeap {
    package var items: [TransportMove] = []

    @inline(__always)
    package mutating func push(_ e: TransportMove) {
        items.append(e)
        var i = items.count - 1
        while i > 0 {
            let p = (i - 1) >> 1
            if !items[i].precedes(items[p]) { break }
            items.swapAt(p, i)
            i = p
        }
    }

    /// The cheapest entry still `valid`, after discarding the stale ones above it.
    @inline(__always)
    package mutating func top(valid: (TransportMove) -> Bool) -> TransportMove? {
        while let t = items.first {
            if valid(t) { return t }
            popTop()
        }
        return nil
    }

    package mutating func popTop() {
        let last = items.count - 1
        guard last >= 0 else { return }
        items.swapAt(0, last)
        items.removeLast()
        let n = items.count
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < n && items[l].precedes(items[m]) { m = l }
            if r < n && items[r].precedes(items[m]) { m = r }
            if m == i { break }
            items.swapAt(m, i)
            i = m
        }
    }
}
