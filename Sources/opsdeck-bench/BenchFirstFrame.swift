import ArgumentParser
import Engine
import Foundation
import OpsDeckCLI
import TUI

/// `opsdeck bench first-frame`: time from a cold open of a saved run to the first frame of the
/// SLA screen, and peak RSS at that frame, at each size (customers = tickets = N), each open a
/// process of its own (this executable with `--probe`), alternating the two paths in one
/// sitting:
/// - eager (the reference, the command center before issue 21 item 6): the SLA snapshot and
///   every sales artifact and dataset read and built before anything is drawn;
/// - staged (now): the run record and the SLA snapshot only, then the first frame; the sales
///   screens load behind it (`ScreenLoading`), timed to the last one swapped in.
/// Goal: first frame ≤ 300 ms and ≤ 1 GiB peak at 1 000 000 + 1 000 000.
struct BenchFirstFrame: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "first-frame",
        abstract: "Cold open to the SLA screen's first frame and peak RSS there, eager vs staged (goal ≤ 300 ms, ≤ 1 GiB).")

    @Option(help: "Run sizes, customers = tickets, comma-separated.") var sizes = "100000,1000000"
    @Option(help: "Folder of the stores (first-frame-N.sqlite each); a store that holds a run is reused.")
    var storeDir = "/tmp"
    @Option(help: "A store to use instead (its latest run; --sizes is then ignored).") var store: String?
    @Option(help: "Executable for the eager (before) probes, e.g. a release build of the previous commit's opsdeck-bench; default this one.")
    var reference: String?
    @Option(help: "Folder of the stores the eager probes open (first-frame-N.sqlite, saved by the reference build); default --store-dir.")
    var referenceDir: String?
    @Option(help: "Reps in a run built for the bench.") var reps = 20
    @Option(help: "Opens per path and size (medians are reported).") var starts = 3
    @Option(help: "Seed of a run built for the bench.") var seed: UInt64 = 42
    @Option(help: "Terminal width of the frame.") var width = 160
    @Option(help: "Terminal height of the frame.") var height = 48
    @Option(help: "Internal: open --store once on this path (eager|staged) and print the figures.") var probe: String?
    @Flag(help: "With --probe: stop at the first frame (for a profiler).") var firstOnly = false

    func validate() throws {
        guard starts >= 1 else { throw ValidationError("--starts must be at least 1") }
        guard width >= CommandCenterView.minimumWidth, height >= CommandCenterView.minimumHeight else {
            throw ValidationError("--width/--height must be at least \(CommandCenterView.minimumWidth)×\(CommandCenterView.minimumHeight)")
        }
        if let probe, probe != "eager", probe != "staged" { throw ValidationError("--probe must be eager or staged, got \(probe)") }
        if probe != nil, store == nil { throw ValidationError("--probe needs --store") }
    }

    func run() throws {
        try reportingErrors {
            if let probe, let store {
                try FirstFrameProbe(path: store, width: width, height: height, firstOnly: firstOnly).run(eager: probe == "eager")
                return
            }
            let targets: [(label: String, path: String)]
            if let store {
                targets = [(store, store)]
            } else {
                let counts = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard !counts.isEmpty, counts.allSatisfy({ $0 >= 1000 }) else {
                    throw CLIError("--sizes needs counts of at least 1000, e.g. 100000,1000000")
                }
                targets = try counts.map { n in ("\(n) + \(n)", try ensureStore(n)) }
                if let referenceDir {
                    for n in counts where !FileManager.default.fileExists(atPath: referenceDir + "/first-frame-\(n).sqlite") {
                        throw CLIError("no reference store \(referenceDir)/first-frame-\(n).sqlite")
                    }
                }
            }
            print("cold open → first frame of screen 1 at \(width)×\(height); each open a process of its own; median of \(starts)")
            for (label, path) in targets { try compare(label: label, path: path) }
        }
    }

    /// The store for N customers and N tickets, built once (seeded) and reused after.
    private func ensureStore(_ n: Int) throws -> String {
        let path = storeDir + "/first-frame-\(n).sqlite"
        if FileManager.default.fileExists(atPath: path), (try? Store(path: path, create: false).latestRun()) != nil {
            return path
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let store = try Store(path: path)
        print("building a run of \(n) customers, \(reps) reps, \(n) tickets into \(path) …")
        let t0 = WallClock.monotonic()
        let config = PipelineConfig(customers: n, reps: reps, tickets: n, seed: seed)
        var outcome: RunOutcome
        do { outcome = try Pipeline.run(config: config, input: .synthetic, store: store, saveDatasets: true) } catch {
            throw CLIError("\(error)")
        }
        try Pipeline.save(&outcome, to: store)
        print("  built in \(fixedDecimal(WallClock.monotonic() - t0, 1)) s")
        return path
    }

    private func compare(label: String, path: String) throws {
        var eager: [ProbeFigures] = [], staged: [ProbeFigures] = []
        var eagerSteps = "", stagedSteps = ""
        for _ in 0..<starts {
            let before = referenceDir.map { $0 + "/" + URL(fileURLWithPath: path).lastPathComponent } ?? path
            let (e, es) = try spawn(path: before, mode: "eager", executable: reference)
            let (s, ss) = try spawn(path: path, mode: "staged")
            eager.append(e); staged.append(s)
            eagerSteps = es; stagedSteps = ss
        }
        let e = ProbeFigures.median(eager), s = ProbeFigures.median(staged)
        print("== \(label) (\(path)" + (referenceDir.map { "; before on \($0)" } ?? "") + (reference.map { " with \($0)" } ?? "") + ")")
        print("  before (eager): first frame \(ms(e.firstSeconds)), peak RSS \(mib(e.firstMiB)) at first frame")
        print("  after (staged): first frame \(ms(s.firstSeconds)), peak RSS \(mib(s.firstMiB)) at first frame; "
              + "\(e.firstSeconds > 0 ? fixedDecimal(e.firstSeconds / max(s.firstSeconds, 1e-9), 0) : "–")× sooner")
        print("  after (staged): sales screens all in \(ms(s.loadedSeconds)) after start (\(s.delivered) delivered once each), "
              + "peak RSS \(mib(s.loadedMiB)); slowest loop turn while loading \(ms(s.slowestTurn)) (tick + frame)")
        print("  steps of the last open, ms: before \(eagerSteps); after \(stagedSteps)")
        print("  goal first frame ≤ 300 ms: before \(verdict(e.firstSeconds <= 0.3)), after \(verdict(s.firstSeconds <= 0.3))")
        print("  goal peak RSS at first frame ≤ 1 GiB: before \(verdict(e.firstMiB <= 1024)), after \(verdict(s.firstMiB <= 1024))")
    }

    /// One probe process: its figures and its step times (the line it printed).
    private func spawn(path: String, mode: String, executable: String? = nil) throws -> (ProbeFigures, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? Bundle.main.executablePath ?? CommandLine.arguments[0])
        process.arguments = ["first-frame", "--probe", mode, "--store", path, "--width", "\(width)", "--height", "\(height)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch { throw CLIError("bench: cannot start the probe: \(error.localizedDescription)") }
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let line = out.split(separator: "\n").last(where: { $0.hasPrefix("probe ") }),
              let figures = ProbeFigures(line: String(line)) else {
            throw CLIError("bench: the \(mode) probe on \(path) failed (exit \(process.terminationStatus)): \(out)")
        }
        let steps = out.split(separator: "\n").last { $0.hasPrefix("steps ") }.map { String($0.dropFirst(6)) } ?? ""
        return (figures, steps)
    }

    private func ms(_ s: Double) -> String { s < 10 ? "\(fixedDecimal(s * 1e3, 0)) ms" : "\(fixedDecimal(s, 2)) s" }
    private func mib(_ m: Double) -> String { "\(fixedDecimal(m, 0)) MiB" }
    private func verdict(_ ok: Bool) -> String { ok ? "met" : "missed" }
}

