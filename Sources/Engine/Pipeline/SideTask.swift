import Dispatch
import Foundation
import Core

/// Work started on another thread and joined later: a branch of the run that needs nothing
/// from the branch beside it (the SLA stage beside the sales stages, a run's artifacts beside
/// the dataset inserts). The result is whatever `body` returns, so the bytes are the same as
/// when the two branches run one after the other.
package final class SideTask<T: Sendable>: @unchecked Sendable {
    private let slot = ParallelSlots<T>(count: 1)
    private let group = DispatchGroup()

    package init(_ body: @escaping @Sendable () -> T) {
        let slot = self.slot
        DispatchQueue.global().async(group: group) { slot[0] = body() }
    }

    /// On a thread of its own, for work that holds its thread a long while mostly in another
    /// library (the dataset inserts in SQLite): the pool's workers stay free for the compute
    /// branches' `concurrentPerform` (measured: the run at 3 200 customers 6–7 ms faster).
    package static func onOwnThread(_ body: @escaping @Sendable () -> T) -> SideTask {
        SideTask(thread: body)
    }

    private init(thread body: @escaping @Sendable () -> T) {
        let slot = self.slot, group = self.group
        group.enter()
        Thread {
            slot[0] = body()
            group.leave()
        }.start()
    }

    /// Waits for the work to finish and returns its result.
    package func join() -> T {
        group.wait()
        guard let value = slot[0] else { fatalError("SideTask finished without a result") }
        return value
    }
}

/// A value one thread hands to others partway through its work (a branch's first result,
/// while the branch goes on). Every `take` waits until `put` has happened once.
package final class Handoff<T: Sendable>: Sendable {
    private let slot = ParallelSlots<T>(count: 1)
    private let ready = DispatchSemaphore(value: 0)

    package init() {}

    package func put(_ value: T) {
        slot[0] = value
        ready.signal()
    }

    package func take() -> T {
        ready.wait()
        ready.signal()  // leave it ready for the next taker
        guard let value = slot[0] else { fatalError("Handoff signalled without a value") }
        return value
    }
}
