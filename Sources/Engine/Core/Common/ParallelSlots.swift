import Synchronization

/// One result slot per parallel iteration. `concurrentPerform` bodies write disjoint slots,
/// so a lock per write is cheap and keeps Swift 6's data-race checking honest.
public final class ParallelSlots<T>: Sendable where T: Sendable {
    private let slots: Mutex<[T?]>

    public init(count: Int) {
        slots = Mutex(Array(repeating: nil, count: count))
    }

    public subscript(i: Int) -> T? {
        get { slots.withLock { $0[i] } }
        set { slots.withLock { $0[i] = newValue } }
    }

    /// All slots in order; nil for any that was never written.
    public var values: [T?] { slots.withLock { $0 } }
}
