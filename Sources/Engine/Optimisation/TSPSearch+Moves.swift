import Core
extension TSPSearch {
    /// Runs 2-opt and Or-opt from the queued nodes until no improving move is left.
    package mutating func localSearch(_ queue: inout [Int32], _ inQueue: inout [Bool], _ cur: inout Int) {
        while let a32 = queue.popLast() {
            let a = Int(a32)
            inQueue[a] = false
            if let touched = improveTwoOpt(a, &cur) ?? improveOrOpt(a, &cur) {
                for t in touched where !inQueue[t] { inQueue[t] = true; queue.append(Int32(t)) }
                if !inQueue[a] { inQueue[a] = true; queue.append(a32) }
            }
        }
    }

    package mutating func improveTwoOpt(_ a: Int, _ cur: inout Int) -> [Int]? {
        for forward in [true, false] {
            let b = forward ? succ(a) : pred(a)
            let dab = dd(a, b)
            for c32 in nb[a] {
                let c = Int(c32)
                let dac = dd(a, c)
                if dac >= dab { break }
                let e = forward ? succ(c) : pred(c)
                if c == b || e == a { continue }
                let gain = dab + dd(c, e) - dac - dd(b, e)
                if gain > 0 {
                    twoOptMove(a, b, c, e)
                    cur -= gain
                    return [a, b, c, e]
                }
            }
        }
        return nil
    }

    /// Moves the segment of 1–3 nodes starting at `a` (forward) next to a neighbour of either
    /// end, in either orientation.
    package mutating func improveOrOpt(_ a: Int, _ cur: inout Int) -> [Int]? {
        for len in 1...3 where len + 3 <= n {
            let s1 = a
            var sL = a
            for _ in 1..<len { sL = succ(sL) }
            let p = pred(s1), nx = succ(sL)
            var inSeg = [s1]
            var x = s1
            for _ in 1..<len { x = succ(x); inSeg.append(x) }
            let removeGain = dd(p, s1) + dd(sL, nx) - dd(p, nx)
            if removeGain <= 0 { continue }
            for end in [s1, sL] {
                for c32 in nb[end] {
                    let c = Int(c32)
                    if dd(end, c) >= removeGain { break }
                    if inSeg.contains(c) { continue }
                    for (u, v) in [(c, succ(c)), (pred(c), c)] {
                        // v == p and u == nx would make two of the three 2-opt moves share a node.
                        if inSeg.contains(u) || inSeg.contains(v) || u == nx || v == p { continue }
                        let duv = dd(u, v)
                        let keep = dd(u, s1) + dd(sL, v) - duv
                        let flip = dd(u, sL) + dd(s1, v) - duv
                        let add = min(keep, flip)
                        if removeGain - add > 0 {
                            // Three 2-opt moves: cut (p,s1)+(u,v), then (p,u)+(nx,sL), then maybe flip back.
                            twoOptMove(p, s1, u, v)
                            twoOptMove(p, u, nx, sL)
                            if keep < flip { twoOptMove(u, sL, s1, v) }
                            cur -= removeGain - add
                            return [p, nx, u, v, s1, sL]
                        }
                    }
                }
            }
        }
        return nil
    }

    /// Double bridge on a stretch of at most `reach` positions: A B C D -> A C B D.
    package mutating func perturb(_ queue: inout [Int32], _ inQueue: inout [Bool], reach: Int = 50) -> Int {
        let span = min(n - 2, reach)
        let i0 = rng.int(below: n)
        var cuts = rng.sample(span, 3).map { $0 + 1 }
        cuts.sort()
        if cuts[0] == cuts[1] || cuts[1] == cuts[2] { return 0 }
        let p1 = cuts[0], p2 = cuts[1], p3 = cuts[2]
        func at(_ k: Int) -> Int { Int(tour[(i0 + k) % n]) }
        let aEnd = at(p1 - 1)
        let bStart = at(p1), bEnd = at(p2 - 1)
        let cStart = at(p2), cEnd = at(p3 - 1)
        let dStart = at(p3)
        let before = dd(aEnd, bStart) + dd(bEnd, cStart) + dd(cEnd, dStart)
        let after = dd(aEnd, cStart) + dd(cEnd, bStart) + dd(bEnd, dStart)
        var block: [Int32] = []
        for k in p2..<p3 { block.append(Int32(at(k))) }
        for k in p1..<p2 { block.append(Int32(at(k))) }
        for (o, c) in block.enumerated() {
            let idx = (i0 + p1 + o) % n
            tour[idx] = c; pos[Int(c)] = Int32(idx)
        }
        for t in [aEnd, bStart, bEnd, cStart, cEnd, dStart] where !inQueue[t] {
            inQueue[t] = true; queue.append(Int32(t))
        }
        return after - before
    }
}
