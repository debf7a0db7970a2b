import Core
import Learning
/// The desk's load at a ticket's creation: tickets of the same group (the desk's `group`
/// column, or team / queue) open at that instant, created before it and not yet resolved.
/// A busy group answers late whatever the whole desk's backlog says, so this is its own
/// breach-model feature, known at arrival. Absent when the desk has no group column.
public struct DeskLoadFeature: Sendable {
    public static let name = "group load at arrival"
    /// Column names (normalised: lower case, non-alphanumerics as `_`) read as the group.
    package static let groupNames = ["group", "group_id", "group_name", "groupid", "team", "queue", "support_group",
                             "assignment_group"]

    public let codes: [UInt8]
    public let levels: [String]
    public let numeric: [Float]

    /// The group from `extras` (one row per ticket), nil when none of its columns is one.
    public init?(tickets: [Ticket], extras: TicketExtraFeatures?) {
        guard let extras, let k = extras.names.firstIndex(where: { Self.groupNames.contains(ExtraFeatures.normalised($0)) }),
              extras.columns[k].isCategorical, extras.columns[k].codes.count == tickets.count else { return nil }
        let load = Self.openAtArrival(tickets, group: extras.columns[k].codes)
        (codes, levels) = SupportFeatures.quantileBins(load, bins: SupportFeatures.backlogBins)
        numeric = load.map(Float.init)
    }

    /// Per ticket: tickets of its group created strictly before it and resolved at or after
    /// its creation (or still open). Per group one sort of each time column and a sweep.
    package static func openAtArrival(_ tickets: [Ticket], group: [UInt8]) -> [Int32] {
        var members = [[Int]](repeating: [], count: 256)
        for (i, g) in group.enumerated() { members[Int(g)].append(i) }
        var out = [Int32](repeating: 0, count: tickets.count)
        for rows in members where !rows.isEmpty {
            let order = rows.sorted { (tickets[$0].createdAt, $0) < (tickets[$1].createdAt, $1) }
            let resolved = rows.compactMap { tickets[$0].resolvedAt }.sorted()
            var createdBefore = 0, resolvedBefore = 0, k = 0
            while k < order.count {
                let t = tickets[order[k]].createdAt
                while createdBefore < order.count && tickets[order[createdBefore]].createdAt < t { createdBefore += 1 }
                while resolvedBefore < resolved.count && resolved[resolvedBefore] < t { resolvedBefore += 1 }
                // Resolved before t implies created before t (resolution follows creation).
                let open = Int32(max(0, createdBefore - resolvedBefore))
                while k < order.count && tickets[order[k]].createdAt == t { out[order[k]] = open; k += 1 }
            }
        }
        return out
    }
}
