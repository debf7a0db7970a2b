import Core
/// A capacity table's per-day prefix sums, coded by their steps (snapshot version 4).
///
/// Each day's block starts at 0 and adds one ticket's caught cost (or breach) per rank. A
/// backtest adds few distinct values (0, or a priority's breach cost; 0 or 1), so the block
/// is kept as a small table of steps and one byte per ticket naming its step, and rebuilt on
/// load by the same additions: the same bits, in one pass, no sort. The encoder checks every
/// rebuilt sum against the original bit for bit; a table whose steps do not fit 255 values
/// (an expectation: p × cost) is kept as plain prefix sums.
///
/// Layout of one prefix array: `u8` kind — 0: `doubles` (the plain sums); 1: `doubles`
/// (the steps), then `u8s` (one step index per ticket, day by day in rank order).
extension CapacityTable {
    package static let plainPrefix: UInt8 = 0
    package static let codedPrefix: UInt8 = 1

    package static func writePrefix(_ sums: [Double], start: [Int], into w: inout SupportSnapshotWriter) {
        if let (steps, codes) = coded(sums, start: start) {
            w.u8(codedPrefix)
            w.doubles(steps)
            w.u8s(codes)
        } else {
            w.u8(plainPrefix)
            w.doubles(sums)
        }
    }

    /// The steps and per-ticket codes that rebuild `sums` exactly, or nil when they take more
    /// than 255 steps (or a block does not start at 0).
    package static func coded(_ sums: [Double], start: [Int]) -> (steps: [Double], codes: [UInt8])? {
        guard start.count >= 1 else { return nil }
        var steps: [Double] = [], codes: [UInt8] = []
        codes.reserveCapacity(max(0, sums.count - (start.count - 1)))
        for d in 0..<(start.count - 1) {
            let lo = start[d], hi = start[d + 1]
            guard lo < hi, sums[lo].bitPattern == (0.0).bitPattern else { return nil }
            for j in (lo + 1)..<hi {
                let before = sums[j - 1], after = sums[j]
                if let k = steps.firstIndex(where: { (before + $0).bitPattern == after.bitPattern }) {
                    codes.append(UInt8(k))
                    continue
                }
                let step = after - before
                guard (before + step).bitPattern == after.bitPattern, steps.count < 255 else { return nil }
                codes.append(UInt8(steps.count))
                steps.append(step)
            }
        }
        return (steps, codes)
    }

    /// One prefix array as `writePrefix` wrote it, for the table's `days` and `start` (checked
    /// here before they index anything).
    package static func readPrefix(_ r: inout SupportSnapshotReader, days: [Int], start: [Int]) throws(SupportSnapshotError) -> [Double] {
        let kind = try r.u8()
        if kind == plainPrefix { return try r.doubles() }
        guard kind == codedPrefix else { throw .invalid("capacity table prefix of unknown kind \(kind)") }
        let steps = try r.doubles(), codes = try r.u8s()
        guard start.count == days.count + 1, start.first.map({ $0 == 0 }) ?? true,
              zip(start, start.dropFirst()).allSatisfy({ $0 < $1 }), let total = start.last,
              codes.count == total - days.count else {
            throw .invalid("coded capacity table of \(days.count) days with \(codes.count) tickets")
        }
        guard Int(codes.max() ?? 0) < max(steps.count, codes.isEmpty ? 1 : 0) else {
            throw .invalid("capacity table step beyond its \(steps.count) steps")
        }
        // Checked above: every code names a step, every block fits `total`.
        let sums = [Double](unsafeUninitializedCapacity: total) { out, done in
            steps.withUnsafeBufferPointer { step in
                codes.withUnsafeBufferPointer { code in
                    var j = 0, c = 0
                    for d in 0..<days.count {
                        var sum = 0.0
                        out[j] = sum
                        j += 1
                        for _ in (start[d] + 1)..<start[d + 1] {
                            sum += step[Int(code[c])]
                            out[j] = sum
                            j += 1; c += 1
                        }
                    }
                }
            }
            done = total
        }
        return sums
    }
}
