import Logging
import NIOCore
import PostgresNIO
import Core

/// A fresh database on a server, for the tests and benches that compare the two backends
/// (each needs an empty store). Not a command: a team's database is its administrator's.
package enum PostgresAdmin {
    /// Creates `name` (dropping one left by an earlier run) and returns its URL.
    package static func freshDatabase(_ name: String, server: String) throws -> String {
        var url = try PostgresURL(server)
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { throw StoreError("bad database name \(name)") }
        var logger = Logger(label: "opsdeck.store.postgres.admin")
        logger.logLevel = .error
        let c = try PostgresLink.connect(url, logger: logger)
        defer { _ = try? c.close().wait() }
        _ = try c.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)"), logger: logger).wait()
        _ = try c.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \"\(name)\""), logger: logger).wait()
        url.database = name
        return "postgresql://\(url.user)@\(url.host):\(url.port)/\(name)?sslmode=\(url.tls == .disable ? "disable" : url.tls.rawValue)"
    }

    /// Drops `name`; what a test leaves behind otherwise goes with the throwaway server.
    package static func drop(_ name: String, server: String) {
        guard let url = try? PostgresURL(server) else { return }
        var logger = Logger(label: "opsdeck.store.postgres.admin")
        logger.logLevel = .error
        guard let c = try? PostgresLink.connect(url, logger: logger) else { return }
        _ = try? c.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)"), logger: logger).wait()
        _ = try? c.close().wait()
    }
}
