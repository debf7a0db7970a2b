/// Closed vocabularies of the domain. Each has a stable code (its index) for column
/// arrays and a label as users see it in files and on screen.
public protocol Category: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String {}

extension Category {
    /// Position in `allCases`: the code stored in `[UInt8]` columns.
    public var code: UInt8 {
        UInt8(truncatingIfNeeded: Array(Self.allCases).firstIndex(of: self) ?? 0)
    }

    /// The case with this code, if any.
    public init?(code: UInt8) {
        let all = Array(Self.allCases)
        guard Int(code) < all.count else { return nil }
        self = all[Int(code)]
    }

    /// Parses a label case-insensitively, ignoring surrounding spaces, `-` and `_` differences.
    public static func parse(_ text: Substring) -> Self? {
        for c in allCases where c.rawValue == text { return c }  // the common, exact case first
        let key = normaliseLabel(text)
        for c in allCases where normaliseLabel(Substring(c.rawValue)) == key { return c }
        return nil
    }

    public static var labels: [String] { allCases.map(\.rawValue) }
}

@inline(__always)
func normaliseLabel(_ s: Substring) -> String {
    var out = ""
    out.reserveCapacity(s.count)
    for ch in s.trimmingSpaces() {
        if ch == "-" || ch == "_" || ch == " " { continue }
        out.append(contentsOf: ch.lowercased())
    }
    return out
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}

public enum Tier: String, Category {
    case a = "A", b = "B", c = "C", strategic = "Strategic"
}

public enum Industry: String, Category {
    case retail = "Retail", healthcare = "Healthcare", saas = "SaaS", education = "Education", manufacturing = "Manufacturing"
}

/// The five ways an account can be served.
public enum SalesChannel: String, Category {
    case field, outboundCC = "outbound_cc", inboundCC = "inbound_cc", ecomAssisted = "ecom_assisted", ecomSelf = "ecom_self"
}

public enum Product: String, Category {
    case cxSuite = "CX Suite", payments = "Payments", connectivity = "Connectivity", marTech = "MarTech", pos = "POS"
}

public enum Priority: String, Category, Comparable {
    case low = "Low", medium = "Medium", high = "High", critical = "Critical"

    public static func < (a: Priority, b: Priority) -> Bool { a.code < b.code }
}

public enum TicketChannel: String, Category {
    case email = "Email", phone = "Phone", chat = "Chat", social = "Social media"
}

public enum TicketStatus: String, Category {
    case open = "Open", closed = "Closed", pendingCustomer = "Pending Customer Response"
}
