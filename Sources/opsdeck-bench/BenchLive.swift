import ArgumentParser
import Dispatch
import Engine
import Foundation
import TUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `opsdeck bench live`: the live command center (issue 19). Each measurement is one
/// `LiveMeasure` (a name and a function printing its lines, each ending `goal … met` or
/// `missed`); a measurement of another part of the issue (ingest, re-plan) is one more
/// function in a file of its own and one more entry in `BenchLive.measures`.
struct BenchLive: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract: "Live command center: a clock tick at 10 000 open tickets, idle CPU, ingest of 1 000 changed tickets over 100 000 open, a territory re-plan.")

    @Option(help: "Open tickets the clock re-clocks.") var open = 10_000
    @Option(help: "Clock ticks to time (the median is reported).") var ticks = 60
    @Option(help: "Seconds of the idle loop to measure CPU over.") var idleSeconds = 10.0
    @Option(help: "Only these measurements (comma-separated names: \(BenchLive.measures.map(\.name).joined(separator: ", "))).")
    var only: String?
    @Option(help: "Seed for tickets and folds.") var seed: UInt64 = 42

    func validate() throws {
        guard open >= 100 else { throw ValidationError("--open must be at least 100") }
        guard ticks >= 5 else { throw ValidationError("--ticks must be at least 5") }
        guard idleSeconds >= 1 else { throw ValidationError("--idle-seconds must be at least 1") }
        if let only {
            let known = Set(Self.measures.map(\.name))
            for name in only.split(separator: ",") where !known.contains(String(name)) {
                throw ValidationError("--only: unknown measurement '\(name)'; expected one of \(known.sorted().joined(separator: ", "))")
            }
        }
    }

    /// Every measurement, in the order printed.
    static let measures: [LiveMeasure] = [
        LiveMeasure(name: "clock-tick", run: LiveClockBench.tick),
        LiveMeasure(name: "idle-cpu", run: LiveClockBench.idleCPU),
        // Their own commands (`bench live-ingest`, `bench live-replan`) take their options.
        LiveMeasure(name: "ingest") { _ in try BenchLiveIngest.parse([]).run() },
        LiveMeasure(name: "replan") { _ in try BenchLiveReplan.parse([]).run() },
    ]

    func run() throws {
        try reportingErrors {
            let wanted = only.map { Set($0.split(separator: ",").map(String.init)) }
            let context = LiveBenchContext(open: open, ticks: ticks, idleSeconds: idleSeconds, seed: seed)
            for m in Self.measures where wanted?.contains(m.name) ?? true { try m.run(context) }
        }
    }
}

/// One measurement of `opsdeck bench live`.
struct LiveMeasure: Sendable {
    var name: String
    var run: @Sendable (LiveBenchContext) throws -> Void
}

/// The bench's options, and the seeded queue several measurements share (built once).
final class LiveBenchContext: @unchecked Sendable {
    let open: Int
    let ticks: Int
    let idleSeconds: Double
    let seed: UInt64
    private var built: (SupportSnapshot, SLAClockCurves)?

    init(open: Int, ticks: Int, idleSeconds: Double, seed: UInt64) {
        self.open = open; self.ticks = ticks; self.idleSeconds = idleSeconds; self.seed = seed
    }

    /// A seeded desk whose open queue holds at least `open` tickets, analysed once as a run
    /// saves it (snapshot + clock curves), cut to exactly `open` open tickets.
    func queue() throws -> (SupportSnapshot, SLAClockCurves) {
        if let built { return built }
        let t0 = ContinuousClock.now
        // About 0.7 days of arrivals are open at the end of a week: 20 × open tickets is ample.
        let tickets = TicketGenerator(seed: seed, days: 7).generate(count: open * 20)
        let a = try SupportAnalysis.build(tickets: tickets, policy: SLAPolicy(), options: .init(seed: seed))
        let artifacts = SupportSnapshot.artifacts(from: a)
        guard var snap = try SupportSnapshot.load(artifacts), let curves = try SLAClockCurves.load(artifacts) else {
            throw CLIError("bench: the analysis saved no SLA snapshot or clock curves")
        }
        guard snap.rows.count >= open else {
            throw CLIError("bench: \(tickets.count) tickets left only \(snap.rows.count) open; lower --open")
        }
        snap.rows = Array(snap.rows.prefix(open))
        print("\(tickets.count) tickets over 7 days analysed in \(fixedDecimal(seconds(since: t0), 1)) s; "
              + "queue cut to \(snap.rows.count) open tickets")
        built = (snap, curves)
        return (snap, curves)
    }
}