/// What one probe printed: `probe first=S first_mib=M loaded=S loaded_mib=M delivered=N turn=S`.
struct ProbeFigures {
    var firstSeconds: Double
    var firstMiB: Double
    var loadedSeconds: Double
    var loadedMiB: Double
    var delivered: Int
    var slowestTurn: Double

    init(firstSeconds: Double, firstMiB: Double, loadedSeconds: Double, loadedMiB: Double, delivered: Int, slowestTurn: Double) {
        self.firstSeconds = firstSeconds; self.firstMiB = firstMiB; self.loadedSeconds = loadedSeconds
        self.loadedMiB = loadedMiB; self.delivered = delivered; self.slowestTurn = slowestTurn
    }

    init?(line: String) {
        var f: [String: Double] = [:]
        for field in line.split(separator: " ").dropFirst() {
            let kv = field.split(separator: "=")
            guard kv.count == 2, let v = Double(kv[1]) else { return nil }
            f[String(kv[0])] = v
        }
        guard let a = f["first"], let b = f["first_mib"], let c = f["loaded"], let d = f["loaded_mib"], let n = f["delivered"],
              let t = f["turn"] else { return nil }
        self.init(firstSeconds: a, firstMiB: b, loadedSeconds: c, loadedMiB: d, delivered: Int(n), slowestTurn: t)
    }

    var line: String {
        "probe first=\(firstSeconds) first_mib=\(firstMiB) loaded=\(loadedSeconds) loaded_mib=\(loadedMiB) delivered=\(delivered) turn=\(slowestTurn)"
    }

    /// Field by field medians.
    static func median(_ all: [ProbeFigures]) -> ProbeFigures {
        func m(_ k: KeyPath<ProbeFigures, Double>) -> Double { let v = all.map { $0[keyPath: k] }.sorted(); return v[v.count / 2] }
        return ProbeFigures(firstSeconds: m(\.firstSeconds), firstMiB: m(\.firstMiB), loadedSeconds: m(\.loadedSeconds),
                            loadedMiB: m(\.loadedMiB), delivered: all.map(\.delivered).min() ?? 0, slowestTurn: m(\.slowestTurn))
    }
}

