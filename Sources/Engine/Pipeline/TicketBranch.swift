import Core
import Support
/// The tickets' branch of a run, on its own thread: the tickets drawn (or handed over from the
/// store), gated, then the SLA stage, which needs nothing else. Nothing on the sales side
/// waits for the tickets before the segments (the models read customers only), so the
/// tickets and their SLA folds fill the other core from the run's first millisecond. The
/// results are the same as when the steps run one after the other.
package final class TicketBranch: Sendable {
    /// The tickets as drawn or loaded, before the gate, and when they were ready.
    package let drawn = Handoff<(tickets: [Ticket], end: Double)>()
    /// The tickets the gate kept, its report, and when the gate ended.
    package let gated = Handoff<(tickets: [Ticket], report: GateReport, end: Double)>()
    private let sla: SideTask<Result<TimedStage<Pipeline.SLAOutcome>, PipelineError>?>

    /// `analyse: false` stops after the gate (a run that checks data only).
    /// `extras`: the imported file's own columns, one row per drawn ticket.
    package init(draw: @escaping @Sendable () -> [Ticket], extras: CustomerExtras? = nil, analyse: Bool, policy: SLAPolicy,
         config: PipelineConfig) {
        let drawn = drawn, gated = gated
        sla = SideTask {
            let tickets = draw()
            drawn.put((tickets, WallClock.monotonic()))
            let (kept, report) = QualityGates.tickets(tickets, source: "tickets")
            gated.put((kept, report, WallClock.monotonic()))
            let keptExtras = extras.map { $0.aligned(fromIDs: tickets.map(\.id), toIDs: kept.map(\.id)) }
            return analyse ? Pipeline.slaStage(kept, extras: keptExtras, policy: policy, config: config) : nil
        }
    }

    /// Waits for the SLA stage; nil when the branch was not asked to analyse.
    package func slaStage() -> Result<TimedStage<Pipeline.SLAOutcome>, PipelineError>? { sla.join() }
}
