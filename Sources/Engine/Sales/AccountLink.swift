/// How a ticket names its account: the CRM id, or the organisation's name as the help desk
/// writes it (Zendesk's Organization, Freshdesk's Company Name, ServiceNow's company),
/// matched ignoring case, spaces, `-` and `_`. A name two accounts share links to neither.
public struct AccountLink: Sendable {
    private var names: [String: Int] = [:]

    public init(_ customers: [Customer]) {
        var ambiguous = Set<String>()
        for (i, c) in customers.enumerated() {
            guard let n = c.name, !n.isEmpty else { continue }
            let k = normaliseLabel(Substring(n))
            if names[k] != nil { ambiguous.insert(k) } else { names[k] = i }
        }
        for k in ambiguous { names[k] = nil }
    }

    public var isEmpty: Bool { names.isEmpty }

    public func byName(_ key: String) -> Int? {
        names.isEmpty ? nil : names[normaliseLabel(Substring(key))]
    }
}