/// One cold open in this process, the way `opsdeck` opens a saved run (the executable's
/// loaders cannot be imported by a bench; these are their steps): open the store, the latest
/// run, the imports check, the context, screen 1 from the SLA snapshot with the run's
/// escalations, the first frame. Eager also reads and builds the sales screens before it.
struct FirstFrameProbe {
    let path: String
    let width: Int
    let height: Int
    let firstOnly: Bool

    func run(eager: Bool) throws {
        let t0 = WallClock.monotonic()
        var steps: [(String, Double)] = []
        var last = t0
        func step(_ name: String) {
            let now = WallClock.monotonic()
            steps.append((name, now - last))
            last = now
        }
        let store = try Store(path: path)
        step("store")
        guard let run = try store.latestRun() else { throw CLIError("bench: no run in \(path)") }
        step("run")
        _ = try store.hasImports()
        let rows = try CommandCenterContextBuilder.rows(store: store, run: run)
        var context = CommandCenterContextBuilder.build(run: run, rows: rows)
        step("context")
        let sla = try slaScreen(store: store, run: run, step: step)
        if sla == nil { context.summary.insert("no SLA snapshot", at: 0) }
        var screens: [any Screen] = [sla].compactMap { $0 }
        var loading: ScreenLoading?
        if eager {
            do {
                if let all = try SalesScreens.load(store: store, run: run) {
                    screens += all.screens(decisions: .none, export: CustomerScriptExport { _, _ in "" })
                }
            } catch { throw CLIError(error.description) }
            step("sales")
        } else {
            loading = ScreenLoading(pending: SalesScreens.loadOrder, first: "channels") { feed in
                try SalesScreens.load(store: store, run: run, rows: (rows.customers, rows.tickets), decisions: .none,
                                      export: CustomerScriptExport { _, _ in "" }, feed: feed)
            }
        }
        var state = AppState(screens: screens, themeNames: ["default"], theme: "default", width: width, height: height,
                             loading: loading)
        var sink = CommandCenterView.render(state, context: state.frameContext(context), width: width, height: height,
                                            glyphs: .unicode).cells.count
        step("frame")
        let first = WallClock.monotonic() - t0
        let firstMiB = Self.highWaterMiB()
        var slowest = 0.0
        var delivered = eager ? SalesScreens.loadOrder.count : 0
        if let loading, !firstOnly {
            loading.start()
            // The event loop while the screens load: a tick and a frame every 10 ms, on screen 1.
            var ready: [String] = []
            while state.loading != nil {
                usleep(10_000)
                let s = WallClock.monotonic()
                let waiting = Set(state.screens.filter { $0 is LoadingScreen }.map(\.id))
                state.tick()
                for id in SalesScreens.loadOrder where waiting.contains(id) && !(state.screens[id.rawValue - 1] is LoadingScreen) {
                    ready.append("\(id.shortTitle)=\(fixedDecimal((s - t0) * 1e3, 0))")
                }
                sink &+= CommandCenterView.render(state, context: state.frameContext(context), width: width, height: height,
                                                  glyphs: .unicode).cells.count
                slowest = max(slowest, WallClock.monotonic() - s)
            }
            if let failure = loading.failure { throw CLIError("bench: the staged load failed: \(failure)") }
            steps.append(("ready [" + ready.joined(separator: " ") + "]", 0))
            delivered = SalesScreens.loadOrder.filter { loading.hasDelivered($0) }.count
            guard state.screens.allSatisfy({ !($0 is LoadingScreen) }) else { throw CLIError("bench: a screen is still loading") }
        }
        let loaded = WallClock.monotonic() - t0
        print("checksum \(sink % 1000)")
        print("steps " + steps.map { $0.0.hasPrefix("ready") ? $0.0 : "\($0.0)=\(fixedDecimal($0.1 * 1e3, 1))" }.joined(separator: " "))
        print(ProbeFigures(firstSeconds: first, firstMiB: firstMiB, loadedSeconds: loaded, loadedMiB: Self.highWaterMiB(),
                           delivered: delivered, slowestTurn: slowest).line)
    }

    /// As the executable's SLAScreenLoader: the snapshot artifact, decoded, with the run's escalations.
    private func slaScreen(store: Store, run: RunRecord, step: (String) -> Void) throws -> SLAScreen? {
        guard let bytes = try store.artifact(run: run.id, name: SupportSnapshot.artifactName) else { return nil }
        step("snapshot read (\(bytes.count / 1_000_000) MB)")
        let marks = try store.decisions(run: run.id).filter { $0.action == "escalate" }
            .map { SLAEscalation(ticket: $0.subject, at: $0.at, user: $0.user) }
        let snapshot: SupportSnapshot
        do { snapshot = try SupportSnapshot.decode(bytes) } catch { throw CLIError("bench: \(error)") }
        step("decode (\(snapshot.rows.count) open)")
        let screen = SLAScreen(snapshot: snapshot, escalations: marks)
        step("screen")
        return screen
    }

    /// This process's peak resident set (VmHWM in /proc/self/status: its own, unlike
    /// `ru_maxrss`, which a child inherits from the bench that started it), in MiB.
    static func highWaterMiB() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kib = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return peakRSSMiB() }
        return kib / 1024
    }
}
