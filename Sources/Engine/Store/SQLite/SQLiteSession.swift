import Foundation
import GRDB
import Core

/// A GRDB connection inside a transaction or a read, as the store's seam. Statements are
/// GRDB's cached ones: the store runs the same few queries over and over (a followed file's
/// upserts, the decision log's idle polls).
package final class SQLiteSession: StoreSession {
    package let db: Database
    package var dialect: SQLDialect { .sqlite }

    package init(_ db: Database) { self.db = db }

    private static func arguments(_ values: [SQLValue]) -> StatementArguments {
        StatementArguments(values.map { v -> DatabaseValue in
            switch v {
            case .null: return .null
            case .int(let i): return i.databaseValue
            case .real(let d): return d.databaseValue
            case .text(let t): return t.databaseValue
            case .blob(let b): return b.withUnsafeBytes { Data($0) }.databaseValue
            }
        })
    }

    @discardableResult
    package func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
        let statement = try db.cachedStatement(sql: sql)
        try statement.execute(arguments: Self.arguments(arguments))
        return db.changesCount
    }

    package func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        let statement = try db.cachedStatement(sql: sql)
        let names = statement.columnNames.map { $0.lowercased() }
        return try Row.fetchAll(statement, arguments: Self.arguments(arguments)).map { r in
            SQLRow(names: names, values: (0..<r.count).map { i -> SQLValue in
                switch r[i] as DatabaseValue {
                case let v where v.isNull: return .null
                case let v:
                    switch v.storage {
                    case .int64(let x): return .int(x)
                    case .double(let x): return .real(x)
                    case .string(let x): return .text(x)
                    case .blob(let x): return .blob(Self.bytes(x))
                    case .null: return .null
                    }
                }
            })
        }
    }

    /// SQLite's readers see committed rows on their next read; nothing to announce.
    package func notify(_ channel: StoreChannel, _ payload: String) throws {}

    /// A blob's bytes in one copy (`[UInt8](Data)` goes byte by byte).
    private static func bytes(_ d: Data) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: d.count) { out, done in done = d.copyBytes(to: out) }
    }
}
