import Core

/// The two databases a store can live in.
package enum SQLDialect: String, Sendable {
    case sqlite
    case postgres
}

/// A connection inside one transaction (or a read), the store's seam: every query of
/// `Store+*.swift` goes through it, written once with `?` placeholders and double-quoted
/// identifiers, which both databases read. SQLite runs it through GRDB; PostgreSQL through
/// postgres-nio (placeholders become `$1…`).
package protocol StoreSession: AnyObject {
    var dialect: SQLDialect { get }
    /// Runs a statement; returns how many rows it changed.
    @discardableResult
    func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int
    /// Runs a query and returns its rows.
    func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow]
    /// Tells other command centers on the store that `channel` changed (PostgreSQL's NOTIFY,
    /// delivered at commit; SQLite's readers see the committed rows themselves).
    func notify(_ channel: StoreChannel, _ payload: String) throws
}

extension StoreSession {
    @discardableResult
    package func execute(_ sql: String, _ arguments: any SQLBindable...) throws -> Int {
        try execute(sql, arguments.map(\.sqlValue))
    }

    package func rows(_ sql: String, _ arguments: any SQLBindable...) throws -> [SQLRow] {
        try rows(sql, arguments.map(\.sqlValue))
    }

    package func row(_ sql: String, _ arguments: any SQLBindable...) throws -> SQLRow? {
        try rows(sql, arguments.map(\.sqlValue)).first
    }

    /// An INSERT with `RETURNING id` (both databases have it): the new row's id.
    package func insertReturningId(_ sql: String, _ arguments: any SQLBindable...) throws -> Int64 {
        guard let r = try rows(sql + " RETURNING id", arguments.map(\.sqlValue)).first else {
            throw StoreError("the insert returned no id")
        }
        return try r.int64("id")
    }
}

/// What a command center listens to on a shared store.
package enum StoreChannel: String, Sendable, CaseIterable {
    /// A decision was recorded (its id is the payload).
    case decisions = "opsdeck_decisions"
}
