import Foundation
import Core

/// A PostgreSQL store's address, as libpq writes it:
/// `postgresql://[user[:password]@]host[:port]/database[?sslmode=disable|prefer|require]`.
/// The password may also come from `PGPASSWORD`; the user defaults to `$USER`, the port to
/// 5432, the database to the user's name, TLS to `prefer` (used when the server offers it).
package struct PostgresURL: Sendable, Equatable {
    package enum TLSMode: String, Sendable { case disable, prefer, require }

    package var host: String
    package var port: Int
    package var user: String
    package var password: String?
    package var database: String
    package var tls: TLSMode

    package static func isURL(_ s: String) -> Bool { s.hasPrefix("postgresql://") || s.hasPrefix("postgres://") }

    package init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(StoreError) {
        func bad(_ why: String) -> StoreError {
            StoreError("--db \(PostgresURL.redact(text)): \(why); expected postgresql://user@host:port/database")
        }
        guard let c = URLComponents(string: text), let scheme = c.scheme, ["postgresql", "postgres"].contains(scheme) else {
            throw bad("not a PostgreSQL URL")
        }
        let host = c.host ?? ""
        self.host = host.isEmpty ? "localhost" : host
        guard c.port.map({ (1...65535).contains($0) }) ?? true else { throw bad("the port is out of range") }
        port = c.port ?? 5432
        let user = c.user?.removingPercentEncoding ?? c.user ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        guard !user.isEmpty else { throw bad("the user is empty") }
        self.user = user
        password = c.password?.removingPercentEncoding ?? c.password ?? environment["PGPASSWORD"]
        var path = c.path
        if path.hasPrefix("/") { path.removeFirst() }
        database = path.isEmpty ? user : (path.removingPercentEncoding ?? path)
        guard !database.contains("/") else { throw bad("the database name has a slash") }
        tls = .prefer
        for item in c.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                switch item.value ?? "" {
                case "disable", "allow": tls = .disable
                case "prefer": tls = .prefer
                case "require", "verify-ca", "verify-full": tls = .require
                case let v: throw bad("sslmode '\(v)' is not one of disable, prefer, require")
                }
            case "application_name", "connect_timeout":
                continue
            default:
                throw bad("unknown parameter '\(item.name)'")
            }
        }
    }

    /// The address without its password, for messages and `Store.path`.
    package var redacted: String { "postgresql://\(user)@\(host):\(port)/\(database)" }

    /// Hides a password in text the user typed (for an error about that very text).
    package static func redact(_ text: String) -> String {
        guard let at = text.firstIndex(of: "@"), let schemeEnd = text.range(of: "://")?.upperBound,
              let colon = text[schemeEnd..<at].firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }
}