enum LiveClockBench {
    /// The engine's tick (re-clock, re-score from the saved curves, re-rank, today's KPIs)
    /// and the screen's whole tick as the idle loop runs it (the engine tick, the queue
    /// table rebuilt, selection kept), each a median over `ticks` minutes of clock.
    static func tick(_ c: LiveBenchContext) throws {
        let (snap, curves) = try c.queue()
        let clock = SLALiveClock(snap, curves: curves)
        var sink = 0
        var times: [Double] = [], cpu: [Double] = []
        // As the screen runs it: the queue re-clocked in place, a minute further each tick.
        var queue = snap, order = Array(snap.rows.indices)
        for k in 1...c.ticks {
            let t0 = ContinuousClock.now, c0 = threadCPUSeconds()
            let breached = clock.advance(&queue, order: &order, to: snap.now + Int64(k) * 60)
            sink &+= queue.rows.count + breached.count
            cpu.append(threadCPUSeconds() - c0)
            times.append(seconds(since: t0))
        }
        let engine = median(cpu)
        print("one clock tick at \(snap.rows.count) open tickets (engine: re-clock, re-score, re-rank, today's KPIs): median cost "
              + "\(ms(engine)) ms CPU (\(ms(median(times))) ms wall, load \(loadAverage())) of \(c.ticks) ticks; goal ≤ 5 ms "
              + (engine <= 0.005 ? "met" : "missed") + " [checksum \(sink % 1000)]")

        let time = FixedTimeSource(snap.now)
        var state = AppState(screens: [SLAScreen(snapshot: snap, live: SLALiveOptions(time: time, curves: curves, user: "bench"))],
                             themeNames: ["default"], theme: "default", width: 200, height: 60)
        times = []; cpu = []
        for _ in 1...c.ticks {
            time.advance(by: 60)
            let t0 = ContinuousClock.now, c0 = threadCPUSeconds()
            guard state.idle() else { throw CLIError("bench: the screen did not tick after a minute") }
            cpu.append(threadCPUSeconds() - c0)
            times.append(seconds(since: t0))
        }
        let screen = median(cpu)
        print("the screen's whole tick at \(snap.rows.count) open tickets (engine tick, queue table and its search text rebuilt, "
              + "alerts evaluated): median cost \(ms(screen)) ms CPU (\(ms(median(times))) ms wall); goal (one frame, a key "
              + "is never held up) ≤ 16 ms " + (screen <= 0.016 ? "met" : "missed"))
    }

    /// The command center's idle loop with the clock on, as `App.run` runs it: wait for a key
    /// (here a pipe that never gets one) for the screen's idle interval, poll the store's
    /// decision log, re-clock when a minute has passed, draw a frame only when something
    /// changed. CPU from getrusage over `idleSeconds` of wall time.
    static func idleCPU(_ c: LiveBenchContext) throws {
        let (snap, curves) = try c.queue()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-bench-live-\(getpid())").path
        try FileSystem.makeDirectories(dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try Store(path: dir + "/live.sqlite")
        // The clock runs on from the run's instant at the wall clock's pace, ticking every minute.
        let time = OffsetTimeSource(offset: snap.now - WallClock.now())
        let rules = try AlertRuleParser.parse("rule late: p >= 0.7 and left < 2h\nrule big: expected_loss >= 300\n")
        let screen = SLAScreen(snapshot: snap, live: SLALiveOptions(time: time, curves: curves, alerts: rules, store: store,
                                                                    run: nil, user: "bench"))
        var state = AppState(screens: [screen], themeNames: ["default"], theme: "default", width: 160, height: 48)
        let context = CommandCenterContext(title: "OpsDeck", summary: ["bench"])
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw CLIError("bench: no pipe for the idle loop") }
        defer { close(fds[0]); close(fds[1]) }
        let interval = Int32(state.idleInterval ?? 1000)
        var frames = 0, idles = 0
        _ = CommandCenterView.render(state, context: context, width: 160, height: 48, glyphs: .unicode)
        let cpu0 = cpuSeconds(), wall0 = WallClock.monotonic()
        while WallClock.monotonic() - wall0 < c.idleSeconds {
            var p = pollfd(fd: fds[0], events: Int16(POLLIN), revents: 0)
            _ = poll(&p, 1, interval)
            idles += 1
            if state.idle() {
                frames += CommandCenterView.render(state, context: context, width: 160, height: 48, glyphs: .unicode).cells.isEmpty ? 0 : 1
            }
        }
        let wall = WallClock.monotonic() - wall0, cpu = cpuSeconds() - cpu0
        let share = cpu / wall
        print("idle CPU with the clock on (\(snap.rows.count) open, alerts, store poll every \(interval) ms): "
              + "\(fixedDecimal(share * 100, 2)) % of a core over \(fixedDecimal(wall, 1)) s (\(idles) idle ticks, \(frames) frames); "
              + "goal ≤ 1 % " + (share <= 0.01 ? "met" : "missed"))
    }

    /// This thread's CPU time: what a tick costs, whatever else the machine runs.
    static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func loadAverage() -> String {
        var l = [Double](repeating: 0, count: 1)
        return getloadavg(&l, 1) == 1 ? fixedDecimal(l[0], 1) : "?"
    }

    static func cpuSeconds() -> Double {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return Double(u.ru_utime.tv_sec) + Double(u.ru_utime.tv_usec) / 1e6 + Double(u.ru_stime.tv_sec) + Double(u.ru_stime.tv_usec) / 1e6
    }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        return s.isEmpty ? 0 : s[s.count / 2]
    }

    static func ms(_ s: Double) -> String { fixedDecimal(s * 1e3, 3) }
}
