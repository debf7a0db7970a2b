import Foundation
import Core
import Support
import Store

/// A followed help-desk export feeding a saved run's escalation queue (issue 19, item 2):
/// each `poll()` reads what changed in the file or folder (`LiveIngestReader`), upserts it by
/// ticket id into the store's followed dataset, scores it with the run's saved models
/// (`LiveBreachModel`, the SLA snapshot's policy numbers) and re-ranks the queue. Never a full
/// re-import, never a refit: a refit is a run of its own, swapped in with `swap(_:)`.
///
/// A file that fails its gates keeps the last good state: the refused rows change nothing and
/// `errors` names the first (file, line, column, what was expected). One caller at a time
/// (the watcher's loop, the screen's one background job); the lock only makes that safe.
public final class LiveIngest: @unchecked Sendable {
    /// What one poll did.
    public struct Outcome: Sendable {
        public var rowsRead = 0
        /// Tickets whose content changed (new, changed status, resolved).
        public var changed = 0
        public var inserted = 0, updated = 0
        public var added = 0, rescored = 0, left = 0
        public var errors: [String] = []
        public var fullReads: [String] = []
        /// The queue after it, when anything changed.
        public var snapshot: SupportSnapshot?
        public var seconds = 0.0
        /// Where the time went: reading and gating the files, the store's upsert, the breach
        /// model, and the re-rank around it.
        public var readSeconds = 0.0, storeSeconds = 0.0, scoreSeconds = 0.0, rankSeconds = 0.0

        /// The split, for a benchmark: "read 3.1 ms, store 12.0 ms, score 20.2 ms, re-rank 9.8 ms".
        public var timing: String {
            [("read", readSeconds), ("store", storeSeconds), ("score", scoreSeconds), ("re-rank", rankSeconds)]
                .map { "\($0.0) \(fixedDecimal($0.1 * 1e3, 1)) ms" }.joined(separator: ", ")
        }

        /// One line for a log or the status line.
        public var summary: String {
            "\(changed) changed ticket\(changed == 1 ? "" : "s") (\(inserted) new, \(updated) updated in the store); queue +\(added) new, "
                + "\(rescored) re-ranked, −\(left) solved; \(snapshot?.rows.count ?? 0) open"
        }
    }

    /// A finished refit: the new run's snapshot, live model and clock curves.
    public struct Refit: Sendable {
        public var run: Int64
        public var snapshot: SupportSnapshot
        public var model: LiveBreachModel?
        public var curves: SLAClockCurves?
        public init(run: Int64, snapshot: SupportSnapshot, model: LiveBreachModel?, curves: SLAClockCurves?) {
            self.run = run; self.snapshot = snapshot; self.model = model; self.curves = curves
        }
    }

    /// The elapsed-time update of the metric the queue is clocked on, from the run's curves.
    static func update(_ curves: SLAClockCurves?, _ snapshot: SupportSnapshot) -> ElapsedTimeUpdate? {
        curves?.update(for: snapshot.policy.metrics.last ?? .resolution)
    }

    private let lock = NSLock()
    private var current: SupportSnapshot
    private var model: LiveBreachModel?
    private var update: ElapsedTimeUpdate?
    private var reader: LiveIngestReader?
    private let store: Store?
    /// The store's dataset the follow writes into.
    public let dataset: Int64?
    /// The latest instant any followed ticket names: the clock new rows are timed at (never
    /// before the run's own instant).
    private var clock: Int64
    public private(set) var run: Int64?
    /// Tickets applied since a refit started (`beginRefit`): its run did not see them.
    private var journal: [Ticket]?

    /// `reader` nil: changes come only through `apply` (benchmarks, tests).
    /// `curves` nil (a run saved without `sla-clock.bin`): a new ticket keeps its probability
    /// at arrival until it passes its target.
    public init(snapshot: SupportSnapshot, model: LiveBreachModel?, curves: SLAClockCurves?, reader: LiveIngestReader?,
                store: Store?, dataset: Int64?, run: Int64? = nil) {
        current = snapshot
        self.model = model
        update = Self.update(curves, snapshot)
        self.reader = reader
        self.store = store
        self.dataset = dataset
        clock = snapshot.now
        self.run = run
    }

    public var snapshot: SupportSnapshot { lock.withLock { current } }
    public var hasModel: Bool { lock.withLock { model != nil } }

    /// Reads the followed files once and applies what changed.
    public func poll() throws -> Outcome {
        try lock.withLock {
            guard var r = reader else { return Outcome() }
            let started = WallClock.monotonic()
            let read = r.poll()
            reader = r
            let readSeconds = WallClock.monotonic() - started
            var out = try applyLocked(read.changed)
            out.readSeconds = readSeconds
            out.rowsRead = read.rowsRead
            out.errors = read.errors
            out.fullReads = read.fullReads
            out.seconds = WallClock.monotonic() - started
            return out
        }
    }

    /// Upserts `tickets` into the store and re-ranks the queue with them.
    public func apply(_ tickets: [Ticket]) throws -> Outcome {
        try lock.withLock {
            let started = WallClock.monotonic()
            var out = try applyLocked(tickets)
            out.seconds = WallClock.monotonic() - started
            return out
        }
    }

    private func applyLocked(_ tickets: [Ticket]) throws -> Outcome {
        var out = Outcome()
        guard !tickets.isEmpty else { return out }
        out.changed = tickets.count
        var t = WallClock.monotonic()
        if let store, let dataset {
            let done = try store.upsertTickets(tickets, dataset: dataset)
            out.inserted = done.inserted
            out.updated = done.updated
        }
        out.storeSeconds = WallClock.monotonic() - t
        t = WallClock.monotonic()
        for t in tickets {
            for x in [t.createdAt, t.firstResponseAt, t.resolvedAt].compactMap({ $0 }) where x > clock { clock = x }
        }
        journal?.append(contentsOf: tickets)
        // The rows leave the snapshot while they are re-ranked, so an unshared queue is changed in place.
        let rows = current.rows
        current.rows = []
        let ranked = try Self.rerank(consume rows, with: tickets, snapshot: current, model: &model, update: update, clock: clock)
        current.rows = ranked.rows
        out.added = ranked.added
        out.rescored = ranked.changed
        out.left = ranked.left
        out.snapshot = current
        out.scoreSeconds = ranked.scoreSeconds
        out.rankSeconds = WallClock.monotonic() - t - ranked.scoreSeconds
        return out
    }

    /// Call as a refit reads the store: what is applied from now on is kept for `swap`.
    public func beginRefit() { lock.withLock { journal = [] } }

    /// Swaps in a refit's run, with the tickets followed while it ran applied on top (the
    /// store already holds them; nothing is read again).
    public func swap(_ refit: Refit) throws {
        try lock.withLock {
            current = refit.snapshot
            model = refit.model
            update = Self.update(refit.curves, refit.snapshot)
            clock = max(clock, refit.snapshot.now)
            run = refit.run
            var last: [String: Int] = [:], since: [Ticket] = []
            for t in journal ?? [] {
                if let k = last[t.id] { since[k] = t } else { last[t.id] = since.count; since.append(t) }
            }
            journal = nil
            if !since.isEmpty {
                current.rows = try Self.rerank(current.rows, with: since, snapshot: current, model: &model, update: update, clock: clock).rows
            }
        }
    }
}
