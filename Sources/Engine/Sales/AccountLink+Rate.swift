extension AccountLink {
    /// How many of `tickets` name one of `customers`, by CRM id or by name: the link rate an
    /// import reports, so a desk sees before a run whether its tickets will reach the accounts.
    public static func linked(_ tickets: [Ticket], to customers: [Customer]) -> (linked: Int, named: Int) {
        let ids = Set(customers.map(\.id))
        let link = AccountLink(customers)
        var linked = 0, named = 0
        for t in tickets {
            guard let key = t.customerKey, !key.isEmpty else { continue }
            named += 1
            if ids.contains(key) || link.byName(key) != nil { linked += 1 }
        }
        return (linked, named)
    }
}
