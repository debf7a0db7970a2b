import Dispatch
import Engine
import Foundation

/// A bounded piece of work a screen runs off the event loop: the work reports progress as it
/// goes, the screen reads `progress` on each redraw (the loop redraws on a timer while a
/// screen is busy) and takes the output once `isFinished`. The work must end by itself (a time
/// budget); nothing cancels it.
public final class BackgroundJob<Progress: Sendable, Output: Sendable>: @unchecked Sendable {
    // Guards `current` and `output`: the work thread writes them, the event loop reads them.
    private let lock = NSLock()
    private var current: Progress
    private var output: Output?
    /// Monotonic seconds at the start.
    public let started: Double

    public init(initial: Progress, work: @escaping @Sendable (_ report: @escaping @Sendable (Progress) -> Void) -> Output) {
        current = initial
        started = WallClock.monotonic()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let result = work { p in self.lock.withLock { self.current = p } }
            lock.withLock { output = result }
        }
    }

    public var progress: Progress { lock.withLock { current } }
    public var isFinished: Bool { lock.withLock { output != nil } }
    /// The output once the work has finished (nil before).
    public var result: Output? { lock.withLock { output } }
    public var elapsed: Double { WallClock.monotonic() - started }

    /// Waits (polling) until the work finishes or `seconds` pass; for tests and headless runs.
    @discardableResult
    public func wait(seconds: Double) -> Bool {
        let end = WallClock.monotonic() + seconds
        while !isFinished && WallClock.monotonic() < end { usleep(2_000) }
        return isFinished
    }
}
