import Foundation
import GRDB
import Core

/// How a write meets another writer: SQLite's busy handler waits `busyTimeout` seconds for its
/// lock, then the whole transaction (rolled back, so safe to repeat) is tried again after a
/// backoff that doubles, `attempts` times in all. Readers never take this path in WAL mode.
/// PostgreSQL's serializable transactions that meet a concurrent one take the same path, with
/// a short jittered backoff (they fail at once rather than after a wait).
public struct WriteRetry: Sendable, Equatable {
    public var busyTimeout: TimeInterval
    public var attempts: Int
    /// Seconds before the second attempt; doubled before each later one.
    public var backoff: TimeInterval

    /// About 16 s in all before a save gives up (3 × 5 s waiting, 0.5 s + 1 s between).
    public init(busyTimeout: TimeInterval = 5, attempts: Int = 3, backoff: TimeInterval = 0.5) {
        self.busyTimeout = busyTimeout
        self.attempts = max(1, attempts)
        self.backoff = backoff
    }

    package func run<T>(_ body: () throws -> T) throws -> T {
        try run(retryable: Self.isLocked, body)
    }

    /// `retryable` tells a lock or a serialization failure from a real one.
    package func run<T>(retryable: (any Error) -> Bool, _ body: () throws -> T) throws -> T {
        var wait = backoff
        var attempt = 1
        while true {
            do { return try body() } catch where retryable(error) && attempt < attempts {
                if wait > 0 { usleep(UInt32(min(wait, 60) * 1_000_000)) }
                wait *= 2
                attempt += 1
            }
        }
    }

    /// Another connection holds the lock (as opposed to a real failure).
    package static func isLocked(_ error: any Error) -> Bool {
        guard let e = error as? DatabaseError else { return false }
        return e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED
    }
}
