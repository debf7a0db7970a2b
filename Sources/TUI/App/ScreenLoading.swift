import Dispatch
import Engine
import Foundation

/// Screens that load behind the first frame: the command center draws what it has (the SLA
/// queue), then `start()` runs the work once on a background thread. The work reads a run's
/// data step by step, reports how far it is, and hands over each screen as soon as it is
/// built (`ScreenLoadingFeed.deliver`); the event loop takes them on its next tick and swaps
/// them in place of their loading screens, so keys never wait for a read.
///
/// Each screen is delivered once and taken once: nothing is read or built twice. A screen the
/// work did not deliver (the run saved no sales stages) becomes a placeholder; a failure is
/// said on the screens still waiting.
public final class ScreenLoading: @unchecked Sendable {
    /// How far the load is, for the progress line.
    public struct Progress: Sendable, Equatable {
        /// What is being read now, in a word or two ("customers").
        public var step: String
        /// Of the whole load, 0…1.
        public var fraction: Double

        public init(step: String, fraction: Double) {
            self.step = step
            self.fraction = fraction
        }

        /// Whole percent, never 100 before the end.
        public var percent: Int { min(99, max(0, Int(fraction * 100))) }
    }

    /// The screens the work is expected to deliver, in the order it loads them.
    public let pending: [ScreenID]
    // Guards everything below: the work thread writes, the event loop reads and takes.
    private let lock = NSLock()
    private let work: @Sendable (ScreenLoadingFeed) throws -> Void
    private var started = false
    private var current: Progress
    private var ready: [ScreenHandoff] = []
    private var delivered: Set<ScreenID> = []
    private var done = false
    private var error: String?
    private var startedAt: Double?
    private var endedAt: Double?

    /// `work` runs once, on `start()`; it reports with `feed.report` and hands over screens
    /// with `feed.deliver`. A thrown error is shown on the screens still waiting.
    public init(pending: [ScreenID], first: String = "run",
                work: @escaping @Sendable (_ feed: ScreenLoadingFeed) throws -> Void) {
        self.pending = pending
        self.work = work
        current = Progress(step: first, fraction: 0)
    }

    /// Starts the work on a background thread; later calls do nothing.
    public func start() {
        let first = lock.withLock {
            defer { started = true }
            if !started { startedAt = WallClock.monotonic() }
            return !started
        }
        guard first else { return }
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let feed = ScreenLoadingFeed(loading: self)
            var failure: String?
            do { try work(feed) } catch { failure = "\(error)" }
            lock.withLock {
                self.error = failure
                done = true
                endedAt = WallClock.monotonic()
            }
        }
    }

    public var isStarted: Bool { lock.withLock { started } }
    public var progress: Progress { lock.withLock { current } }
    /// The work has returned (or thrown); screens it delivered may still wait to be taken.
    public var workEnded: Bool { lock.withLock { done } }
    /// Why the work stopped early, if it did.
    public var failure: String? { lock.withLock { error } }
    /// Seconds from `start()` to the work's end (nil while it runs).
    public var seconds: Double? { lock.withLock { startedAt.flatMap { s in endedAt.map { $0 - s } } } }
    /// Whether `id` was delivered (taken or not).
    public func hasDelivered(_ id: ScreenID) -> Bool { lock.withLock { delivered.contains(id) } }

    /// The screens delivered since the last call, each handed over once.
    public func take() -> [any Screen] {
        let out = lock.withLock {
            defer { ready.removeAll() }
            return ready
        }
        return out.map(\.screen)
    }

    /// Waits (polling) until the work ends or `seconds` pass; for tests and headless runs.
    @discardableResult
    public func wait(seconds: Double) -> Bool {
        let end = WallClock.monotonic() + seconds
        while !workEnded && WallClock.monotonic() < end { usleep(2_000) }
        return workEnded
    }

    fileprivate func report(_ p: Progress) {
        lock.withLock { current = Progress(step: p.step, fraction: max(current.fraction, min(1, p.fraction))) }
    }

    fileprivate func deliver(_ screens: [ScreenHandoff]) throws(ScreenLoadingError) {
        lock.lock()
        defer { lock.unlock() }
        for s in screens {
            let id = s.screen.id
            guard pending.contains(id) else { throw .unexpected(id) }
            guard !delivered.contains(id) else { throw .twice(id) }
            delivered.insert(id)
        }
        ready += screens
    }
}

/// What the load's work uses to say how far it is and to hand over finished screens.
public struct ScreenLoadingFeed: Sendable {
    fileprivate let loading: ScreenLoading

    /// Now reading `step`, `fraction` (0…1) of the whole load done; the line never goes back.
    public func report(_ step: String, _ fraction: Double) {
        loading.report(.init(step: step, fraction: fraction))
    }

    /// Hands over built screens; the event loop swaps them in on its next tick. Each screen
    /// once, and only those the load said it would deliver.
    public func deliver(_ screens: sending [any Screen]) throws(ScreenLoadingError) {
        try loading.deliver(screens.map(ScreenHandoff.init))
    }
}

/// A screen built on the load's thread and handed to the event loop: the work keeps no
/// reference to it after `deliver`, so the loop owns it alone from then on.
private struct ScreenHandoff: @unchecked Sendable {
    let screen: any Screen
}

/// A load that broke its own contract (a bug in the work, said on the waiting screens).
public enum ScreenLoadingError: Error, Equatable, Sendable, CustomStringConvertible {
    case twice(ScreenID)
    case unexpected(ScreenID)

    public var description: String {
        switch self {
        case .twice(let id): return "screen \(id.number) \(id.title) was delivered twice"
        case .unexpected(let id): return "screen \(id.number) \(id.title) was not expected from this load"
        }
    }
}
