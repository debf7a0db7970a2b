import Engine
import Foundation

/// A help desk in the shape of a Zendesk export, for `opsdeck bench sla-quality`: groups
/// with their own agents, tags, creation hours and the queue each group builds up. The
/// breach comes out of a queue simulation (not a formula over the features), so the desk's
/// load at creation carries signal no single column gives.
enum BenchSLAQualityDesk {
    struct Desk {
        var tickets: [Ticket]
        /// `group` and `tags` per ticket, as a Zendesk export's extra columns.
        var extras: CustomerExtras
    }

    /// Name, share of tickets, utilisation its agents are sized for over the week's 08–20 h
    /// weekday shifts,
    /// speed (work time multiplier).
    static let groups: [(name: String, share: Double, utilisation: Double, speed: Double)] = [
        ("Tier 1", 0.38, 0.95, 0.8), ("Technical", 0.20, 0.97, 1.3), ("Billing", 0.15, 0.92, 0.9),
        ("Enterprise", 0.10, 0.80, 1.0), ("Returns", 0.11, 0.97, 0.9), ("Onboarding", 0.06, 0.90, 1.1),
    ]
    static let priorities: [(label: String, share: Double, queueFactor: Double)] = [
        ("urgent", 0.05, 0.15), ("high", 0.20, 0.45), ("normal", 0.55, 1.0), ("low", 0.20, 1.4),
    ]
    static let channels: [(label: String, share: Double, speed: Double)] = [
        ("email", 0.45, 1.0), ("web", 0.25, 1.0), ("chat", 0.15, 0.6), ("phone", 0.10, 0.7), ("api", 0.05, 1.2),
    ]
    static let types: [(label: String, share: Double, hours: Double)] = [
        ("question", 0.40, 1.2), ("incident", 0.35, 3.0), ("problem", 0.10, 6.0), ("task", 0.15, 2.0),
    ]
    static let tags: [(label: String, share: Double, speed: Double)] = [
        ("refund", 0.12, 1.3), ("bug", 0.10, 2.0), ("vip", 0.08, 0.7), ("integration", 0.07, 1.8), ("password", 0.10, 0.4),
    ]
    /// Arrivals per hour of day (relative), peaking mid-morning and mid-afternoon.
    static let hourly: [Double] = [0.2, 0.15, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1.4, 1.9, 2.0, 1.8,
                                   1.4, 1.6, 1.9, 1.8, 1.5, 1.1, 0.8, 0.6, 0.5, 0.4, 0.3, 0.25]

    static func pick<T>(_ xs: [T], _ share: (T) -> Double, _ rng: inout SeededRNG) -> Int {
        var u = rng.uniform() * xs.reduce(0) { $0 + share($1) }
        for (k, x) in xs.enumerated() { u -= share(x); if u <= 0 { return k } }
        return xs.count - 1
    }

    /// `count` tickets over `days` days from 2026-01-05 (a Monday); tickets still unresolved at
    /// the end are open.
    static func generate(count: Int, days: Int, seed: UInt64) throws -> Desk {
        var rng = SeededRNG(seed: seed)
        let start = Int64(CivilDate.days(year: 2026, month: 1, day: 5)) * 86_400
        let now = start + Int64(days) * 86_400
        // Arrival instants: a day (weekends at 40 %), an hour by the profile, a second in it.
        let dayWeight = (0..<days).map { CivilDate.weekday(days: Int(start / 86_400) + $0) >= 5 ? 0.4 : 1.0 }
        var arrivals = (0..<count).map { _ -> Int64 in
            let d = pick(Array(dayWeight.indices), { dayWeight[$0] }, &rng)
            let h = pick(Array(hourly.indices), { hourly[$0] }, &rng)
            return start + Int64(d) * 86_400 + Int64(h) * 3600 + Int64(rng.int(below: 3600))
        }
        arrivals.sort()
        // Organisations: a fifth of them are hard to please (slower work, more follow-ups).
        let orgs = max(50, count / 25)
        let hard = (0..<orgs).map { _ in rng.bernoulli(0.2) }
        // Agents per group from the work it gets: a week's tickets × mean work hours over five
        // 12-hour shifts at the group's utilisation.
        func mean<T>(_ xs: [T], _ share: (T) -> Double, _ v: (T) -> Double) -> Double {
            xs.reduce(0) { $0 + share($1) * v($1) } / xs.reduce(0) { $0 + share($1) }
        }
        let tagFactor = tags.reduce(1.0) { $0 * (1 - $1.share + $1.share * $1.speed) }
        let work = mean(types, \.share, \.hours) * mean(channels, \.share, \.speed) * tagFactor * (0.8 + 0.2 * 1.6)
        let perDay = Double(count) / (Double(days) * (5 + 2 * 0.4) / 7)
        var free = groups.map { g in
            [Int64](repeating: start, count: max(1, Int((perDay * 5.8 * g.share * work * g.speed / (60 * g.utilisation)).rounded())))
        }
        var tickets: [Ticket] = [], groupCol: [String] = [], tagCol: [String] = []
        tickets.reserveCapacity(count)
        for (k, t) in arrivals.enumerated() {
            let g = pick(groups, \.share, &rng), p = pick(priorities, \.share, &rng)
            let c = pick(channels, \.share, &rng), ty = pick(types, \.share, &rng)
            let org = rng.int(below: orgs)
            var ticketTags: [String] = []
            var speed = groups[g].speed * channels[c].speed * (hard[org] ? 1.6 : 1)
            for tag in tags where rng.bernoulli(tag.share) { ticketTags.append(tag.label); speed *= tag.speed }
            // Lognormal work time around the type's hours.
            let work = types[ty].hours * speed * exp(0.7 * rng.normal() - 0.245)
            // The agent free first takes it; outside weekdays 08–20 h work waits for the next
            // shift (urgent tickets have a night and weekend rota).
            let a = free[g].indices.min { free[g][$0] < free[g][$1] } ?? 0
            var begin = max(t, free[g][a])
            while p != 0 {
                let day = begin / 86_400, hour = (begin - day * 86_400) / 3600
                if CivilDate.weekday(days: Int(day)) >= 5 || hour >= 20 { begin = (day + 1) * 86_400 + 8 * 3600; continue }
                if hour < 8 { begin = day * 86_400 + 8 * 3600 }
                break
            }
            let end = begin + Int64(work * 3600)
            free[g][a] = end
            // Urgency jumps the queue: the wait shrinks for urgent and high, grows for low.
            let wait = Double(begin - t) * priorities[p].queueFactor
            let resolved = t + Int64(wait) + Int64(work * 3600)
            let open = resolved > now
            tickets.append(Ticket(id: "z\(k + 1)", createdAt: t, priority: priorities[p].label, channel: channels[c].label,
                                  type: types[ty].label, product: "", status: open ? "open" : "solved",
                                  state: open ? .open : .solved, resolvedAt: open ? nil : resolved,
                                  customerKey: "org-\(org)"))
            groupCol.append(groups[g].name)
            tagCol.append(ticketTags.joined(separator: " "))
        }
        var csv = "group,tags\n"
        for (g, t) in zip(groupCol, tagCol) { csv += g + "," + t + "\n" }
        let table = try RawTable(text: csv, name: "zendesk-shape")
        return Desk(tickets: tickets, extras: CustomerExtras(columns: table.columns, rowCount: table.rowCount))
    }
}
