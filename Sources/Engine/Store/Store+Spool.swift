import Foundation
import Core

/// A run whose save met another writer's lock to the end is written to a spool file beside
/// the store (`opsdeck.sqlite.spool/run-….odrun`), and saved the next time the store is opened
/// to write. The file holds the run record (JSON) and its artifacts, whole:
///
///     "ODSPOOL2\n"  record length: UInt32, record (`StoredRun` as JSON)
///     artifacts: UInt32, per artifact: name length UInt16, name (UTF-8), data length UInt64, data
extension Store {
    package static let spoolMagic = Array("ODSPOOL2\n".utf8)
    /// The first spool files held the typed run record, its config, KPIs and trace nested.
    package static let spoolMagicV1 = Array("ODSPOOL1\n".utf8)

    package static func spoolFolder(of storePath: String) -> String { storePath + ".spool" }

    /// Writes the spool file and returns its path.
    package static func spool(_ run: StoredRun, artifacts: [String: [UInt8]], storePath: String) throws(StoreError) -> String {
        let folder = spoolFolder(of: storePath)
        do { try FileSystem.makeDirectories(folder) } catch { throw StoreError("cannot create \(folder): \(error)") }
        let stamp = run.createdAt.filter { $0.isNumber }
        var file = folder + "/run-\(stamp)-\(getpid()).odrun"
        var k = 1
        while FileSystem.exists(file) { k += 1; file = folder + "/run-\(stamp)-\(getpid())-\(k).odrun" }
        do { try FileSystem.write(file, spoolBytes(run, artifacts: artifacts)) } catch { throw StoreError("cannot write \(file): \(error)") }
        return file
    }

    package static func spoolBytes(_ run: StoredRun, artifacts: [String: [UInt8]]) throws(StoreError) -> [UInt8] {
        let record: Data
        do { record = try jsonEncoder().encode(run) } catch { throw StoreError("cannot encode the run: \(error)") }
        var out = spoolMagic
        func u(_ v: some FixedWidthInteger) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        u(UInt32(record.count))
        out.append(contentsOf: record)
        u(UInt32(artifacts.count))
        for (name, data) in artifacts.sorted(by: { $0.key < $1.key }) {
            u(UInt16(name.utf8.count))
            out.append(contentsOf: name.utf8)
            u(UInt64(data.count))
            out.append(contentsOf: data)
        }
        return out
    }

    package static func unspool(_ b: [UInt8], file: String) throws(StoreError) -> (StoredRun, [String: [UInt8]]) {
        var at = 0
        func take(_ n: Int) throws(StoreError) -> ArraySlice<UInt8> {
            guard n >= 0, at + n <= b.count else { throw StoreError("spooled run \(file) is truncated at byte \(at)") }
            defer { at += n }
            return b[at..<(at + n)]
        }
        func u(_ n: Int) throws(StoreError) -> UInt64 {
            try take(n).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        }
        let magic = Array(try take(spoolMagic.count))
        guard magic == spoolMagic || magic == spoolMagicV1 else { throw StoreError("\(file) is not a spooled OpsDeck run") }
        let record = Data(try take(Int(try u(4))))
        let run: StoredRun
        do {
            run = magic == spoolMagic ? try jsonDecoder().decode(StoredRun.self, from: record) : try nestedRun(record)
        } catch {
            throw StoreError("spooled run \(file) has an unreadable record: \(error)")
        }
        var artifacts: [String: [UInt8]] = [:]
        for _ in 0..<(try u(4)) {
            let name = String(decoding: try take(Int(try u(2))), as: UTF8.self)
            let length = try u(8)
            guard length <= UInt64(b.count) else { throw StoreError("spooled run \(file) is truncated at byte \(at)") }
            artifacts[name] = Array(try take(Int(length)))
        }
        return (run, artifacts)
    }

    /// Saves every spooled run, oldest first, deleting each file once its run is in the store.
    /// A store still locked leaves the files for the next open; an unreadable file is an error.
    package static func saveSpooledRuns(backend: any StoreBackend, storePath: String, retry: WriteRetry) throws(StoreError) -> [Int64] {
        let folder = spoolFolder(of: storePath)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var saved: [Int64] = []
        for name in names.filter({ $0.hasSuffix(".odrun") }).sorted() {
            let file = folder + "/" + name
            let bytes: [UInt8]
            do { bytes = try FileSystem.read(file) } catch { throw StoreError("cannot read spooled run \(file): \(error)") }
            let (run, artifacts) = try unspool(bytes, file: file)
            do {
                saved.append(try retry.run(retryable: backend.isRetryable) { try backend.write { s in try insert(run, artifacts: artifacts, s) } })
            } catch where backend.isRetryable(error) {
                break
            } catch {
                throw StoreError("saving spooled run \(file) failed: \(backend.message(of: error) ?? "\(error)")")
            }
            unlink(file)
        }
        if (try? FileManager.default.contentsOfDirectory(atPath: folder))?.isEmpty == true { rmdir(folder) }
        return saved
    }

    /// A first-format record, its config, KPIs and trace nested, as the store's row: the
    /// nested values are written back as the JSON texts the run table holds.
    private static func nestedRun(_ record: Data) throws -> StoredRun {
        guard let o = try JSONSerialization.jsonObject(with: record) as? [String: Any] else {
            throw StoreError("the record is not a JSON object")
        }
        func text(_ key: String) throws -> String {
            guard let v = o[key] else { throw StoreError("the record has no \(key)") }
            if let s = v as? String { return s }
            return String(decoding: try JSONSerialization.data(withJSONObject: v, options: [.sortedKeys, .fragmentsAllowed]), as: UTF8.self)
        }
        func int(_ key: String) -> Int64? { (o[key] as? NSNumber)?.int64Value }
        guard let seed = o["seed"] as? NSNumber else { throw StoreError("the record has no seed") }
        return StoredRun(id: int("id") ?? 0, createdAt: o["createdAt"] as? String ?? "", seed: seed.uint64Value,
                         config: try text("config"), customersDataset: int("customersDataset"), repsDataset: int("repsDataset"),
                         ticketsDataset: int("ticketsDataset"), kpis: try text("kpis"), trace: try text("trace"))
    }
}
