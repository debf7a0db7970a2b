import Core
import Support
/// The tickets' branch of a run, on its own thread: the tickets drawn (or handed over from the
/// store), gated, then the SLA stage, which needs nothing else. Nothing on the sales side
/// waits for the tickets before the segments (the models read customers only), so the
/// tickets and their SLA folds fill the other core from the run's first millisecond. The
/// results are the same as when the steps run one after the other.
package final class TicketBranch: Sendable {
    /// How many tickets were drawn or loaded, before the gate, and when they were ready. The
    /// count only: holding the drawn array beside the gated one kept two copies of every
    /// ticket for the whole run (2 GB each at 10 M tickets, issue 21).
    package let drawn = Handoff<(count: Int, end: Double)>()
    /// The tickets the gate kept, its report, and when the gate ended.
    package let gated = Handoff<(tickets: [Ticket], report: GateReport, end: Double)>()
    private let sla: SideTask<Result<TimedStage<Pipeline.SLAOutcome>, PipelineError>?>

    /// `analyse: false` stops after the gate (a run that checks data only).
    /// `extras`: the imported file's own columns, one row per drawn ticket.
    package init(draw: @escaping @Sendable () -> [Ticket], extras: CustomerExtras? = nil, analyse: Bool, policy: SLAPolicy,
         config: PipelineConfig) {
        let drawn = drawn, gated = gated
        sla = SideTask {
            var tickets = draw()
            drawn.put((tickets.count, WallClock.monotonic()))
            // A gate that refuses nothing hands back the drawn array itself: one copy lives on.
            let (kept, report) = QualityGates.tickets(tickets, source: "tickets")
            let gateEnd = WallClock.monotonic()
            let keptExtras = extras.map { $0.aligned(fromIDs: tickets.map(\.id), toIDs: kept.map(\.id)) }
            tickets = []
            gated.put((kept, report, gateEnd))
            FreedMemory.release()  // the draw's and the gate's copies
            return analyse ? Pipeline.slaStage(kept, extras: keptExtras, policy: policy, config: config) : nil
        }
    }

    /// Waits for the SLA stage; nil when the branch was not asked to analyse.
    package func slaStage() -> Result<TimedStage<Pipeline.SLAOutcome>, PipelineError>? { sla.join() }
}
