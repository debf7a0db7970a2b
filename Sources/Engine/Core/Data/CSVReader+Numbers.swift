/// A field read as a typed value: empty, a value, or text that is not of the type.
public enum Parsed<T> {
    case missing
    case value(T)
    case invalid

    public var value: T? {
        if case .value(let v) = self { return v }
        return nil
    }
}

/// Number parsing straight from the field bytes: no String per field on the hot path.
extension CSVReader {
    /// Powers of ten exactly representable as Double (Clinger's fast path).
    private static let exactPowers: [Double] = (0...22).map { e in
        var v = 1.0
        for _ in 0..<e { v *= 10 }
        return v
    }

    /// The field as a finite Double.
    public func double(_ i: Int) -> Parsed<Double> {
        if isEmpty(i) { return .missing }
        if let v = withBytes(i, { Self.fastDouble($0, 0..<$0.count) }) { return .value(v) }
        // Exotic forms (long mantissas, exponents beyond 22, surrounding spaces) take the exact path.
        let s = Substring(string(i)).trimmingSpaces()
        if s.isEmpty { return .missing }
        if let v = Double(s), v.isFinite { return .value(v) }
        return .invalid
    }

    /// The field as an Int ("12.0" from spreadsheets counts when whole).
    public func int(_ i: Int) -> Parsed<Int> {
        if isEmpty(i) { return .missing }
        // nil: not plain digits (or overflowing), decided below off the byte loop.
        let plain: Int?? = withBytes(i) { b -> Int?? in
            var v = 0
            var neg = false
            var k = 0
            if b[k] == 45 { neg = true; k += 1 } else if b[k] == 43 { k += 1 }
            guard k < b.count else { return .some(nil) }
            while k < b.count {
                let c = b[k]
                guard c >= 48 && c <= 57 else { return nil }
                let (m, o1) = v.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int(c - 48))
                if o1 || o2 { return .some(nil) }
                v = a
                k += 1
            }
            return .some(neg ? -v : v)
        }
        switch plain {
        case .some(.some(let v)): return .value(v)
        case .some(.none): return .invalid
        case .none:
            // "12.0" style integers from spreadsheets are accepted when they are whole.
            if case .value(let d) = double(i), d == d.rounded(), abs(d) < 1e15 { return .value(Int(d)) }
            if Substring(string(i)).trimmingSpaces().isEmpty { return .missing }
            return .invalid
        }
    }

    package static func fastDouble(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Double? {
        var k = r.lowerBound
        let e = r.upperBound
        var neg = false
        if p[k] == 45 { neg = true; k += 1 } else if p[k] == 43 { k += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var exp10 = 0
        var sawDigit = false
        while k < e, p[k] >= 48, p[k] <= 57 {
            if digits < 19 { mantissa = mantissa * 10 + UInt64(p[k] - 48); if mantissa > 0 { digits += 1 } }
            else { exp10 += 1 }
            sawDigit = true
            k += 1
        }
        if k < e, p[k] == 46 {  // '.'
            k += 1
            while k < e, p[k] >= 48, p[k] <= 57 {
                if digits < 19 { mantissa = mantissa * 10 + UInt64(p[k] - 48); if mantissa > 0 { digits += 1 }; exp10 -= 1 }
                sawDigit = true
                k += 1
            }
        }
        guard sawDigit else { return nil }
        if k < e, p[k] == 101 || p[k] == 69 {  // e, E
            k += 1
            var eneg = false
            if k < e, p[k] == 45 { eneg = true; k += 1 } else if k < e, p[k] == 43 { k += 1 }
            var ev = 0
            var any = false
            while k < e, p[k] >= 48, p[k] <= 57, ev < 10_000 { ev = ev * 10 + Int(p[k] - 48); k += 1; any = true }
            guard any else { return nil }
            exp10 += eneg ? -ev : ev
        }
        guard k == e else { return nil }
        // Exact only when the mantissa fits 53 bits and the power of ten is exact.
        guard mantissa <= (1 << 53), abs(exp10) <= 22 else { return nil }
        var v = Double(mantissa)
        if exp10 < 0 { v /= exactPowers[-exp10] } else if exp10 > 0 { v *= exactPowers[exp10] }
        return neg ? -v : v
    }
}
