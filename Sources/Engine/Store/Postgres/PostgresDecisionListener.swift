import Foundation
import Logging
import NIOCore
import PostgresNIO
import Core

/// LISTENs for the decisions other command centers record (`pg_notify` in the same
/// transaction, so a notice means a committed decision). Started on the first ask; until it
/// is listening (or after its connection drops) it answers nil and the store asks the table.
final class PostgresDecisionListener: @unchecked Sendable {
    private let url: PostgresURL
    private let logger: Logger
    private let lock = NSLock()
    private var connection: PostgresConnection?
    private var heard: Int64 = 0
    private var listening = false
    private var lastAttempt: Date?

    init(url: PostgresURL, logger: Logger) {
        self.url = url
        self.logger = logger
    }

    deinit {
        if let connection, !connection.isClosed { _ = try? connection.close().wait() }
    }

    /// The newest decision id heard (or read when listening began); nil when not listening.
    func newest() -> Int64? {
        lock.lock()
        if listening, let c = connection, !c.isClosed {
            defer { lock.unlock() }
            return heard
        }
        listening = false
        // A server that refused a moment ago is asked again every few seconds, not every tick.
        if let last = lastAttempt, Date().timeIntervalSince(last) < 5 { lock.unlock(); return nil }
        lastAttempt = Date()
        lock.unlock()
        // Not under the lock: the notices' handler takes it on the event loop this waits on.
        try? start()
        return nil
    }

    private func start() throws {
        let c = try PostgresLink.connect(url, logger: logger)
        c.addListener(channel: StoreChannel.decisions.rawValue) { [weak self] _, note in
            guard let self, let id = Int64(note.payload) else { return }
            self.lock.lock()
            self.heard = max(self.heard, id)
            self.lock.unlock()
        }
        _ = try c.simpleQuery("LISTEN \(StoreChannel.decisions.rawValue)").wait()
        // Decisions before the LISTEN took effect are read once; later ones arrive as notices.
        let rows = try c.query(PostgresQuery(unsafeSQL: "SELECT COALESCE(MAX(id), 0) FROM decision"), logger: logger).wait()
        let newest = try rows.rows.first.map { try $0.decode(Int64.self) } ?? 0
        lock.lock()
        connection = c
        heard = max(heard, newest)
        listening = true
        lock.unlock()
    }
}
