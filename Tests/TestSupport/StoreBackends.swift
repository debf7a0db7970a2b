import Foundation
import Synchronization
import Engine

/// The two places a store can live, for tests that run on both. PostgreSQL needs a server:
/// `.ci/run` starts a throwaway one (`scripts/pg-test-server.sh`) and sets `OPSDECK_TEST_PG`;
/// without it those tests are skipped with `StoreBackends.skipNote`.
public enum StoreBackends {
    /// The server's URL (its `postgres` database), when one was started for the tests.
    public static var server: String? {
        let v = ProcessInfo.processInfo.environment["OPSDECK_TEST_PG"] ?? ""
        return v.isEmpty ? nil : v
    }

    public static var hasPostgres: Bool { server != nil }

    public static let skipNote = "no PostgreSQL server: run `scripts/pg-test-server.sh start` and export OPSDECK_TEST_PG (.ci/run does)"

    private static let counter = Mutex(0)

    /// A new empty database's URL on the test server, named for the test.
    public static func freshPostgres(_ label: String) throws -> String {
        guard let server else { throw StoreError("OPSDECK_TEST_PG is not set") }
        let safe = String(label.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }.prefix(30))
        return try PostgresAdmin.freshDatabase("t_\(getpid())_\(next())_\(safe)", server: server)
    }

    /// Where a new store of each kind available lives: a SQLite file in a fresh folder, and a
    /// fresh PostgreSQL database when the server is there. Open it as often as the test has
    /// managers (`Store(path:)`).
    public static func places(_ label: String) throws -> [(kind: String, path: String)] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-\(label)-\(getpid())-\(next())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var out: [(String, String)] = [("sqlite", dir.path + "/opsdeck.sqlite")]
        if hasPostgres { out.append(("postgres", try freshPostgres(label))) }
        return out
    }

    private static func next() -> Int { counter.withLock { $0 += 1; return $0 } }
}
