import Foundation
import Testing

/// The commands end to end, on the built binary: what they print, their exit status (0; 1
/// with one line on stderr; 64 for usage) and the files they write. Each test has a store and
/// config folder of its own.
@Suite(.enabled(if: CommandProcess.binary != nil, CommandProcess.skipReason))
struct CommandLineTests {
    static let vendors = CommandProcess.repository.appendingPathComponent("Tests/EngineTests/Core/Data/Fixtures/Vendors")

    @Test func runSavesARunAndExportReadsIt() throws {
        let s = try CommandProcess()
        defer { s.clean() }
        let run = try s.run(["run", "--customers", "600", "--tickets", "3000", "--reps", "6"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("saved run 1 to \(s.data.path)/opsdeck/opsdeck.sqlite"), "\(run.out.suffix(300))")
        #expect(run.err.isEmpty, "the default log level prints nothing: \(run.err)")
        let kpis = try s.run(["export", "kpis", "--format", "json"])
        #expect(kpis.status == 0, "\(kpis.err)")
        let rows = try JSONSerialization.jsonObject(with: Data(kpis.out.utf8)) as? [[String: Any]]
        #expect(rows?.first?["kpi"] as? String == "customers")
        #expect(rows?.first?["value"] as? Int == 600)
    }

    @Test func aBadFileIsOneLineAndExitOne() throws {
        let s = try CommandProcess()
        defer { s.clean() }
        let bad = try s.write("bad.csv", "customer_id,lat\nA,1\n")
        // The check first: it reads a store only when one exists, and never creates it.
        for extra in [["--check-only"], []] {
            let r = try s.run(["import", "customers", bad] + extra)
            #expect(r.status == 1, "\(extra): \(r.err)")
            #expect(r.errLines.count == 1, "\(extra): \(r.err)")
            #expect(r.errLines.first?.hasPrefix("opsdeck: \(bad):1: missing required column 'lon'") == true, "\(r.err)")
            if extra == ["--check-only"] { #expect(!FileManager.default.fileExists(atPath: s.data.path + "/opsdeck")) }
        }
    }

    /// The command starts itself again once with glibc's huge-page tunable (`HugePages`): its
    /// arguments pass through unchanged, spaces and non-ASCII included, and what it prints is
    /// the same with the restart turned off.
    @Test func theHugePageRestartKeepsTheArguments() throws {
        let s = try CommandProcess()
        defer { s.clean() }
        let file = s.path("Zendesk export é 2024.csv")
        try FileManager.default.copyItem(atPath: Self.vendors.appendingPathComponent("zendesk_tickets_api.csv").path, toPath: file)
        let restarted = try s.run(["import", "tickets", file, "--check-only"])
        let plain = try s.run(["import", "tickets", file, "--check-only"], environment: ["OPSDECK_HUGE_PAGES": "0"])
        #expect(restarted.status == 0, "\(restarted.err)")
        #expect(restarted.out.contains("Zendesk export é 2024.csv"), "\(restarted.out)")
        #expect(restarted.out == plain.out && restarted.err == plain.err && restarted.status == plain.status)
        // A user's own tunables are kept as they are (no second restart, nothing appended).
        let own = try s.run(["import", "tickets", file, "--check-only"], environment: ["GLIBC_TUNABLES": "glibc.malloc.hugetlb=0"])
        #expect(own.out == plain.out && own.status == 0)
    }

    @Test(arguments: [
        ["run", "--bogus"],
        ["route", "x.tsp", "--format", "tsplib", "--seconds", "-1"],
        ["run", "--log-level", "loud"],
        ["import", "invoices", "x.csv"],
    ])
    func usageErrorsExit64(_ args: [String]) throws {
        let s = try CommandProcess()
        defer { s.clean() }
        let r = try s.run(args)
        #expect(r.status == 64, "\(args): \(r.err)")
        #expect(r.err.hasPrefix("Error: "), "\(r.err)")
        #expect(r.out.isEmpty)
    }

    /// Issue 17's inputs that used to trap or hang: each one line and exit 1, nothing created.
    @Test func hostileInputsFailInOneLine() throws {
        let s = try CommandProcess()
        defer { s.clean() }
        let big = try s.write("big.tsp", "NAME : t\nTYPE : TSP\nDIMENSION : 100000\nEDGE_WEIGHT_TYPE : EUC_2D\nNODE_COORD_SECTION\nEOF\n")
        let r = try s.run(["route", big, "--format", "tsplib"])
        #expect(r.status == 1)
        #expect(r.errLines.count == 1 && r.err.contains("big.tsp:3: expected DIMENSION"), "\(r.err)")
        let typo = s.data.path + "/typo/none.sqlite"
        let e = try s.run(["export", "kpis", "--db", typo])
        #expect(e.status == 1)
        #expect(e.errLines.count == 1 && e.err.contains("no store at \(typo)"), "\(e.err)")
        #expect(!FileManager.default.fileExists(atPath: s.data.path + "/typo"))
    }

    @Test func generateWritesEachKindWithItsHeader() throws {
        let s = try CommandProcess()
        defer { s.clean() }
        let headers = [
            "customers": "customer_id,lat,lon,",
            "reps": "rep_id,name,home_lat,home_lon,day_start,day_end,working_days",
            "tickets": "ticket_id,created_at,priority,channel,type,product,status,",
        ]
        for (kind, header) in headers.sorted(by: { $0.key < $1.key }) {
            let file = s.path(kind + ".csv")
            let r = try s.run(["generate", kind, "--count", "5", "--out", file])
            #expect(r.status == 0, "\(kind): \(r.err)")
            let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
            #expect(lines.first?.hasPrefix(header) == true, "\(kind): \(lines.first ?? "")")
            #expect(lines.count == 6, "\(kind): a header and 5 rows")
        }
    }

    /// A help desk's own export in, a run on it, and the run's tables out.
    @Test func aVendorExportImportsRunsAndExports() throws {
        let s = try CommandProcess()
        defer { s.clean() }
        let file = Self.vendors.appendingPathComponent("zendesk_tickets_export.csv").path
        // Three of its tickets have no priority: the desk's sla.conf, read from the private
        // XDG_CONFIG_HOME, says which one they get.
        try FileManager.default.createDirectory(at: s.config.appendingPathComponent("opsdeck"), withIntermediateDirectories: true)
        try "priority.default = Normal\n".write(to: s.config.appendingPathComponent("opsdeck/sla.conf"), atomically: true, encoding: .utf8)
        let check = try s.run(["import", "tickets", file, "--check-only"])
        let real = try s.run(["import", "tickets", file, "--log-level", "info"])
        #expect(check.status == 0 && real.status == check.status, "\(check.err) \(real.err)")
        #expect(check.out.contains("check only: nothing saved"))
        #expect(real.out.contains("saved as tickets dataset 1 in \(s.data.path)/opsdeck/opsdeck.sqlite"), "\(real.out.suffix(300))")
        // The report is the same; only the last line says what happened to it.
        #expect(check.out.split(separator: "\n").dropLast() == real.out.split(separator: "\n").dropLast())
        // --log-level info: structured lines on stderr, the rows kept and the store.
        #expect(real.err.contains("opsdeck.import") && real.err.contains("kept=64") && real.err.contains("import saved"), "\(real.err)")

        let run = try s.run(["run", "--log-level", "debug"])
        #expect(run.status == 0, "\(run.err)")
        // --log-level debug: each stage as it starts, then its timing, the rows gated, the save.
        for line in ["debug opsdeck.run:", "stage=sla [opsdeck] stage started", "stage=sla start=", "[opsdeck] stage finished",
                     "dataset=tickets", "refused=0 [opsdeck] rows gated", "run=1 seconds="] {
            #expect(run.err.contains(line), "\(line) in \(run.err)")
        }
        #expect(run.out.contains("running on the store's imports: no customers, no reps, tickets dataset 1"), "\(run.out.prefix(300))")
        #expect(run.out.contains("saved run 1"))
        let tickets = try s.run(["export", "tickets", "--format", "csv"])
        #expect(tickets.status == 0, "\(tickets.err)")
        let lines = tickets.out.split(separator: "\n")
        #expect(lines.first?.hasPrefix("ticket_id,created_at,priority,channel") == true)
        #expect(lines.count == 65, "a header and the 64 tickets")
        let trace = try s.run(["export", "trace", "--format", "json"])
        #expect(trace.status == 0 && trace.out.contains("\"stage\": \"sla\""), "\(trace.err)")
    }

    /// `--check-only` exits as the import would, for a file the gates refuse entirely too.
    @Test func checkOnlyExitsAsTheImport() throws {
        let s = try CommandProcess()
        defer { s.clean() }
        let empty = try s.write("nothing.csv", "customer_id,lat,lon\nA,91,200\n")
        let check = try s.run(["import", "customers", empty, "--check-only"])
        let real = try s.run(["import", "customers", empty])
        #expect(check.status == 1 && real.status == 1, "\(check.err) \(real.err)")
        #expect(check.errLines == real.errLines && check.errLines.count == 1, "\(check.err) \(real.err)")
    }

    /// `opsdeck bench` runs `opsdeck-bench` from beside the binary; without it, one line on how to build it.
    @Test func benchRunsTheBenchExecutableOrSaysHowToBuildIt() throws {
        let s = try CommandProcess()
        defer { s.clean() }
        guard let exe = CommandProcess.binary else { return }
        let lone = s.root.appendingPathComponent("bin/opsdeck")
        try FileManager.default.createDirectory(at: lone.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: exe, to: lone)
        let absent = try s.run(["bench", "sla"], executable: lone)
        #expect(absent.status == 1)
        #expect(absent.errLines.count == 1 && absent.err.contains("swift build -c release --product opsdeck-bench"), "\(absent.err)")

        guard CommandProcess.locate("opsdeck-bench") != nil else { return }
        let help = try s.run(["bench", "--help"])
        #expect(help.status == 0 && help.out.contains("USAGE: opsdeck bench <subcommand>") && help.out.contains("routing"), "\(help.err)")
        // The bench's own validation, through the forwarding: exit status and message are the bench's.
        let nan = try s.run(["bench", "routing", "--set", "tsplib", "--seconds", "nan"])
        #expect(nan.status == 64)
        #expect(nan.err.contains("--seconds must be a finite number above 0 and at most 86400; found nan"), "\(nan.err)")
    }
}
