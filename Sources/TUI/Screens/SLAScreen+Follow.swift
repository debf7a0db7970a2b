import Engine
import Foundation

/// What `opsdeck --follow FILE|DIR` hands screen 1: the live engine over the run's queue, the
/// refit that replaces the run, and how often to look and refit.
public struct SLAFollowSource: Sendable {
    public typealias Refit = @Sendable (_ progress: @escaping @Sendable (String) -> Void) throws -> LiveIngest.Refit
    public var ingest: LiveIngest
    public var refit: Refit?
    public var pollSeconds: Double
    public var refitEverySeconds: Double?
    /// The followed file or folder, for the status line.
    public var label: String

    public init(ingest: LiveIngest, refit: Refit?, pollSeconds: Double = 1, refitEverySeconds: Double? = nil, label: String) {
        self.ingest = ingest; self.refit = refit; self.pollSeconds = pollSeconds
        self.refitEverySeconds = refitEverySeconds; self.label = label
    }
}

/// The follow's state on the screen: at most one look at the file and one refit running, each
/// a `BackgroundJob`, and the line the status bar shows.
struct SLAFollowState {
    let source: SLAFollowSource
    var look: BackgroundJob<String, Result<LiveIngest.Outcome, any Error>>?
    var refit: BackgroundJob<String, Result<LiveIngest.Refit, any Error>>?
    var lastLook = -Double.infinity
    var lastRefit = WallClock.monotonic()
    var status: String
    /// The followed file's gate failure (file:line:column: what was expected), while it lasts.
    var error: String?
}

extension SLAScreen {
    static let refitAction = Action.custom("refit")

    /// This screen following an export: it looks every `pollSeconds` and re-ranks its queue.
    public func following(_ source: SLAFollowSource) -> SLAScreen {
        var s = self
        s.follow = SLAFollowState(source: source, status: "following \(source.label)")
        return s
    }

    /// The follow's line for the status bar: a gate failure first, then a refit's progress.
    var followStatus: String? {
        guard let f = follow else { return nil }
        if let e = f.error { return "follow: \(e) — last good state kept" }
        if let r = f.refit, !r.isFinished { return "\(r.progress) (\(Int(r.elapsed)) s)" }
        return f.status
    }

    var refitAvailability: Availability {
        guard let f = follow else { return .disabled("refit needs --follow FILE|DIR") }
        if f.source.refit == nil { return .disabled("no store to refit in") }
        if f.refit != nil { return .disabled("a refit is running") }
        return .enabled
    }

    /// Starts a full refit (R, or the schedule) as a background job.
    mutating func startRefit() {
        guard var f = follow, f.refit == nil, let work = f.source.refit else { return }
        f.refit = BackgroundJob(initial: "refit: starting…") { report in Result { try work(report) } }
        follow = f
    }

    /// On each busy tick: collect finished jobs, start the next look and a scheduled refit.
    mutating func pollFollow() {
        guard var f = follow else { return }
        let now = WallClock.monotonic()
        var adopt: SupportSnapshot?
        if let job = f.look, let result = job.result {
            f.look = nil
            switch result {
            case .success(let o):
                f.error = o.errors.first
                if o.changed > 0 {
                    adopt = o.snapshot
                    f.status = "follow \(f.source.label): " + o.summary
                }
            case .failure(let e):
                f.error = "\(e)"
            }
        }
        if let job = f.refit, let result = job.result {
            f.refit = nil
            f.lastRefit = now
            switch result {
            case .success(let r):
                do {
                    try f.source.ingest.swap(r)
                    adopt = f.source.ingest.snapshot
                    f.status = "refit: run \(r.run) swapped in (\(fixedDecimal(job.elapsed, 1)) s)"
                } catch {
                    f.status = "refit: run \(r.run) could not be swapped in: \(error)"
                }
            case .failure(let e):
                f.status = "refit failed: \(e); the previous run stays"
            }
        }
        if f.look == nil, now - f.lastLook >= f.source.pollSeconds {
            f.lastLook = now
            let ingest = f.source.ingest
            f.look = BackgroundJob(initial: "") { _ in Result { try ingest.poll() } }
        }
        follow = f
        if let every = f.source.refitEverySeconds, f.refit == nil, now - f.lastRefit >= every { startRefit() }
        if let adopt { self.adopt(adopt) }
    }

    /// The queue re-ranked (or a refit's): the same screen on the new snapshot, keeping the
    /// sliders, the focus, the escalations and the selected ticket.
    mutating func adopt(_ snapshot: SupportSnapshot) {
        let selected = table.selectedRow.flatMap { $0 < self.snapshot.rows.count ? self.snapshot.rows[$0].id : nil }
        var next = SLAScreen(snapshot: snapshot, escalations: Array(escalated.values), escalate: escalate,
                             escalateOff: escalateOff, replay: replaySource)
        next.follow = follow
        next.focus = focus
        next.capacity = capacity
        next.cost = cost
        next.effectiveness = effectiveness
        next.replay = replay
        next.notice = notice
        next.parametersChanged()
        if let selected, let row = snapshot.rows.firstIndex(where: { $0.id == selected }) {
            _ = next.table.select(dataRow: row, data: next.data, pageSize: 10)
        }
        self = next
    }
}
