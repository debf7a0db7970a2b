import Testing
import Core

/// `TextCodes` numbers texts in first-seen order, as a dictionary filled in the same order
/// would, whatever their bytes, and grows without losing one.
@Suite struct TextCodesTests {
    static func texts(_ n: Int, seed: UInt64) -> [String] {
        var rng = SeededRNG(seed: seed)
        let shapes = ["", "a", "T0000001", "exactly-8", "sixteen-bytes-ok", "Sant Adrià de Besòs — 東京 🚚", "tab\there", "x\0y"]
        return (0..<n).map { _ in
            switch rng.int(below: 4) {
            case 0: shapes[rng.int(below: shapes.count)]
            case 1: "C\(rng.int(below: 3000))"                                       // short, repeating
            case 2: "ticket-\(rng.int(below: 500))-" + String(repeating: "é", count: rng.int(below: 12))  // long tails
            default: "id\(rng.int(below: 1_000_000))@example.org"                    // mostly distinct
            }
        }
    }

    @Test(arguments: [0, 10, 5000, 60_000])
    func codesAreThoseOfADictionaryFilledInOrder(_ capacity: Int) {
        let texts = Self.texts(40_000, seed: UInt64(capacity) &+ 1)
        var codes = TextCodes(capacity: capacity), reference: [String: Int32] = [:]
        for t in texts {
            let expected = reference[t] ?? Int32(reference.count)
            let (code, inserted) = codes.insert(t)
            #expect(code == expected && inserted == (reference[t] == nil), "\(t)")
            reference[t] = expected
        }
        #expect(codes.count == reference.count)
        for (t, c) in reference {
            #expect(codes.code(of: t) == c)
            #expect(codes.text(c) == t)
        }
        #expect(codes.code(of: "never seen") == nil)
    }

    /// Texts that differ only past their first 8 bytes, or only in length, stay apart.
    @Test func nearTextsAreDistinct() {
        var codes = TextCodes()
        let texts = ["abcdefgh", "abcdefghi", "abcdefghj", "abcdefgh\0", "", "\0", "\0\0"]
        for (k, t) in texts.enumerated() { #expect(codes.insert(t) == (Int32(k), true)) }
        for (k, t) in texts.enumerated() { #expect(codes.insert(t) == (Int32(k), false)) }
    }

    /// The hash is fixed (no per-process seed), so a split by it is the same in every run.
    @Test func theHashIsTheSameInEveryProcess() {
        #expect(TextCodes.hash(of: "T0000001") == TextCodes.hash(of: String("T000000") + "1"))
        #expect(TextCodes.hash(of: "T0000001") == 0xADA5_1622_CE8C_0FA1)
        #expect(TextCodes.hash(of: "") == 0x9CA0_66F1_A4AB_2EEA)
    }
}
