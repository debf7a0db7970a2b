import Dispatch

/// One prep script per planned contact: every field visit of the horizon (with its route
/// stop) and every call the contact centre scheduled today, filled with the account, its
/// NBA reasons and open tickets.
enum PrepScriptBuilder {
    static func scripts(_ run: SalesRun, customers: [Customer], reps: [Rep], tickets: [Ticket], config: PipelineConfig,
                        template: PrepScriptTemplate) -> [SalesRun.Script] {
        var list: [(account: Int, channel: SalesChannel, day: Int, stop: PrepScript.Stop?)] = []
        for v in run.routes.visits where v.rep < reps.count {
            list.append((v.account, .field, v.day, .init(rep: reps[v.rep].name, sequence: v.sequence, arrivalMinute: v.arrivalMinute, day: v.day)))
        }
        for c in run.contactCentre.schedule where c.startMinute != nil { list.append((c.account, c.channel, 0, nil)) }
        let jobs = list
        let now = Int64(config.asOfDay) * 86_400
        let weights = config.sales.nbaWeights.values
        let slots = ParallelSlots<String>(count: jobs.count)
        let workers = max(1, min(config.threads, jobs.count))
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var j = w
            while j < jobs.count {
                let job = jobs[j]
                let i = job.account, c = customers[i]
                let open = run.openTickets.tickets(i).map { t -> PrepScript.OpenTicket in
                    let ticket = tickets[Int(t)]
                    return .init(id: ticket.id, priority: ticket.priority, type: ticket.type,
                                 ageDays: Int(max(0, now - ticket.createdAt) / 86_400),
                                 overdue: run.openTickets.ticketOverdue[Int(t)])
                }
                let facts = NBAReasons.Facts(churnProbability: run.models.churn[i], potential: run.models.potential[i],
                                             recencyDays: run.recencyDays[i], engagement: c.digitalEngagement, ticketsOpen: open.count,
                                             tickets90d: c.supportTickets90d, csat: c.csat, segmentLabel: run.segmentation.label(i))
                let terms = run.nba.reasonTerms(i)
                let script = PrepScript(
                    account: c.id, tier: c.tier, industry: c.industry, product: c.productInterest, segment: run.segmentation.label(i),
                    channel: job.channel, day: job.day, churnProbability: run.models.churn[i], potential: run.models.potential[i],
                    nba: Double(run.nba.score[i]), nbaRank: Int(run.nbaRank[i]),
                    reasons: terms.map { NBAReasons.words($0, facts, weight: weights[$0.rawValue]) }, reasonTerms: terms,
                    tickets: open, stop: job.stop)
                slots[j] = template.render(script)
                j += workers
            }
        }
        return jobs.enumerated().map { j, job in
            SalesRun.Script(account: job.account, channel: job.channel, day: job.day, text: slots[j] ?? "")
        }
    }
}
