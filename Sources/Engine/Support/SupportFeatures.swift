import Core
import Synthetic
/// The breach model's inputs, one column per feature, for every ticket (resolved and open).
///
/// Each feature exists twice: as a small categorical code (`codes`, with `levels` naming
/// each code) for count-based models and reasons, and as a raw number (`numeric`) for tree
/// models. Everything here is known at the ticket's arrival: nothing looks into its future.
public struct SupportFeatures: Sendable {
    /// The built-in features, in order; a desk's extra columns follow them (`names`).
    public static let names = ["priority", "channel", "type", "product", "arrival hour", "weekday",
                               "backlog at arrival", "customer prior tickets", "customer prior breaches"]

    /// Per feature: its name (the built-in `SupportFeatures.names`, then the extras').
    public let names: [String]
    /// Per feature: a category for the trees (priority, channel, type, product and the
    /// desk's own categorical columns) rather than a number.
    public let categorical: [Bool]
    /// Per feature, per row: level code.
    public let codes: [[UInt8]]
    /// Per feature: label of each code.
    public let levels: [[String]]
    /// Per feature, per row: raw value (category codes as numbers).
    public let numeric: [[Float]]
    public var count: Int { codes.first?.count ?? 0 }
    public var featureCount: Int { codes.count }
    /// Each customer's tickets and breaches over the desk's history, from the grouping the
    /// history features use: what the live model counts from, without coding every ticket's
    /// key a second time (≈1 s at 10 M tickets).
    package let customerTally: CustomerTally

    /// Levels beyond this many for `type`/`product` fold into "Other" (codes are UInt8).
    package static let maxOpenLevels = 60
    package static let backlogBins = 8

    /// Builds features; `labels[i]` is the breach label of resolved ticket i (nil if open),
    /// needed for the customer's prior breaches, counted only once resolved before arrival.
    /// `priorityCodes`/`priorityLabels`: the resolved policy's coding (least urgent first), so
    /// that the priority feature is ordinal by urgency on any desk's labels.
    /// `extras`: the desk's own columns (group, tags, custom fields) already guarded against
    /// leakage (`TicketExtraFeatures`), one row per ticket.
    public init(tickets: [Ticket], labels: [UInt8?], priorityCodes: [UInt8], priorityLabels: [String],
                extras: TicketExtraFeatures? = nil) {
        self.init(base: SupportFeatureBase(tickets), tickets: tickets, labels: labels, priorityCodes: priorityCodes,
                  priorityLabels: priorityLabels, extras: extras)
    }

    /// The same from the policy-independent part computed once (`SupportFeatureBase`), as a
    /// replay of several policies on one desk does; identical features.
    package init(base: SupportFeatureBase, tickets: [Ticket], labels: [UInt8?], priorityCodes: [UInt8], priorityLabels: [String],
         extras: TicketExtraFeatures? = nil) {
        var codes: [[UInt8]] = []
        var levels: [[String]] = []
        var numeric: [[Float]] = []
        func add(_ c: [UInt8], _ l: [String], _ x: [Float]) { codes.append(c); levels.append(l); numeric.append(x) }

        add(priorityCodes, priorityLabels, priorityCodes.map(Float.init))
        for (c, l) in [base.channel, base.type, base.product] { add(c, l, c.map(Float.init)) }
        add(base.hour, (0..<24).map { $0 < 10 ? "0\($0)h" : "\($0)h" }, base.hour.map(Float.init))
        add(base.weekday, ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], base.weekday.map(Float.init))
        add(base.backlogBins.0, base.backlogBins.1, base.backlog.map(Float.init))

        let priorBreaches = base.customers.priorBreaches(tickets, labels: labels)
        customerTally = base.customers.tally(tickets, labels: labels)
        let (pc, pl) = Self.fixedBins(base.customers.prior, edges: [0, 1, 2, 3, 6, 11])
        add(pc, pl, base.customers.prior.map(Float.init))
        let (qc, ql) = Self.fixedBins(priorBreaches, edges: [0, 1, 2, 4])
        add(qc, ql, priorBreaches.map(Float.init))

