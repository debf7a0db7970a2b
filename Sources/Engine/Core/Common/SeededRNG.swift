/// The one random source of the engine: xoshiro256** seeded through SplitMix64.
///
/// Every random choice in OpsDeck goes through this type so that the same inputs and
/// seed give the same output, byte for byte, on every machine. Floating-point draws are
/// built from integer bits only (no platform `random()`), and `normal()` uses the
/// polar Box–Muller method with `log`/`sqrt`, which are correctly rounded enough on
/// glibc and Darwin for reproducible CSV output at the precision we print.
public struct SeededRNG: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64
    private var spareNormal: Double?

    public init(seed: UInt64) {
        var sm = seed
        func splitMix(_ x: inout UInt64) -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(&sm)
        s1 = splitMix(&sm)
        s2 = splitMix(&sm)
        s3 = splitMix(&sm)
        spareNormal = nil
    }

    /// A child generator for an independent stream (per tree, per rep, per fold), so that
    /// parallel work stays deterministic whatever the scheduling.
    public func derived(_ stream: UInt64) -> SeededRNG {
        var copy = self
        let base = copy.next()
        return SeededRNG(seed: base ^ (stream &* 0xD1B5_4A32_D192_ED03))
    }

    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    @inline(__always)
    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }

    /// Uniform in [0, 1) with 53 random bits.
    @inline(__always)
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform in [lo, hi).
    @inline(__always)
    public mutating func uniform(_ lo: Double, _ hi: Double) -> Double {
        lo + (hi - lo) * uniform()
    }

    /// Uniform integer in 0..<n (Lemire's nearly divisionless method; unbiased).
    @inline(__always)
    public mutating func int(below n: Int) -> Int {
        precondition(n > 0, "int(below:) needs a positive bound")
        let bound = UInt64(n)
        var m = next().multipliedFullWidth(by: bound)
        if m.low < bound {
            let threshold = (0 &- bound) % bound
            while m.low < threshold {
                m = next().multipliedFullWidth(by: bound)
            }
        }
        return Int(m.high)
    }

    /// Standard normal draw.
    public mutating func normal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        while true {
            let u = uniform(-1, 1)
            let v = uniform(-1, 1)
            let s = u * u + v * v
            if s > 0 && s < 1 {
                let f = (-2 * _log(s) / s).squareRoot()
                spareNormal = v * f
                return u * f
            }
        }
    }

    public mutating func normal(mean: Double, sd: Double) -> Double { mean + sd * normal() }

    /// True with probability p.
    @inline(__always)
    public mutating func bernoulli(_ p: Double) -> Bool { uniform() < p }

    /// Index drawn with the given non-negative weights.
    public mutating func weightedIndex(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var r = uniform() * total
        for (i, w) in weights.enumerated() {
            r -= w
            if r < 0 { return i }
        }
        return weights.count - 1
    }

    /// Poisson draw (Knuth for small means, normal approximation above 30).
    public mutating func poisson(_ lambda: Double) -> Int {
        if lambda <= 0 { return 0 }
        if lambda > 30 {
            return max(0, Int((lambda + lambda.squareRoot() * normal()).rounded()))
        }
        let l = _exp(-lambda)
        var k = 0
        var p = 1.0
        repeat {
            k += 1
            p *= uniform()
        } while p > l
        return k - 1
    }

    /// Fisher–Yates shuffle in place.
    public mutating func shuffle<T>(_ a: inout [T]) {
        if T.self == Int.self {
            // Row orders (10 M at a large desk): the generic swap goes through value
            // witnesses when called from another module, this one is two loads and two stores.
            a.withUnsafeMutableBytes { raw in shuffleInts(raw.bindMemory(to: Int.self)) }
            return
        }
        var i = a.count - 1
        while i > 0 {
            let j = int(below: i + 1)
            a.swapAt(i, j)
            i -= 1
        }
    }

    /// The same draws and swaps as `shuffle`, on a buffer of `Int`s.
    private mutating func shuffleInts(_ a: UnsafeMutableBufferPointer<Int>) {
        var i = a.count - 1
        while i > 0 {
            let j = int(below: i + 1)
            let t = a[i]
            a[i] = a[j]
            a[j] = t
            i -= 1
        }
    }

    /// k distinct indices from 0..<n (partial Fisher–Yates), in draw order.
    public mutating func sample(_ n: Int, _ k: Int) -> [Int] {
        var idx = Array(0..<n)
        let take = min(k, n)
        for i in 0..<take {
            let j = i + int(below: n - i)
            idx.swapAt(i, j)
        }
        return Array(idx[0..<take])
    }
}
