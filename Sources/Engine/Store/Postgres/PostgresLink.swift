import Foundation
import Logging
import NIOCore
import NIOSSL
import PostgresNIO
import Synchronization
import Core

/// One connection to the server, used by one caller at a time (a transaction owns it from
/// BEGIN to COMMIT). The store's calls are synchronous, so each waits on postgres-nio's
/// futures from the caller's thread (never an event loop's). A connection the server closed
/// is opened again on the next use.
package final class PostgresLink: @unchecked Sendable {
    let url: PostgresURL
    let logger: Logger
    private let lock = NSLock()
    private var connection: PostgresConnection?
    /// Connection ids for postgres-nio's logs.
    private static let ids = Mutex(0)

    package init(url: PostgresURL, logger: Logger) {
        self.url = url
        self.logger = logger
    }

    deinit {
        if let connection, !connection.isClosed { _ = try? connection.close().wait() }
    }

    /// Runs `body` with the connection, holding it for the whole call.
    package func with<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if connection == nil || connection?.isClosed == true { connection = try Self.connect(url, logger: logger) }
        guard let connection else { throw StoreError("no connection to \(url.redacted)") }
        return try body(connection)
    }

    package static func connect(_ url: PostgresURL, logger: Logger) throws -> PostgresConnection {
        let tls: PostgresConnection.Configuration.TLS
        switch url.tls {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        var config = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.user, password: url.password,
                                                      database: url.database, tls: tls)
        config.options.connectTimeout = .seconds(10)
        let loop = PostgresConnection.defaultEventLoopGroup.any()
        return try PostgresConnection.connect(on: loop, configuration: config, id: ids.withLock { $0 += 1; return $0 }, logger: logger).wait()
    }
}
