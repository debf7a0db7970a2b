import Foundation
import GRDB
import Testing
import Store
import Pipeline

/// Issue 21, item 7: a second reader never blocks a run's save (WAL), and a run that meets
/// another writer to the end is spooled beside the store and saved on the next open.
@Suite struct StoreWALTests {
    func temporaryStorePath() throws -> (folder: String, path: String) {
        let dir = NSTemporaryDirectory() + "opsdeck-wal-\(UInt64.random(in: 0...UInt64.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return (dir, dir + "/opsdeck.sqlite")
    }

    func record(_ seed: UInt64) -> RunRecord {
        RunRecord(seed: seed, config: PipelineConfig(seed: 1), customersDataset: nil, repsDataset: nil, ticketsDataset: nil, kpis: [], trace: Trace())
    }

    /// Another program's connection: it keeps a transaction open across accesses.
    func otherConnection(_ path: String) throws -> DatabaseQueue {
        var config = Configuration()
        config.allowsUnsafeTransactions = true
        return try DatabaseQueue(path: path, configuration: config)
    }

    /// Short waits: the test is about what happens, not how long it takes.
    let quick = WriteRetry(busyTimeout: 0.05, attempts: 2, backoff: 0.01)

    @Test func aReaderHoldingATransactionDoesNotBlockASave() throws {
        let (dir, path) = try temporaryStorePath()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try Store(path: path, retry: quick)
        try store.saveRun(record(1), artifacts: ["a.txt": [1]])
        // A DB browser: another connection, inside a read transaction it keeps open.
        let browser = try otherConnection(path)
        let seen = try browser.inDatabase { db -> Int in
            try db.execute(sql: "BEGIN DEFERRED")
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM run") ?? -1
        }
        #expect(seen == 1)
        let id = try store.saveRun(record(2), artifacts: ["a.txt": [2]])
        #expect(try store.artifact(run: id, name: "a.txt") == [2])
        // The reader's snapshot is still the one it started with.
        #expect(try browser.inDatabase { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM run") } == 1)
        try browser.inDatabase { db in try db.execute(sql: "COMMIT") }
        #expect(try store.runs().count == 2)
    }

    @Test func aWriterHoldingTheLockSpoolsTheRunAndTheNextOpenSavesIt() throws {
        let (dir, path) = try temporaryStorePath()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try Store(path: path, retry: quick)
        let other = try otherConnection(path)
        try other.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        var message = ""
        do {
            try store.saveRun(record(7), artifacts: ["a.txt": Array("kept".utf8), "b.bin": [0, 255]])
            Issue.record("the save went through another writer's lock")
        } catch {
            message = error.description
        }
        #expect(message.contains("stayed locked by another writer"))
        #expect(message.contains("it is saved the next time OpsDeck opens the store to write"))
        let spooled = try FileManager.default.contentsOfDirectory(atPath: path + ".spool")
        #expect(spooled.count == 1 && message.contains(path + ".spool/" + (spooled.first ?? "?")))
        // Still locked: a writable open leaves the file where it is.
        #expect(try Store(path: path, retry: quick).recoveredRuns.isEmpty)
        #expect(FileManager.default.fileExists(atPath: path + ".spool"))
        // A read-only open never writes it.
        try other.inDatabase { db in try db.execute(sql: "ROLLBACK") }
        #expect(try Store(path: path, create: false, retry: quick).recoveredRuns.isEmpty)
        let reopened = try Store(path: path, retry: quick)
        #expect(reopened.recoveredRuns.count == 1)
        let id = try #require(reopened.recoveredRuns.first)
        #expect(try reopened.artifact(run: id, name: "a.txt") == Array("kept".utf8))
        #expect(try reopened.artifact(run: id, name: "b.bin") == [0, 255])
        #expect(try reopened.runs().first?.seed == 7)
        #expect(!FileManager.default.fileExists(atPath: path + ".spool"))
    }

    @Test func aSpoolFileRoundTripsAndATruncatedOneIsAClearError() throws {
        var run = record(3)
        run.createdAt = "2026-12-01 10:00:00"
        let bytes = try Store.spoolBytes(try run.stored(), artifacts: ["x.csv": Array("a,b\n".utf8)])
        let (back, artifacts) = try Store.unspool(bytes, file: "f.odrun")
        #expect(try RunRecord(back) == run && artifacts == ["x.csv": Array("a,b\n".utf8)])
        #expect(throws: StoreError.self) { try Store.unspool(Array(bytes.dropLast(2)), file: "f.odrun") }
    }

    /// A spool file of the first format (the typed record nested in one JSON object) is still
    /// saved: a run kept beside a locked store is never lost to an upgrade.
    @Test func aFirstFormatSpoolFileStillReadsAsTheSameRun() throws {
        var run = record(4)
        run.createdAt = "2026-12-01 11:00:00"
        let json = try Store.jsonEncoder().encode(run)
        var bytes = Store.spoolMagicV1
        withUnsafeBytes(of: UInt32(json.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: json)
        withUnsafeBytes(of: UInt32(0).littleEndian) { bytes.append(contentsOf: $0) }
        let (back, artifacts) = try Store.unspool(bytes, file: "old.odrun")
        #expect(try RunRecord(back) == run && artifacts.isEmpty)
        #expect(throws: StoreError.self) { try Store.unspool(Array(bytes.dropLast(2)), file: "f.odrun") }
    }
}
