import Testing
import OpsDeckTestSupport
import Core
import Synthetic
import Support
import Sales
import Store
import Pipeline

@Suite struct SalesRunTests {
    let config = PipelineConfig(customers: 300, reps: 3, tickets: 600, seed: 5, sales: .fastForTests)

    @Test func sameSeedSameRunByteForByte() throws {
        let a = try Pipeline.run(config: config, input: .synthetic, store: nil)
        let b = try Pipeline.run(config: config, input: .synthetic, store: nil)
        let aa = Pipeline.artifacts(a), bb = Pipeline.artifacts(b)
        #expect(aa.keys.sorted() == bb.keys.sorted())
        for (name, bytes) in aa { #expect(bb[name] == bytes, "artifact \(name) differs") }
        #expect(a.kpis == b.kpis)
        // The SLA artifacts formatted on the SLA stage's thread are the ones formatted at save,
        // and a changed analysis drops them.
        #expect(a.slaArtifactBytes != nil)
        var fresh = a
        fresh.support = a.support
        #expect(fresh.slaArtifactBytes == nil)
        let again = Pipeline.artifacts(fresh)
        for (name, bytes) in aa { #expect(again[name] == bytes, "artifact \(name) differs when formatted at save") }
        // And a different seed changes the scores.
        var other = config
        other.seed = 6
        let c = try Pipeline.run(config: other, input: .synthetic, store: nil)
        #expect(Pipeline.artifacts(c)[Pipeline.accountsArtifact] != aa[Pipeline.accountsArtifact])
    }

    @Test func savedRunHasEveryArtifactTheScreensOpen() throws {
        let store = try Store.inMemory()
        var outcome = try Pipeline.run(config: config, input: .synthetic, store: store)
        let id = try Pipeline.save(&outcome, to: store)
        let names = try store.artifactNames(run: id)
        for name in ["accounts.bin", "segments.csv", "channels.csv", "staffing.csv", "schedule.csv", "routes.csv",
                     "routes_distance_only.csv", "route_compare.csv", "territories.csv", "anomalies.csv", "scripts.csv", "calibration.csv", "sla_queue.csv"] {
            #expect(names.contains(name), "missing \(name)")
        }
        let bytes = try #require(try store.artifact(run: id, name: Pipeline.accountsArtifact))
        let cols = try ColumnFile(bytes: bytes)
        #expect(cols.rowCount == 300)
        guard case .float(let nba)? = cols.column("nba") else { Issue.record("no nba column"); return }
        #expect(nba == outcome.sales?.nba.score)
        let scripts = String(decoding: try #require(try store.artifact(run: id, name: "scripts.csv")), as: UTF8.self)
        #expect(scripts.contains("== Compliance reminder"))
    }

    /// Every channel stays within its daily capacity; the field's accounts in the
    /// horizon are exactly the NBA-aware routes' visits, each on its visit day.
    @Test func capacityIsNeverExceededInTheRun() throws {
        let outcome = try Pipeline.run(config: config, input: .synthetic, store: nil)
        let s = try #require(outcome.sales)
        let cap = config.sales.channelCapacity(reps: Array(repeating: Rep(id: "r", name: "r", homeLat: 0, homeLon: 0), count: 3))
        #expect(cap[0] == 12)
        for d in 0..<config.sales.planningDays {
            for c in 0..<5 {
                let used = (0..<300).filter { s.allocation.day[$0] == Int32(d) && s.allocation.channel[$0] == UInt8(c) }.count
                #expect(used <= cap[c])
            }
        }
        let days = Int32(config.sales.planningDays), field = SalesChannel.field.code
        let onField = (0..<300).filter { s.allocation.channel[$0] == field && (0..<days).contains(s.allocation.day[$0]) }
        #expect(Set(onField) == Set(s.routes.visits.map(\.account)))
        for v in s.routes.visits { #expect(s.allocation.day[v.account] == Int32(v.day)) }
    }

    /// Unset, the field's capacity is what the reps fit: working minutes less lunch over a
    /// visit and its typical drive, summed over reps.
    @Test func fieldCapacityFollowsTheReps() {
        var c = SalesConfig()
        c.visitMinutes = 40
        c.fieldTravelMinutes = 25
        let rep = Rep(id: "r", name: "r", homeLat: 0, homeLon: 0, dayStartMinute: 8 * 60 + 30, dayEndMinute: 17 * 60 + 30)
        #expect(c.fieldVisitsPerDay(rep) == (540 - 45) / 65)
        #expect(c.channelCapacity(reps: [rep, rep])[0] == 2 * 7)
        #expect(c.channelCapacity(reps: [])[0] == 0)
        c.capacity.field = 7
        #expect(c.fieldVisitsPerRep([rep, rep, rep]) == [3, 2, 2])
        #expect(c.channelCapacity(reps: [rep, rep, rep])[0] == 7)
    }

    /// Per channel the saved counts add up, and the trace says how many accounts moved.
    @Test func channelCountsAddUpInTheRun() throws {
        let outcome = try Pipeline.run(config: config, input: .synthetic, store: nil)
        let s = try #require(outcome.sales)
        for c in s.allocation.summary {
            #expect(c.demand == c.allocated + c.deferred + c.beyondHorizon, "\(c.channel)")
            #expect(c.demand == c.bestFit + c.movedIn - c.movedOut, "\(c.channel)")
        }
        let stage = try #require(outcome.trace.stages.first { $0.name == "allocation+routes" })
        #expect(stage.counts.first { $0.name == "moved to a next-best channel" }?.value == s.allocation.summary.map(\.movedOut).reduce(0, +))
        let csv = String(decoding: try #require(Pipeline.artifacts(outcome)["channels.csv"]), as: UTF8.self)
        #expect(csv.hasPrefix("channel,capacity,demand,allocated,deferred,beyond_horizon,best_fit,moved_in,moved_out,"))
    }

    /// Every route stop says whether its account was field-allocated or taken over from another
    /// channel; a taken-over account is no longer on that channel (no visit and call of the same
    /// account), and the trace, KPIs and routes.csv agree on the counts.
    @Test func routesMarkFillInsAndReleaseTheirOtherContact() throws {
        let outcome = try Pipeline.run(config: config, input: .synthetic, store: nil)
        let s = try #require(outcome.sales)
        let visited = Set(s.routes.visits.map(\.account))
        #expect(s.contactCentre.schedule.allSatisfy { !visited.contains($0.account) })
        #expect(s.routes.distanceVisits.count == s.routes.comparison.map(\.visitsDistance).reduce(0, +))
        for c in s.routes.comparison { #expect(c.visitsNBA < c.candidates, "the pool holds more than the rep fits") }
        let stage = try #require(outcome.trace.stages.first { $0.name == "allocation+routes" })
        #expect(stage.counts.first { $0.name == "fill-in visits" }?.value == s.routes.fillIns)
        #expect(stage.counts.first { $0.name == "visits" }?.value == s.routes.visits.count)
        let gain = s.routes.comparison.map { $0.highNBAVisitsNBA - $0.highNBAVisitsDistance }.reduce(0, +)
        #expect(stage.counts.first { $0.name == "high-NBA visits gained" }?.value == gain)
        #expect(outcome.kpis.first { $0.name == "high-NBA visits gained vs distance-only" }?.value == Double(gain))
        if gain <= 0 { #expect(stage.warnings.contains { $0.hasPrefix("no high-NBA visits gained") }) }
        let art = Pipeline.artifacts(outcome)
        // Read through the routes' schema: the kind column holds "fill-in" for each fill-in visit.
        let routes = try RoutesTable.rows(try #require(art[RoutesTable.artifact]), run: 0)
        #expect(RoutesTable.columns.contains("kind"))
        #expect(routes.filter(\.fillIn).count == s.routes.fillIns)
        let distance = String(decoding: try #require(art["routes_distance_only.csv"]), as: UTF8.self).split(separator: "\n")
        #expect(distance.count == s.routes.distanceVisits.count + 1)
    }

    /// Open-ticket deadlines come from the SLA policy at the day's start: a schedule entry is
    /// "overdue at start" exactly when its ticket was past the SLA before the channel opened,
    /// and a plain miss never has a deadline before the open.
    @Test func scheduleSeparatesOverdueAtStartFromMisses() throws {
        // A one-hour target on every priority: the run's policy reaches the sales stage and
        // leaves open tickets past their SLA before the day starts.
        let strict = SLAPolicy(targetHours: LabelTable(DemoDesk.priorities.map { ($0, 1.0) }))
        let outcome = try Pipeline.run(config: config, input: .synthetic, store: nil, slaPolicy: strict)
        let s = try #require(outcome.sales)
        let open = Dictionary(uniqueKeysWithValues: config.sales.contactCentre.map { ($0.channel, $0.openMinute) })
        for c in s.contactCentre.schedule {
            let opens = try #require(open[c.channel])
            let late = s.openTickets.isOverdue(c.account) || (c.deadlineMinute.map { $0 <= opens } ?? false)
            #expect((c.sla == .overdueAtStart) == late)
            if c.sla == .missed { #expect((c.deadlineMinute ?? Int.max) > opens) }
        }
        #expect(s.contactCentre.schedule.contains { $0.sla == .overdueAtStart })
        let overdue = s.contactCentre.channels.map(\.overdueAtStart).reduce(0, +)
        #expect(outcome.kpis.first { $0.name == "contacts overdue at start" }?.value == Double(overdue))
    }

    @Test func interruptedRunLeavesThePreviousRunIntact() throws {
        let store = try Store.inMemory()
        var first = try Pipeline.run(config: config, input: .synthetic, store: store)
        let id = try Pipeline.save(&first, to: store)
        let before = try store.artifactNames(run: id).map { ($0, try store.artifact(run: id, name: $0)) }

        // Stopped midway (a priority the SLA policy has no target for; accounts without labels
        // no longer stop a run): nothing is saved.
        var untimed = first.tickets
        for i in untimed.indices { untimed[i].priority = "Mystery" }
        _ = try store.saveCustomers(first.customers, source: "import", report: "")
        _ = try store.saveTickets(untimed, source: "no target", report: "")
        #expect(throws: PipelineError.self) {
            try Pipeline.run(config: config, input: .stored(customers: nil, reps: nil, tickets: nil), store: store)
        }
        // Failing while saving (a dataset that does not exist): the transaction rolls back.
        var broken = first
        broken.datasetIds.customers = 999_999
        #expect(throws: StoreError.self) { try Pipeline.save(&broken, to: store) }

        let runs = try store.runs()
        #expect(runs.map(\.id) == [id])
        let after = try store.artifactNames(run: id).map { ($0, try store.artifact(run: id, name: $0)) }
        #expect(after.map(\.0) == before.map(\.0))
        for (a, b) in zip(after, before) { #expect(a.1 == b.1) }
    }

    @Test func configFileKeepsDefaultsAndRejectsUnknownKeys() throws {
        let c = try SalesConfig.parse(Array(#"{"nbaWeights": {"churn": 0.9}, "capacity": {"field": 7}}"#.utf8), source: "s.json")
        #expect(c.nbaWeights.churn == 0.9 && c.nbaWeights.potential == SalesConfig().nbaWeights.potential)
        #expect(c.capacity.field == 7 && c.capacity.ecomSelf == SalesConfig().capacity.ecomSelf)
        #expect(throws: SalesError.self) { try SalesConfig.parse(Array(#"{"nbaWeight": {}}"#.utf8), source: "s.json") }
        #expect(throws: SalesError.self) { try SalesConfig.parse(Array(#"{"folds": 1}"#.utf8), source: "s.json") }
    }

    /// Runs saved before deadlines moved to the SLA policy carry `ticketSLAHours`; they must still open.
    @Test func retiredConfigKeyIsAcceptedAndIgnored() throws {
        let c = try SalesConfig.parse(Array(#"{"ticketSLAHours": 24, "visitMinutes": 35}"#.utf8), source: "run-config")
        #expect(c.visitMinutes == 35 && c.planningDays == SalesConfig().planningDays)
    }
}