        var names = Self.names
        var categorical = Self.names.indices.map { $0 < 4 }
        if let extras {
            for (k, f) in extras.columns.enumerated() {
                names.append(extras.names[k])
                categorical.append(f.isCategorical)
                add(f.codes, f.levels, f.numeric)
            }
        }
        if let load = DeskLoadFeature(tickets: tickets, extras: extras) {
            names.append(DeskLoadFeature.name); categorical.append(false); add(load.codes, load.levels, load.numeric)
        }
        self.names = names
        self.categorical = categorical
        self.codes = codes
        self.levels = levels
        self.numeric = numeric
    }

    /// Tickets open at the instant of each arrival: created before it and not resolved
    /// before it. One sort of each time column and a sweep: O(n log n).
    package static func backlogAtArrival(_ tickets: [Ticket]) -> [Int32] {
        let n = tickets.count
        let created = tickets.map(\.createdAt)
        let order = (0..<n).sorted { created[$0] < created[$1] }
        var resolved = tickets.compactMap(\.resolvedAt)
        RadixSort.ascending(&resolved)
        var out = [Int32](repeating: 0, count: n)
        var createdBefore = 0, resolvedBefore = 0, k = 0
        while k < n {
            let t = created[order[k]]
            // Tickets arriving at the same instant do not count each other.
            while createdBefore < n && created[order[createdBefore]] < t { createdBefore += 1 }
            while resolvedBefore < resolved.count && resolved[resolvedBefore] < t { resolvedBefore += 1 }
            let open = Int32(createdBefore - resolvedBefore)
            while k < n && created[order[k]] == t { out[order[k]] = open; k += 1 }
        }
        return out
    }

    /// Per ticket: earlier tickets of the same customer, and how many of those had been
    /// resolved as breaches before this one arrived. Tickets without a customer key have none.
    package static func customerHistory(_ tickets: [Ticket], labels: [UInt8?]) -> ([Int32], [Int32]) {
        let g = CustomerGroups(tickets)
        return (g.prior, g.priorBreaches(tickets, labels: labels))
    }
    /// Codes by frequency (most frequent first, ties by name); the tail folds into "Other".
    /// Channels in the demo desk's order first (so its codes never move), then by first
    /// appearance; past `maxOpenLevels`, the rarest fold into "Other".
    /// `cell(row)` is each row's channel: read in place, no column of texts is made first.
    package static func channelCoding<C: Collection>(_ rows: C, _ cell: (C.Element) -> String) -> ([UInt8], [String]) {
        // Through the distinct values (few, compared rather than hashed): the same coding.
        let distinct = DistinctValues.coding(rows, cell)
        let (v, distinctCode) = Vocabulary.coding(distinct.values, known: DemoDesk.channels)
        let codes = distinct.codes.map { distinctCode[Int($0)] }
        // Known labels this desk never uses are dropped: a Zendesk desk shows no "Social media".
        var used = [Bool](repeating: false, count: v.count)
        for c in codes { used[c] = true }
        var remap = [Int](repeating: 0, count: v.count), labels: [String] = []
        for k in v.labels.indices where used[k] { remap[k] = labels.count; labels.append(v.labels[k]) }
        guard labels.count > maxOpenLevels else { return (codes.map { UInt8(remap[$0]) }, labels) }
        return vocabulary(codes) { v.labels[$0] }
    }

    /// `cell(row)` is each row's text, read in place: a 10 M-ticket desk's column of texts is
    /// 160 MB of fresh memory and a retain and release per cell.
    package static func vocabulary<C: Collection>(_ rows: C, _ cell: (C.Element) -> String) -> ([UInt8], [String]) {
        // Each value gets its first-seen id (`DistinctValues`), ids are then ranked.
        let (ids, seen) = DistinctValues.coding(rows, cell)
        var counts = [Int](repeating: 0, count: seen.count)
        for id in ids { counts[Int(id)] += 1 }
        var ranked = seen.indices.sorted { (counts[$0], seen[$1]) > (counts[$1], seen[$0]) }
        let fold = ranked.count > maxOpenLevels
        if fold { ranked = Array(ranked.prefix(maxOpenLevels - 1)) }
        var code = [UInt8](repeating: UInt8(ranked.count), count: seen.count)
        for (i, id) in ranked.enumerated() { code[id] = UInt8(i) }
        var names = ranked.map { seen[$0] }
        if fold { names.append("Other") }
        return (ids.map { code[Int($0)] }, names)
    }

    /// Equal-count bins on distinct cut points; labels show each bin's range.
    package static func quantileBins(_ x: [Int32], bins: Int) -> ([UInt8], [String]) {
        guard !x.isEmpty else { return ([], []) }
        let sorted = x.sorted()
        var cuts: [Int32] = []  // lower bounds of bins 1…
        for b in 1..<bins {
            let c = sorted[min(sorted.count - 1, b * sorted.count / bins)]
            if c > (cuts.last ?? sorted[0]) { cuts.append(c) }
        }
        return fixedBins(x, edges: [Int(sorted[0])] + cuts.map(Int.init))
    }

    /// Bins with the given ascending lower edges (the first is the minimum).
    package static func fixedBins(_ x: [Int32], edges: [Int]) -> ([UInt8], [String]) {
        let codes = x.map { v -> UInt8 in
            var b = 0
            while b + 1 < edges.count && Int(v) >= edges[b + 1] { b += 1 }
            return UInt8(b)
        }
        let labels = edges.indices.map { b -> String in
            if b + 1 == edges.count { return "\(edges[b])+" }
            return edges[b + 1] - 1 == edges[b] ? "\(edges[b])" : "\(edges[b])–\(edges[b + 1] - 1)"
        }
        return (codes, labels)
    }
}

