import Dispatch

/// One prep script per planned contact: every field visit of the horizon (with its route
/// stop) and every call the contact centre scheduled today, filled with the account, its
/// NBA reasons and open tickets.
public enum PrepScriptBuilder {
    /// What the template is rendered from.
    public enum Context: Sendable {
        /// Typed nodes (`PrepScriptContactNode`), one account node shared by the account's contacts.
        case typed
        /// A `[String: Any]` tree per contact: the reference the typed nodes must match.
        case dictionary
    }

    /// The scripts of a finished run again (for `opsdeck bench scripts`); empty without sales stages.
    public static func scripts(for outcome: RunOutcome, template: PrepScriptTemplate, context: Context) -> [SalesRun.Script] {
        guard let run = outcome.sales else { return [] }
        return scripts(run, customers: outcome.customers, reps: outcome.reps, tickets: outcome.tickets, config: outcome.config,
                       template: template, context: context)
    }

    typealias Job = (account: Int, channel: SalesChannel, day: Int, stop: PrepScript.Stop?)

    static func scripts(_ run: SalesRun, customers: [Customer], reps: [Rep], tickets: [Ticket], config: PipelineConfig,
                        template: PrepScriptTemplate, context: Context = .typed) -> [SalesRun.Script] {
        var list: [Job] = []
        for v in run.routes.visits where v.rep < reps.count {
            list.append((v.account, .field, v.day, .init(rep: reps[v.rep].name, sequence: v.sequence, arrivalMinute: v.arrivalMinute, day: v.day)))
        }
        for c in run.contactCentre.schedule where c.startMinute != nil { list.append((c.account, c.channel, 0, nil)) }
        let jobs = list
        // The unit of work is an account with all its contacts, so its node is built once.
        var groupOf: [Int: Int] = [:]
        var groups: [[Int]] = []
        for (j, job) in jobs.enumerated() {
            if let g = groupOf[job.account] { groups[g].append(j) } else { groupOf[job.account] = groups.count; groups.append([j]) }
        }
        let units = groups
        let slots = ParallelSlots<String>(count: jobs.count)
        let workers = max(1, min(config.threads, units.count))
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var u = w
            while u < units.count {
                let members = units[u]
                switch context {
                case .typed:
                    let first = jobs[members[0]]
                    let account = PrepScriptAccountNode(script(first, run, customers, tickets, config))
                    for j in members {
                        let job = jobs[j]
                        slots[j] = template.render(PrepScriptContactNode(account: account, channel: job.channel, day: job.day, stop: job.stop))
                    }
                case .dictionary:
                    for j in members { slots[j] = template.renderReference(script(jobs[j], run, customers, tickets, config)) }
                }
                u += workers
            }
        }
        return jobs.enumerated().map { j, job in
            SalesRun.Script(account: job.account, channel: job.channel, day: job.day, text: slots[j] ?? "")
        }
    }

    /// Everything the script of `job` says, from the run's stages.
    static func script(_ job: Job, _ run: SalesRun, _ customers: [Customer], _ tickets: [Ticket], _ config: PipelineConfig) -> PrepScript {
        let now = Int64(config.asOfDay) * 86_400
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
        let weights = config.sales.nbaWeights.values
        return PrepScript(
            account: c.id, tier: c.tier, industry: c.industry, product: c.productInterest, segment: run.segmentation.label(i),
            channel: job.channel, day: job.day, churnProbability: run.models.churn[i], potential: run.models.potential[i],
            nba: Double(run.nba.score[i]), nbaRank: Int(run.nbaRank[i]),
            reasons: terms.map { NBAReasons.words($0, facts, weight: weights[$0.rawValue]) }, reasonTerms: terms,
            tickets: open, stop: job.stop)
    }
}
