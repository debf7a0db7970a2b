import ArgumentParser
import Engine
import Foundation

/// Peak resident memory of this process so far, in MiB.
func peakRSSMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
}

struct BenchGenerate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Time generating N synthetic customers and writing them as CSV.")

    @Option(help: "Customers.") var count = 1_000_000
    @Option(help: "Seed.") var seed: UInt64 = 42
    @Option(help: "Where to write the CSV.") var out = "/tmp/opsdeck-bench-customers.csv"

    func run() throws {
        try reportingErrors {
            let t0 = WallClock.monotonic()
            let customers = CustomerGenerator(seed: seed).generate(count: count)
            let t1 = WallClock.monotonic()
            let writer = try CSVWriter(path: out)
            CustomerCSV.write(customers, to: writer)
            try writer.close()
            let t2 = WallClock.monotonic()
            print(String(format: "generate %d customers: %.3f s (%.0f rows/s); write CSV: %.3f s; peak RSS %.0f MiB",
                         count, t1 - t0, Double(count) / (t1 - t0), t2 - t1, peakRSSMiB()))
            print("wrote \(out)")
        }
    }
}

struct BenchImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Time importing a customer or ticket CSV through the gates, against a raw read of the same bytes.")

    enum Kind: String, ExpressibleByArgument { case customers, tickets }

    @Argument(help: "A customer CSV (e.g. from `opsdeck bench generate`) or a ticket export.") var file: String
    @Option(help: "What the file holds.") var kind: Kind = .customers
    @Flag(help: "Also save into a throwaway store.") var save = false
    @Flag(help: "Tickets: print a digest of the imported tickets, their extra columns and the report (to compare builds).") var digest = false

    func run() throws {
        try reportingErrors {
            if kind == .tickets { return try tickets() }
            // Reference: read every byte and count line ends, the floor for any CSV reader.
            let r0 = WallClock.monotonic()
            let (bytes, lines) = try rawScan(file)
            let r1 = WallClock.monotonic()
            let t0 = WallClock.monotonic()
            let (customers, extras, report) = try CustomerCSV.readKeepingExtras(path: file, asOfDay: CustomerGenerator.defaultAsOfDay)
            let t1 = WallClock.monotonic()
            let rows = report.rowsRead
            print(String(format: "raw read: %.1f MiB, %d lines in %.3f s (%.0f MiB/s)",
                         Double(bytes) / 1_048_576, lines, r1 - r0, Double(bytes) / 1_048_576 / (r1 - r0)))
            print(String(format: "import + gates: %d rows (%d kept) in %.3f s = %.0f rows/s, %.0f MiB/s; %.1f× the raw read time",
                         rows, customers.count, t1 - t0, Double(rows) / (t1 - t0),
                         Double(bytes) / 1_048_576 / (t1 - t0), (t1 - t0) / (r1 - r0)))
            if save {
                let path = "/tmp/opsdeck-bench-\(getpid()).sqlite"
                let s0 = WallClock.monotonic()
                let store = try Store(path: path)
                let id = try store.saveCustomers(customers, extras: extras, source: file)
                let s1 = WallClock.monotonic()
                _ = try store.customerExtras(dataset: id)
                print(String(format: "save to store: %.3f s (%d extra columns); load the extra columns back: %.3f s",
                             s1 - s0, extras.columns.count, WallClock.monotonic() - s1))
                unlink(path)
            }
            print(String(format: "peak RSS %.0f MiB (the parsed records: %d × %d B inline)",
                         peakRSSMiB(), customers.count, MemoryLayout<Customer>.stride))
        }
    }

    /// A help desk export through format detection, time parsing, labels and the gates.
    private func tickets() throws {
        let r0 = WallClock.monotonic()
        let (bytes, lines) = try rawScan(file)
        let r1 = WallClock.monotonic()
        let t0 = WallClock.monotonic()
        let r = try TicketCSV.read(path: file, options: .init(keepExtras: true))
        let t1 = WallClock.monotonic()
        let rows = r.report.rowsRead
        print(String(format: "raw read: %.1f MiB, %d lines in %.3f s", Double(bytes) / 1_048_576, lines, r1 - r0))
        print(String(format: "import tickets (%@) + gates + %d extra columns: %d rows (%d kept) in %.3f s = %.0f rows/s, %.0f MiB/s",
                     r.profile.name, r.extras.columns.count, rows, r.tickets.count, t1 - t0, Double(rows) / (t1 - t0),
                     Double(bytes) / 1_048_576 / (t1 - t0)))
        if save {
            let path = "/tmp/opsdeck-bench-\(getpid()).sqlite"
            let s0 = WallClock.monotonic()
            let store = try Store(path: path)
            _ = try store.saveTickets(r.tickets, extras: r.extras, source: file)
            print(String(format: "save to store: %.3f s", WallClock.monotonic() - s0))
            unlink(path)
        }
        print(String(format: "peak RSS %.0f MiB (%d tickets × %d B inline)", peakRSSMiB(), r.tickets.count, MemoryLayout<Ticket>.stride))
        if digest { print("digest \(ImportDigest.of(r))") }
    }

    private func rawScan(_ path: String) throws -> (Int, Int) {
        guard let f = fopen(path, "rb") else { throw CLIError("cannot open \(path)") }
        defer { fclose(f) }
        var buf = [UInt8](repeating: 0, count: 1 << 20)
        var total = 0, lines = 0
        while true {
            let n = buf.withUnsafeMutableBytes { fread($0.baseAddress, 1, 1 << 20, f) }
            if n <= 0 { break }
            total += n
            buf.withUnsafeBufferPointer { p in for i in 0..<n where p[i] == 10 { lines += 1 } }
        }
        return (total, lines)
    }
}
