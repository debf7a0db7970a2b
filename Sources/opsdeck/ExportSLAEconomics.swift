import Engine
import Foundation

/// `opsdeck export sla-economics` and `sla-roster`: what the SLA screen shows under its
/// sliders, read from the run's saved SLA snapshot (the numbers the run used, nothing
/// refitted): each escalation number with its source, the two rankings at the suggested
/// capacity, and the senior roster for it per interval.
enum SLAEconomicsExport {
    static var producers: [(String, ExportRegistry.Producer)] {
        [("sla-economics", { ctx in economicsTable(try ctx.slaSnapshot()) }), ("sla-roster", { ctx in rosterTable(try ctx.slaSnapshot()) })]
    }

    static func economicsTable(_ s: SupportSnapshot) -> DataTable {
        var t = DataTable(columns: ["setting", "value", "source"], kinds: [.text, .number, .text])
        let e = s.policy.escalation
        func add(_ k: String, _ v: Double, _ d: Int, _ source: String) { t.append([k, SLAExport.fixed(v, d), source]) }
        add(EscalationEconomics.minutesKey, e.minutes, 2, e.source(EscalationEconomics.minutesKey).description)
        add(EscalationEconomics.rateKey, e.hourlyRate, 2, e.source(EscalationEconomics.rateKey).description)
        if let flat = e.flatCost { add(EscalationEconomics.flatCostKey, flat, 2, e.source(EscalationEconomics.flatCostKey).description) }
        add("cost_per_escalation", e.cost, 2, e.costOrigin)
        add(EscalationEconomics.effectKey, e.effect, 4, e.source(EscalationEconomics.effectKey).description)
        add(EscalationEconomics.serviceLevelKey, e.serviceLevel, 4, e.source(EscalationEconomics.serviceLevelKey).description)
        add(EscalationEconomics.answerKey, e.answerMinutes, 2, e.source(EscalationEconomics.answerKey).description)
        add(EscalationEconomics.intervalKey, Double(e.intervalMinutes), 0, e.source(EscalationEconomics.intervalKey).description)
        add(EscalationEconomics.shrinkageKey, e.shrinkage, 4, e.source(EscalationEconomics.shrinkageKey).description)
        let n = s.suggestedCapacity(), v = s.capacity(n)
        let today = RankingComparison(s.rows).at(capacity: n, effectiveness: e.effect, interventionCost: e.cost)
        let roster = s.roster(capacity: n)
        add("suggested_capacity_per_day", Double(n), 0, "expected net savings argmax")
        add("backtest_net_savings_expected_loss", v.backtest.netSavings, 2, "backtest")
        add("backtest_net_savings_probability_only", v.probabilityOnly.netSavings, 2, "backtest")
        add("today_expected_net_savings_expected_loss", today.expectedLoss, 2, "open queue")
        add("today_expected_net_savings_probability_only", today.probabilityOnly, 2, "open queue")
        add("today_top_tickets_differing", Double(today.differing), 0, "open queue")
        add("escalations_per_day", roster.escalationsPerDay, 2, "backtest")
        add("roster_peak_agents", Double(roster.peak), 0, "Erlang C")
        add("roster_agent_hours", roster.agentHours, 2, "Erlang C")
        return t
    }

    static func rosterTable(_ s: SupportSnapshot) -> DataTable {
        var t = DataTable(columns: ["interval_start", "escalations", "erlangs", "agents", "rostered", "service_level",
                                    "occupancy", "average_wait_minutes"],
                          kinds: [.text, .number, .number, .number, .number, .number, .number, .number])
        for x in s.roster(capacity: s.suggestedCapacity()).intervals {
            let st = x.staffing
            t.append([String(format: "%02d:%02d", x.start / 60, x.start % 60), SLAExport.fixed(x.escalations, 3),
                      SLAExport.fixed(st.erlangs, 4), String(st.agents), String(st.rostered), SLAExport.fixed(st.serviceLevel, 4),
                      SLAExport.fixed(st.occupancy, 4), SLAExport.fixed(st.averageWait / 60, 2)])
        }
        return t
    }
}
