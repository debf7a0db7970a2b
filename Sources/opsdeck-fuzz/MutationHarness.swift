import Engine
import Foundation

/// A seeded mutation fuzzer for toolchains without libFuzzer: byte flips, insertions,
/// deletions, splices between seeds and "interesting" tokens (huge, negative, non-finite
/// numbers, separators). No coverage feedback, but the same seed gives the same inputs.
struct MutationHarness {
    let target: FuzzTarget
    var corpus: [[UInt8]]
    var rng: SeededRNG

    static let tokens: [[UInt8]] = [
        "1e300", "-1e300", "4e18", "1e19", "9223372036854775807", "-9223372036854775808", "nan", "inf",
        "-inf", "0", "-1", "4000000000", "100000", ",", "\"", "\n", "\r\n", " ", ":", "\t", "=", "#", "{", "}", "[", "]",
    ].map { Array($0.utf8) }

    init(target: FuzzTarget, corpus: [[UInt8]], seed: UInt64) {
        self.target = target
        self.corpus = corpus.isEmpty ? [[]] : corpus
        rng = SeededRNG(seed: seed)
    }

    mutating func pick(_ n: Int) -> Int { n <= 1 ? 0 : Int(rng.next() % UInt64(n)) }

    mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var b = input
        for _ in 0...pick(4) {
            switch pick(6) {
            case 0 where !b.isEmpty: b[pick(b.count)] ^= UInt8(1 << pick(8))
            case 1: b.insert(UInt8(truncatingIfNeeded: rng.next()), at: pick(b.count + 1))
            case 2 where !b.isEmpty:
                let at = pick(b.count)
                b.removeSubrange(at..<min(b.count, at + 1 + pick(8)))
            case 3: b.insert(contentsOf: Self.tokens[pick(Self.tokens.count)], at: pick(b.count + 1))
            case 4:
                let other = corpus[pick(corpus.count)]
                let from = pick(other.count + 1)
                b.insert(contentsOf: other[from..<min(other.count, from + pick(64))], at: pick(b.count + 1))
            default:
                // Replace a run of digits with a token: this is how extreme values reach a field.
                guard let at = b.indices.filter({ (48...57).contains(b[$0]) }).dropFirst(pick(8)).first else { continue }
                var end = at
                while end < b.count && ((48...57).contains(b[end]) || b[end] == 46) { end += 1 }
                b.replaceSubrange(at..<end, with: Self.tokens[pick(12)])
            }
        }
        return b.count > 1 << 16 ? Array(b.prefix(1 << 16)) : b
    }

    /// Runs until `seconds` pass; returns how many inputs ran.
    mutating func run(seconds: Double) -> Int {
        let start = ContinuousClock.now
        let budget = Duration.milliseconds(Int64(seconds * 1000))
        var n = 0
        while ContinuousClock.now - start < budget {
            let input = mutate(corpus[pick(corpus.count)])
            target.run(input)
            n += 1
            // Keep a few mutants as new parents, so mutations compound.
            if n % 64 == 0 && corpus.count < 512 { corpus.append(input) }
        }
        return n
    }
}
