import Core
/// How a ticket reaches its account, strongest key first: the CRM id in the ticket's customer
/// cell; the requester's e-mail, whose domain is an account's web domain (Salesforce
/// `Website`, HubSpot `Company Domain Name`); the organisation's name as the help desk writes
/// it (Zendesk's Organization, Freshdesk's Company Name, ServiceNow's company), matched
/// ignoring case, spaces, `-` and `_`. A name or domain two accounts share links to neither;
/// personal mail domains (gmail.com, outlook.com, …) never link.
public struct AccountLink: Sendable {
    /// Which key linked a ticket.
    public enum Key: String, Sendable, CaseIterable {
        case id
        case email = "e-mail"
        case organisation
    }

    /// Account ids sorted, with each one's index: a binary search, no hashing of ids.
    private let ids: [String]
    private let order: [Int]
    private var names: [String: Int] = [:]
    private var domains: [String: Int] = [:]

    public init(_ customers: [Customer]) {
        order = customers.indices.sorted { customers[$0].id < customers[$1].id }
        ids = order.map { customers[$0].id }
        var ambiguous = Set<String>(), shared = Set<String>()
        for (i, c) in customers.enumerated() {
            if let n = c.name, !n.isEmpty {
                let k = normaliseLabel(Substring(n))
                if names[k] != nil { ambiguous.insert(k) } else { names[k] = i }
            }
            if let d = c.domain, !WebDomain.isPersonal(d) {
                if domains[d] != nil { shared.insert(d) } else { domains[d] = i }
            }
        }
        for k in ambiguous { names[k] = nil }
        for d in shared { domains[d] = nil }
    }

    /// The index of the account `key` names: by id first, then by name.
    public func account(_ key: String) -> Int? {
        byId(key) ?? byName(key)
    }

    /// The ticket's account and the key that found it: the customer cell as an id, then
    /// the requester's e-mail (or a customer cell that is one) by domain, then the customer
    /// cell as an organisation's name.
    public func account(of ticket: Ticket) -> (index: Int, key: Key)? {
        let key = ticket.customerKey.flatMap { $0.isEmpty ? nil : $0 }
        if let key, let i = byId(key) { return (i, .id) }
        if !domains.isEmpty {
            for mail in [ticket.requesterEmail, key] {
                if let mail, let domain = WebDomain.of(email: mail), let i = byDomain(domain) { return (i, .email) }
            }
        }
        if let key, let i = byName(key) { return (i, .organisation) }
        return nil
    }

    private func byId(_ key: String) -> Int? {
        var lo = 0, hi = ids.count
        while lo < hi { let mid = (lo + hi) / 2; if ids[mid] < key { lo = mid + 1 } else { hi = mid } }
        return lo < ids.count && ids[lo] == key ? order[lo] : nil
    }

    private func byName(_ key: String) -> Int? {
        names.isEmpty ? nil : names[normaliseLabel(Substring(key))]
    }

    private func byDomain(_ domain: String) -> Int? {
        guard !domains.isEmpty, !WebDomain.isPersonal(domain) else { return nil }
        for d in WebDomain.candidates(domain) { if let i = domains[d] { return i } }
        return nil
    }

    /// What an import reports: how many tickets name an account by any key, and how many
    /// reach one, by which key.
    public struct Counts: Sendable, Equatable {
        public var named = 0
        public var byKey: [Key: Int] = [:]
        public var linked: Int { byKey.values.reduce(0, +) }

        /// "40 of 56 tickets that name an account (71.4%): by id 0, by e-mail 12, by organisation 28".
        public var summary: String {
            let rate = named == 0 ? 0 : (Double(linked) / Double(named) * 1000).rounded() / 10
            return "\(linked) of \(named) tickets that name an account (\(CustomerCSV.num(rate))%): "
                + Key.allCases.map { "by \($0.rawValue) \(byKey[$0] ?? 0)" }.joined(separator: ", ")
        }
    }

    public func counts(_ tickets: [Ticket]) -> Counts {
        var c = Counts()
        for t in tickets {
            guard (t.customerKey.map { !$0.isEmpty } ?? false) || t.requesterEmail != nil else { continue }
            c.named += 1
            if let (_, key) = account(of: t) { c.byKey[key, default: 0] += 1 }
        }
        return c
    }

    /// How many of `tickets` name one of the accounts: the link rate an import reports, so a
    /// desk sees before a run whether its tickets will reach the accounts.
    public func linked(_ tickets: [Ticket]) -> (linked: Int, named: Int) {
        let c = counts(tickets)
        return (c.linked, c.named)
    }
}
