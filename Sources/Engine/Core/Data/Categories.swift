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
package func normaliseLabel(_ s: Substring) -> String {
    var out = ""
    out.reserveCapacity(s.count)
    for ch in s.trimmingSpaces() {
        if ch == "-" || ch == "_" || ch == " " { continue }
        out.append(contentsOf: ch.lowercased())
    }
    return out
}

extension Substring {
    package func trimmingSpaces() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}

/// A tier's meaning for the field plan: how often an account is visited. Accounts keep
/// their CRM's own tier label; `classify` reads its meaning from the common spellings
/// (A/B/C, Tier 1-3, Gold/Silver/Bronze, Strategic/Key/Enterprise, Hot/Warm/Cold).
public enum Tier: String, Category {
    case a = "A", b = "B", c = "C", strategic = "Strategic"

    /// The class of a tier label; nil for a label with no known meaning (planned as B and
    /// listed in the import report).
    public static func classify(_ label: String) -> Tier? {
        if let t = Tier.parse(Substring(label)) { return t }
        switch normaliseLabel(Substring(label)) {
        case "strategic", "key", "keyaccount", "enterprise", "platinum", "tier0", "t0", "vip": return .strategic
        case "tier1", "t1", "gold", "hot", "high", "1": return .a
        case "tier2", "t2", "silver", "warm", "medium", "mid", "2", "standard": return .b
        case "tier3", "t3", "bronze", "cold", "low", "3", "small": return .c
        default: return nil
        }
    }

    /// The class used for planning: unknown labels plan as B.
    public static func planned(_ label: String) -> Tier { classify(label) ?? .b }
}

/// The five ways an account can be served.
public enum SalesChannel: String, Category {
    case field, outboundCC = "outbound_cc", inboundCC = "inbound_cc", ecomAssisted = "ecom_assisted", ecomSelf = "ecom_self"

    /// A CRM's channel label read as one of the five; nil means "no preference" (an unknown
    /// label is no evidence of one).
    public static func classify(_ label: String) -> SalesChannel? {
        if let c = SalesChannel.parse(Substring(label)) { return c }
        switch normaliseLabel(Substring(label)) {
        case "fieldsales", "visit", "inperson", "facetoface", "onsite", "rep", "salesrep", "f2f": return .field
        case "outbound", "phone", "telesales", "call", "outboundcall", "telemarketing", "outboundcc": return .outboundCC
        case "inbound", "callcentre", "callcenter", "contactcentre", "contactcenter", "inboundcall", "hotline": return .inboundCC
        case "assisted", "ecomassisted", "chat", "livechat", "webassisted", "assistedecommerce", "videocall": return .ecomAssisted
        case "web", "online", "ecommerce", "ecom", "selfservice", "self", "portal", "webshop", "app", "email": return .ecomSelf
        default: return nil
        }
    }
}