/// The features every SLA policy on a desk shares: all but the priority codes and the
/// customer's prior breaches, which depend on the policy's labels. Two independent halves
/// (`Coded`, `Swept`), which a replay builds on separate cores.
package struct SupportFeatureBase: Sendable {
    /// The label columns coded, and the arrival hour and weekday: one pass per column.
    package struct Coded: Sendable {
        package let channel: ([UInt8], [String])
        package let type: ([UInt8], [String])
        package let product: ([UInt8], [String])
        package let hour: [UInt8]
        package let weekday: [UInt8]

        package init(_ tickets: [Ticket]) {
            let n = tickets.count
            channel = SupportFeatures.channelCoding(tickets) { $0.channel }
            type = SupportFeatures.vocabulary(tickets) { $0.type }
            product = SupportFeatures.vocabulary(tickets) { $0.product }
            var hour = [UInt8](repeating: 0, count: n), weekday = [UInt8](repeating: 0, count: n)
            for i in 0..<n {
                let t = tickets[i].createdAt
                let day = Int(CivilDate.floorDiv(t, 86_400))
                hour[i] = UInt8((t - Int64(day) * 86_400) / 3600)
                weekday[i] = UInt8(CivilDate.weekday(days: day))
            }
            self.hour = hour
            self.weekday = weekday
        }
    }

    /// The sorts and sweeps: backlog at arrival and its bins, the customer grouping.
    package struct Swept: Sendable {
        package let backlog: [Int32]
        package let backlogBins: ([UInt8], [String])
        package let customers: CustomerGroups

        package init(_ tickets: [Ticket]) {
            backlog = SupportFeatures.backlogAtArrival(tickets)
            backlogBins = SupportFeatures.quantileBins(backlog, bins: SupportFeatures.backlogBins)
            customers = CustomerGroups(tickets)
        }
    }

    package let channel: ([UInt8], [String])
    package let type: ([UInt8], [String])
    package let product: ([UInt8], [String])
    package let hour: [UInt8]
    package let weekday: [UInt8]
    package let backlog: [Int32]
    package let backlogBins: ([UInt8], [String])
    package let customers: CustomerGroups

    package init(_ tickets: [Ticket]) { self.init(coded: Coded(tickets), swept: Swept(tickets)) }

    package init(coded: Coded, swept: Swept) {
        (channel, type, product, hour, weekday) = (coded.channel, coded.type, coded.product, coded.hour, coded.weekday)
        (backlog, backlogBins, customers) = (swept.backlog, swept.backlogBins, swept.customers)
    }
}

