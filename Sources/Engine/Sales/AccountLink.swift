/// How a ticket names its account: the CRM id, or the organisation's name as the help desk
/// writes it (Zendesk's Organization, Freshdesk's Company Name, ServiceNow's company),
/// matched ignoring case, spaces, `-` and `_`. A name two accounts share links to neither.
public struct AccountLink: Sendable {
    /// Account ids sorted, with each one's index: a binary search, no hashing of ids.
    private let ids: [String]
    private let order: [Int]
    private var names: [String: Int] = [:]

    public init(_ customers: [Customer]) {
        order = customers.indices.sorted { customers[$0].id < customers[$1].id }
        ids = order.map { customers[$0].id }
        var ambiguous = Set<String>()
        for (i, c) in customers.enumerated() {
            guard let n = c.name, !n.isEmpty else { continue }
            let k = normaliseLabel(Substring(n))
            if names[k] != nil { ambiguous.insert(k) } else { names[k] = i }
        }
        for k in ambiguous { names[k] = nil }
    }

    /// The index of the account `key` names: by id first, then by name.
    public func account(_ key: String) -> Int? {
        var lo = 0, hi = ids.count
        while lo < hi { let mid = (lo + hi) / 2; if ids[mid] < key { lo = mid + 1 } else { hi = mid } }
        if lo < ids.count, ids[lo] == key { return order[lo] }
        return names.isEmpty ? nil : names[normaliseLabel(Substring(key))]
    }

    /// How many of `tickets` name one of the accounts: the link rate an import reports, so a
    /// desk sees before a run whether its tickets will reach the accounts.
    public func linked(_ tickets: [Ticket]) -> (linked: Int, named: Int) {
        var linked = 0, named = 0
        for t in tickets {
            guard let key = t.customerKey, !key.isEmpty else { continue }
            named += 1
            if account(key) != nil { linked += 1 }
        }
        return (linked, named)
    }
}
