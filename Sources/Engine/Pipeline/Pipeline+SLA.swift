import Dispatch
import Core
import Support
/// The support side of a run: the SLA engine's analysis (breach model scored out of fold,
/// escalation queue by expected loss, capacity tables, diagnostics) computed once with the
/// run, its headline figures as KPIs and its queue and groups saved as artifacts.
extension Pipeline {
    /// The SLA stage's results (it runs on the tickets' branch and is recorded after the sales
    /// stages, in the trace's fixed order).
    package struct SLAOutcome: Sendable {
        package var analysis: SupportAnalysis?
        /// The analysis's artifacts, formatted here: this branch has time to spare, the run's
        /// save comes at the end of the longest one.
        package var artifacts: [String: [UInt8]]?
    }

    package static func slaStage(_ tickets: [Ticket], extras: CustomerExtras? = nil, policy: SLAPolicy,
                         config: PipelineConfig) -> Result<TimedStage<SLAOutcome>, PipelineError> {
        let start = WallClock.monotonic()
        guard tickets.contains(where: { $0.isResolved }) else {
            return .success(TimedStage(value: SLAOutcome(analysis: nil, artifacts: nil), kpis: [], start: start, end: WallClock.monotonic(),
                                       counts: [.init("tickets", tickets.count)], warnings: ["no resolved tickets: no SLA analysis"]))
        }
        let analysis: SupportAnalysis
        do {
            analysis = try supportAnalysis(tickets: tickets, policy: policy, seed: config.seed, extras: extras, threads: config.threads)
        } catch {
            return .failure(PipelineError("SLA stage stopped the run: \(error)"))
        }
        FreedMemory.release()  // the folds' buffers, before the artifacts are formatted
        let kpis = [
            KPI(name: "SLA breach AUC (out of fold)", value: analysis.metrics.auc, target: 0.7),
            KPI(name: "SLA breach calibration error", value: analysis.metrics.ece, target: 0.05, higherIsBetter: false),
            KPI(name: "open tickets at risk (p ≥ 0.5)", value: Double(analysis.queue.entries.filter { $0.probability >= 0.5 }.count)),
        ]
        // With two metrics, each one's own model quality beside the ticket's.
        let perMetric = analysis.metricModels.count > 1 ? analysis.metricModels.map {
            KPI(name: "SLA \($0.metric.title) breach AUC (out of fold)", value: $0.metrics.auc, target: 0.7)
        } : []
        let end = WallClock.monotonic()
        let extraNames = analysis.features.names.dropFirst(SupportFeatures.names.count)
        var notes: [String] = []
        if analysis.unclocked > 0 {
            notes.append("\(analysis.unclocked) ticket\(analysis.unclocked == 1 ? " has" : "s have") no SLA target (\(analysis.policy.unmatched) matched no policy): kept, not clocked")
        }
        if !extraNames.isEmpty { notes.append("the desk's own columns in the breach model: " + extraNames.joined(separator: ", ")) }
        if !analysis.excludedExtras.isEmpty {
            notes.append("left out of the breach model: " + analysis.excludedExtras.prefix(8).map { "\($0.name) (\($0.reason))" }.joined(separator: "; ")
                         + (analysis.excludedExtras.count > 8 ? "; and \(analysis.excludedExtras.count - 8) more" : ""))
        }
        return .success(TimedStage(value: SLAOutcome(analysis: analysis, artifacts: slaArtifacts(analysis)), kpis: kpis + perMetric, start: start, end: end,
                                   counts: [.init("resolved", analysis.resolvedRows.count), .init("queue", analysis.queue.entries.count)]
                                       + (extraNames.isEmpty ? [] : [.init("features", analysis.features.featureCount)]),
                                   warnings: notes + missed(kpis + perMetric)))
    }

    /// The run's SLA analysis, the one definition the stage, the exports and the screen's
    /// fallback share, so all three show the same probabilities for the same run and seed.
    /// The boosted model (TreeSHAP reasons); the naive-Bayes baseline stays for comparison in `bench sla`.
    public static func supportAnalysis(tickets: [Ticket], policy: SLAPolicy, seed: UInt64,
                                       extras: CustomerExtras? = nil, threads: Int = 1) throws -> SupportAnalysis {
        try SupportAnalysis.build(tickets: tickets, policy: policy, options: .init(folds: 3, seed: seed, extras: extras, threads: threads),
                                  trainer: breachTrainer(seed: seed))
    }

    /// The run's breach model, which `sla replay --model gbm` prices policies with too.
    public static func breachTrainer(seed: UInt64) -> GradientBoostingBreachTrainer {
        var gbm = GradientBoostingBreachTrainer.defaultConfig
        gbm.seed = seed
        gbm.maxBins = 63  // nine mostly categorical features: coarser bins cost no AUC here (BENCHMARKS.md)
        // Small trees, fewer of them: nine features with few levels need no deep interactions.
        // 30 trees × 7 leaves at rate 0.3 scores OOF AUC 0.809 (20 000 tickets) and 0.817
        // (100 000) against 0.804 / 0.816 for 120 × 31 at 0.08, at a quarter of the cost of
        // fitting the 3 folds and of the TreeSHAP reasons (BENCHMARKS.md, issue 6).
        gbm.trees = 30
        gbm.learningRate = 0.3
        gbm.numLeaves = 7
        return GradientBoostingBreachTrainer(config: gbm)
    }

    package static func slaArtifacts(_ a: SupportAnalysis) -> [String: [UInt8]] {
        // The snapshot is what the SLA screen opens from, so a slider move never needs a model.
        // The live model (TreeSHAP over the fold models) and the snapshot are independent:
        // one per core, merged in the same order as before.
        let parts = ParallelSlots<[String: [UInt8]]>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            parts[k] = k == 0 ? SupportSnapshot.artifacts(from: a) : LiveBreachModel.artifacts(from: a)
        }
        var out = parts[0] ?? SupportSnapshot.artifacts(from: a)
        out.merge(parts[1] ?? LiveBreachModel.artifacts(from: a)) { kept, _ in kept }  // a followed file's new tickets are scored with it
        out[SLAQueueTable.artifact] = SLAQueueTable.bytes(SLAQueueTable.rows(a))
        out[SLAGroupsTable.artifact] = SLAGroupsTable.bytes(a.diagnostics.groups)
        out[SLADiagnosticsTable.artifact] = SLADiagnosticsTable.bytes(SLADiagnosticsTable.rows(a))
        return out
    }
}
