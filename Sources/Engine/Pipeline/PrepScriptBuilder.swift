import Dispatch
import Core
import Sales

/// One prep script per planned contact: every field visit of the horizon (with its route
/// stop) and every call the contact centre scheduled today, filled with the account, its
/// NBA reasons and open tickets.
public enum PrepScriptBuilder {
    /// How the scripts are rendered.
    public enum Context: Sendable {
        /// What the run does: swift-mustache renders each shape of script once over marker
        /// texts (`PrepScriptPlan`) and each script fills its shape's plan with its texts.
        case planned
        /// swift-mustache over typed nodes (`PrepScriptNode`), once per contact.
        case typed
        /// swift-mustache over a `[String: Any]` tree per contact: the reference.
        case dictionary
    }

    /// The scripts of a finished run again (for `opsdeck bench scripts`); empty without sales stages.
    public static func scripts(for outcome: RunOutcome, template: PrepScriptTemplate, context: Context) -> [SalesRun.Script] {
        guard let run = outcome.sales else { return [] }
        return scripts(run, customers: outcome.customers, reps: outcome.reps, tickets: outcome.tickets, config: outcome.config,
                       template: template, context: context)
    }

    package typealias Job = (account: Int, channel: SalesChannel, day: Int, stop: PrepScript.Stop?)

    package static func scripts(_ run: SalesRun, customers: [Customer], reps: [Rep], tickets: [Ticket], config: PipelineConfig,
                        template: PrepScriptTemplate, context: Context = .planned) -> [SalesRun.Script] {
        var list: [Job] = []
        for v in run.routes.visits where v.rep < reps.count {
            list.append((v.account, .field, v.day, .init(rep: reps[v.rep].name, sequence: v.sequence, arrivalMinute: v.arrivalMinute, day: v.day)))
        }
        for c in run.contactCentre.schedule where c.startMinute != nil { list.append((c.account, c.channel, 0, nil)) }
        let jobs = list
        let threads = config.threads
        let texts: [String?]
        switch context {
        case .dictionary:
            texts = parallelMap(jobs.count, threads) { template.renderReference(script(jobs[$0], run, customers, tickets, config)) }
        case .typed:
            texts = parallelMap(jobs.count, threads) { template.render(PrepScriptFill(script(jobs[$0], run, customers, tickets, config))) }
        case .planned:
            let fills = parallelMap(jobs.count, threads) { PrepScriptFill(script(jobs[$0], run, customers, tickets, config)) }
            // One plan per shape, made on (and, when it escapes texts, checked against) the shape's first script.
            var shapeOf: [PrepScriptFill.Shape: Int] = [:], firsts: [Int] = [], shape: [Int] = []
            for (j, fill) in fills.enumerated() {
                guard let fill else { shape.append(-1); continue }
                if let k = shapeOf[fill.shape] { shape.append(k) } else { shapeOf[fill.shape] = firsts.count; shape.append(firsts.count); firsts.append(j) }
            }
            let first = firsts, shapeIndex = shape
            let plans = parallelMap(first.count, threads) { k in fills[first[k]].flatMap { template.plan(checkedOn: $0) } }
            texts = parallelMap(jobs.count, threads) { j in
                guard let fill = fills[j] else { return "" }
                if shapeIndex[j] >= 0, let plan = plans[shapeIndex[j]] ?? nil { return plan.fill(fill.texts) }
                return template.render(fill)
            }
        }
        return jobs.enumerated().map { j, job in
            SalesRun.Script(account: job.account, channel: job.channel, day: job.day, text: texts[j] ?? "")
        }
    }

    /// `body(0..<n)` on up to `threads` workers; nil only where a body never ran.
    package static func parallelMap<T: Sendable>(_ n: Int, _ threads: Int, _ body: @Sendable (Int) -> T) -> [T?] {
        let slots = ParallelSlots<T>(count: n)
        let workers = max(1, min(threads, n))
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var i = w
            while i < n {
                slots[i] = body(i)
                i += workers
            }
        }
        return slots.values
    }

    /// Everything the script of `job` says, from the run's stages.
    package static func script(_ job: Job, _ run: SalesRun, _ customers: [Customer], _ tickets: [Ticket], _ config: PipelineConfig) -> PrepScript {
        let now = Int64(config.asOfDay) * 86_400
        let i = job.account, c = customers[i]
        let open = run.openTickets.tickets(i).map { t -> PrepScript.OpenTicket in
            let ticket = tickets[Int(t)]
            return .init(id: ticket.id, priority: ticket.priority.isEmpty ? "no priority" : ticket.priority, type: ticket.type,
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