/// Each customer's tickets, contiguous in `order` and by arrival within a customer, with
/// every ticket's count of earlier ones: the grouping the customer-history features need,
/// computed once per desk.
package struct CustomerGroups: Sendable {
    package let order: [Int]
    package let begin: [Int]
    /// Per ticket: earlier tickets of the same customer.
    package let prior: [Int32]

    package init(_ tickets: [Ticket]) {
        let n = tickets.count
        // A counting sort by customer, keeping index order, without an array per customer.
        var ids = TextCodes()
        var group = [Int32](repeating: -1, count: n), size: [Int] = []
        for i in tickets.indices {  // by index: enumerating copies each ticket with its texts
            guard let key = tickets[i].customerKey, !key.isEmpty else { continue }
            let (g, new) = ids.insert(key)
            group[i] = g
            if new { size.append(1) } else { size[Int(g)] += 1 }
        }
        var begin = [Int](repeating: 0, count: size.count + 1)
        for g in size.indices { begin[g + 1] = begin[g] + size[g] }
        var order = [Int](repeating: 0, count: begin[size.count]), next = begin
        for i in 0..<n where group[i] >= 0 {
            order[next[Int(group[i])]] = i
            next[Int(group[i])] += 1
        }
        var prior = [Int32](repeating: 0, count: n)
        for g in size.indices where size[g] > 1 {
            let slice = begin[g]..<begin[g + 1]
            // Already by arrival when the file is (generated tickets are); else sorted here.
            let inOrder = zip(slice.dropLast(), slice.dropFirst()).allSatisfy {
                tickets[order[$0]].createdAt <= tickets[order[$1]].createdAt
            }
            if !inOrder { order[slice].sort { (tickets[$0].createdAt, $0) < (tickets[$1].createdAt, $1) } }
            for k in slice { prior[order[k]] = Int32(k - slice.lowerBound) }
        }
        self.order = order
        self.begin = begin
        self.prior = prior
    }

    /// Per customer, in the order the customers first appear: the key, its tickets, and
    /// those labelled breaches.
    package func tally(_ tickets: [Ticket], labels: [UInt8?]) -> CustomerTally {
        let groups = begin.count - 1
        var keys: [String] = [], counts: [Int32] = [], breaches: [Int32] = []
        keys.reserveCapacity(groups); counts.reserveCapacity(groups); breaches.reserveCapacity(groups)
        for g in 0..<groups {
            let slice = begin[g]..<begin[g + 1]
            keys.append(tickets[order[slice.lowerBound]].customerKey ?? "")
            counts.append(Int32(slice.count))
            breaches.append(Int32(slice.reduce(0) { $0 + (labels[order[$1]] == 1 ? 1 : 0) }))
        }
        return CustomerTally(keys: keys, tickets: counts, breaches: breaches)
    }

    /// Per ticket: the customer's earlier tickets resolved as breaches before it arrived.
    package func priorBreaches(_ tickets: [Ticket], labels: [UInt8?]) -> [Int32] {
        var out = [Int32](repeating: 0, count: tickets.count)
        var breachTimes: [Int64] = []
        for g in 0..<(begin.count - 1) where begin[g + 1] - begin[g] > 1 {
            let slice = begin[g]..<begin[g + 1]
            breachTimes.removeAll(keepingCapacity: true)
            for k in slice where labels[order[k]] == 1 {
                if let r = tickets[order[k]].resolvedAt { breachTimes.append(r) }
            }
            guard !breachTimes.isEmpty else { continue }
            breachTimes.sort()
            var b = 0
            for k in slice {
                let i = order[k]
                while b < breachTimes.count && breachTimes[b] < tickets[i].createdAt { b += 1 }
                out[i] = Int32(b)
            }
        }
        return out
    }
}

/// Customers' ticket and breach counts, one entry per customer key (`CustomerGroups.tally`).
package struct CustomerTally: Sendable, Equatable {
    package let keys: [String]
    package let tickets: [Int32]
    package let breaches: [Int32]
}
