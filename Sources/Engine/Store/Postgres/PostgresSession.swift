import Foundation
import Logging
import NIOCore
import PostgresNIO
import Synchronization
import Core

/// A PostgreSQL connection inside a transaction or a read, as the store's seam. Queries are
/// written with `?` (both databases' reading) and numbered `$1…` here.
package final class PostgresSession: StoreSession {
    let connection: PostgresConnection
    let logger: Logger
    package var dialect: SQLDialect { .postgres }

    init(_ connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// `?` placeholders as `$1, $2, …`, outside quoted texts and identifiers.
    package static func numbered(_ sql: String) -> String {
        var out = ""
        out.reserveCapacity(sql.utf8.count + 16)
        var n = 0
        var quote: Character?
        for ch in sql {
            if let q = quote {
                if ch == q { quote = nil }
                out.append(ch)
            } else if ch == "'" || ch == "\"" {
                quote = ch
                out.append(ch)
            } else if ch == "?" {
                n += 1
                out += "$\(n)"
            } else {
                out.append(ch)
            }
        }
        return out
    }

    static func query(_ sql: String, _ arguments: [SQLValue]) -> PostgresQuery {
        var binds = PostgresBindings(capacity: arguments.count)
        for a in arguments {
            switch a {
            case .null: binds.appendNull()
            case .int(let v): binds.append(v)
            case .real(let v): binds.append(v)
            case .text(let v): binds.append(v)
            case .blob(let v): binds.append(ByteBuffer(bytes: v))
            }
        }
        return PostgresQuery(unsafeSQL: numbered(sql), binds: binds)
    }

    func run(_ sql: String, _ arguments: [SQLValue] = []) throws -> PostgresQueryResult {
        try connection.query(Self.query(sql, arguments), logger: logger).wait()
    }

    @discardableResult
    package func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
        try run(sql, arguments).metadata.rows ?? 0
    }

    package func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        let result = try run(sql, arguments)
        var names: [String]?
        return try result.rows.map { row -> SQLRow in
            let cells = Array(row)
            let n = names ?? cells.map { $0.columnName.lowercased() }
            names = n
            return SQLRow(names: n, values: try cells.map(Self.value))
        }
    }

    static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int8, .int4, .int2: return .int(try cell.decode(Int64.self))
        case .float8, .float4, .numeric: return .real(try cell.decode(Double.self))
        case .bytea:
            var b = try cell.decode(ByteBuffer.self)
            return .blob(b.readBytes(length: b.readableBytes) ?? [])
        case .bool: return .int(try cell.decode(Bool.self) ? 1 : 0)
        default: return .text(try cell.decode(String.self))
        }
    }

    package func notify(_ channel: StoreChannel, _ payload: String) throws {
        try execute("SELECT pg_notify(?, ?)", [.text(channel.rawValue), .text(payload)])
    }

    /// A dataset's rows through `COPY … FROM STDIN`, streamed in chunks of about a megabyte.
    package func copy<R: DatasetRows>(_ rows: R, what: String) throws {
        let connection = connection, logger = logger
        try BlockingTaskExecutor.wait {
            try await connection.copyFrom(table: R.table, logger: logger) { writer in
                var b = PostgresCopyBinder(columns: R.columns, what: what)
                for r in 0..<rows.count {
                    try rows.bind(&b, row: r)
                    try b.endRow()
                    if b.bytes.count >= 1 << 20 { try await writer.write(ByteBuffer(bytes: b.take())) }
                }
                if !b.bytes.isEmpty { try await writer.write(ByteBuffer(bytes: b.take())) }
            }
        }
    }

    /// A dataset's rows, each decoded as the connection receives it (no result held whole).
    package func decodeRows<D: DatasetDecoder>(_ decoder: D, dataset: Int64, what: String) throws -> [D.Value] {
        // Decoded one row at a time on the connection's event loop; read once the query ends.
        let box = Mutex<(values: [D.Value], types: [PostgresDataType]?)>(([], nil))
        let decode: @Sendable (PostgresRow) throws -> Void = { row in
            try box.withLock { b in
                let types = b.types ?? row.map(\.dataType)
                b.types = types
                b.values.append(try decoder.decode(PostgresRowReader(row, types: types, index: b.values.count, what: what)))
            }
        }
        _ = try connection.query(Self.query(decoder.select, [.int(dataset)]), logger: logger, decode).wait()
        return box.withLock { $0.values }
    }
}
