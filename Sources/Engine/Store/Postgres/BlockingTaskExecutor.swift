import Dispatch
import Synchronization
import Core

/// Runs an async postgres-nio call (COPY has no future-based form) for a synchronous caller
/// without the cooperative pool: the caller may itself be one of its few threads (a Swift
/// Testing test, a task), and a task waiting for a pool thread while the pool's threads wait
/// for it would never finish. The task's jobs run on a dispatch queue of their own instead.
final class BlockingTaskExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = BlockingTaskExecutor()
    private let queue = DispatchQueue(label: "opsdeck.store.postgres.async", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }

    /// Waits for `body` on the calling thread.
    static func wait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task(executorPreference: shared) {
            let result: Result<T, any Error>
            do { result = .success(try await body()) } catch { result = .failure(error) }
            box.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        guard let result = box.withLock({ $0 }) else { throw StoreError("the database call finished without a result") }
        return try result.get()
    }
}
