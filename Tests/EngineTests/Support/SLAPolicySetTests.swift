import Testing
import OpsDeckTestSupport
import Core
import Support

/// Policies as desks write them: sections matched in order, two metrics, named calendars
/// with zones and holidays, configurable pauses, and one error per bad line.
@Suite struct SLAPolicySetTests {
    typealias F = SupportFixtures

    static let file = """
    cost.urgent = 500
    cost.normal = 50
    pause.statuses = waiting

    [calendar office]
    timezone = +01:00
    weekdays = Mon-Fri
    hours = 09:00-17:00
    holidays = 2026-12-25

    [policy vip]
    if.tags = vip
    calendar = office
    first_reply.urgent = 1
    resolution.urgent = 4

    [policy email]
    if.channel = Email
    resolution.urgent = 8

    [policy rest]
    resolution.urgent = 24
    resolution.normal = 48
    """

    static func ticket(_ id: String, priority: String = "urgent", channel: String = "Email", created: String,
                       reply: String? = nil, resolved: String? = nil) -> Ticket {
        Ticket(id: id, createdAt: F.ts(created), priority: priority, channel: channel, type: "Question", product: "",
               status: resolved == nil ? "open" : "solved", state: resolved == nil ? .open : .solved,
               firstResponseAt: reply.map(F.ts), resolvedAt: resolved.map(F.ts))
    }

    static func tags(_ cells: [String]) -> CustomerExtras {
        var c = RawTable.Column(name: "Tags")
        for cell in cells {
            if let k = c.values.firstIndex(of: cell) { c.codes.append(Int32(k)); c.counts[k] += 1 } else {
                c.values.append(cell); c.counts.append(1); c.codes.append(Int32(c.values.count - 1))
            }
        }
        return CustomerExtras(columns: [c], rowCount: cells.count)
    }

    /// Worked by hand, in the office calendar (UTC+01:00, Mon–Fri 09:00–17:00, Christmas
    /// Friday off). Created Thu 24 Dec 16:00 local; first reply Mon 28 Dec 09:30 local:
    /// 60 min on Thursday + 30 on Monday = 90 min against 60 → breached. Resolved Monday
    /// 16:00 local after waiting on the customer 10:00–14:00: 60 + 420 − 240 = 240 min
    /// against 240 → met, exactly on target. Pausing on hold only, the wait counts: 480 min.
    @Test func handWorkedTwoMetricPolicyWithPauseAndHoliday() throws {
        let policy = try SLAPolicy.parse(Self.file, file: "sla.conf")
        // UTC times: local minus one hour.
        let t = Self.ticket("A", created: "2026-12-24 15:00", reply: "2026-12-28 08:30", resolved: "2026-12-28 15:00")
        let r = try policy.resolved(for: [t], extras: Self.tags(["vip gold"]))
        #expect(r.ruleOf == [0])
        #expect(r.metrics == [.firstReply, .resolution])
        let clock = SLAClock(policy: r)
        let wait = [SLAPause(start: F.ts("2026-12-28 09:00"), end: F.ts("2026-12-28 13:00"))]
        let reply = try #require(clock.state(row: 0, of: t, metric: .firstReply, pauses: wait, at: t.resolvedAt!))
        #expect(reply.elapsed == 90 * 60 && reply.target == 60 * 60 && reply.breached)
        let resolution = try #require(clock.state(row: 0, of: t, metric: .resolution, pauses: wait, at: t.resolvedAt!))
        #expect(resolution.elapsed == 240 * 60 && resolution.target == 240 * 60 && !resolution.breached)

        var holdOnly = policy
        holdOnly.pauseStates = [.onHold]
        let r2 = try holdOnly.resolved(for: [t], extras: Self.tags(["vip"]))
        let unpaused = try #require(SLAClock(policy: r2).state(row: 0, of: t, metric: .resolution, pauses: wait, at: t.resolvedAt!))
        #expect(unpaused.elapsed == 480 * 60 && unpaused.breached)
        // The first reply is never paused, whatever the statuses.
        let replyOnHoldPolicy = try #require(SLAClock(policy: r2).state(row: 0, of: t, metric: .firstReply, pauses: wait, at: t.resolvedAt!))
        #expect(replyOnHoldPolicy.elapsed == 90 * 60)
        // The email policy sets no first-reply target: the metric is not clocked there.
        let plain = try policy.resolved(for: [t], extras: Self.tags([""]))
        #expect(plain.ruleOf == [1])
        #expect(SLAClock(policy: plain).state(row: 0, of: t, metric: .firstReply, at: t.resolvedAt!) == nil)
        let emailResolution = try #require(SLAClock(policy: plain).state(row: 0, of: t, metric: .resolution, at: t.resolvedAt!))
        #expect(emailResolution.target == 8 * 3600)
    }

    /// First match wins, in file order; a policy without conditions catches the rest; a
    /// ticket no policy covers has no target and is counted, never dropped.
    @Test func policiesMatchInOrder() throws {
        let policy = try SLAPolicy.parse(Self.file, file: "sla.conf")
        let tickets = [
            Self.ticket("vip-email", created: "2026-12-01 10:00"),          // vip and email: vip is first
            Self.ticket("email", created: "2026-12-01 10:00"),
            Self.ticket("phone", channel: "Phone", created: "2026-12-01 10:00"),
            Self.ticket("phone-vip", channel: "Phone", created: "2026-12-01 10:00"),
            Self.ticket("normal-email", priority: "normal", created: "2026-12-01 10:00"),
        ]
        let extras = Self.tags(["VIP", "", "billing", "gold, vip", ""])
        let r = try policy.resolved(for: tickets, extras: extras)
        #expect(r.ruleOf == [0, 1, 2, 0, 1])
        #expect(r.unmatched == 0)
        // The email policy has no target for normal: that ticket has none for any metric.
        let hour: Int64 = 3600
        let expected: [Int64] = [4 * hour, 8 * hour, 24 * hour, 4 * hour, 0]
        #expect(r.targets[SLAMetric.resolution.rawValue] == expected)

        // Without the catch-all, the phone ticket without tags matches nothing.
        let noFallback = try SLAPolicy.parse(Self.file.replacingOccurrences(of: "[policy rest]", with: "[policy rest]\nif.channel = Chat"))
        let u = try noFallback.resolved(for: tickets, extras: extras)
        #expect(u.ruleOf == [0, 1, -1, 0, 1] && u.unmatched == 1)
        #expect(u.targets[SLAMetric.resolution.rawValue][2] == 0)

        // Negated conditions: every channel but Email.
        let notEmail = try SLAPolicy.parse("cost.urgent = 1\n[policy other]\nif.channel! = email\nresolution.urgent = 2")
        #expect(try notEmail.resolved(for: Array(tickets.prefix(4))).ruleOf == [-1, -1, 0, 0])
    }

    /// Today's keys still mean one resolution-only policy on the desk's calendar.
    @Test func todaysKeysAreOneResolutionPolicy() throws {
        let p = try SLAPolicy.parse("target.urgent = 4\ncost.urgent = 500\ncalendar.hours = 08:00-16:00")
        #expect(p.rules.isEmpty && p.effectiveRules.count == 1)
        let t = Self.ticket("a", created: "2026-12-01 10:00", resolved: "2026-12-01 13:00")
        let r = try p.resolved(for: [t])
        #expect(r.metrics == [.resolution] && r.ruleOf == [0])
        let clock = SLAClock(policy: r)
        #expect(clock.state(row: 0, of: t, metric: .resolution, at: t.resolvedAt!) == clock.state(of: t, at: t.resolvedAt!))
        // Top-level targets beside sections are the last policy.
        let q = try SLAPolicy.parse("target.urgent = 4\ncost.urgent = 1\n[policy chat]\nif.channel = Chat\nresolution.urgent = 1")
        #expect(q.effectiveRules.map(\.name) == ["chat", "default"])
    }

    @Test func eachBadLineSaysWhereAndWhat() {
        func message(_ text: String) -> String {
            do { _ = try SLAPolicy.parse(text, file: "sla.conf"); return "" } catch { return "\(error)" }
        }
        #expect(message("cost.urgent = 1\n[policy a]\nfirst_reply.urgent = soon").hasPrefix("sla.conf:3: SLA setting first_reply.urgent: \"soon\" is not a number of hours"))
        #expect(message("[policy a]\ncalendar = emea\nresolution.urgent = 1").hasPrefix("sla.conf:2: policy \"a\" uses calendar \"emea\""))
        #expect(message("[policy a]\nnext_reply.urgent = 1").hasPrefix("sla.conf:2: next_reply targets need"))
        #expect(message("[rules]").hasPrefix("sla.conf:1: "))
        #expect(message("[policy a]\nif.group = ").contains("one or more labels"))
        #expect(message("[calendar c]\nhours = 9-5").hasPrefix("sla.conf:2: SLA setting calendar.hours"))
        #expect(message("pause.statuses = solved").hasPrefix("sla.conf:1: "))
        #expect(message("[policy a]\n[policy A]").hasPrefix("sla.conf:2: "))
    }

    /// A condition on a column the tickets lack names it and what there is.
    @Test func unknownFieldIsNamed() throws {
        let p = try SLAPolicy.parse("cost.urgent = 1\n[policy g]\nif.group = Billing\nresolution.urgent = 1")
        let t = [Self.ticket("a", created: "2026-12-01 10:00")]
        #expect(throws: SLAPolicyError.unknownField("group", policy: "g", columns: ["Tags"])) {
            try p.resolved(for: t, extras: Self.tags(["x"]))
        }
        // Zendesk's group_name column answers to `group`.
        var c = RawTable.Column(name: "group_name")
        c.values = ["Billing"]; c.codes = [0]; c.counts = [1]
        #expect(try p.resolved(for: t, extras: CustomerExtras(columns: [c], rowCount: 1)).ruleOf == [0])
    }
}
