import ArgumentParser
import Dispatch
import Engine
import Foundation

/// `opsdeck watch FILE|DIR`: the command center's follow without a terminal, for a server.
/// Each change is one line on stdout (what changed, the queue's head); a file that fails its
/// gates is one line on stderr and the watcher goes on with the last good state. SIGHUP or
/// `--refit-every` runs a full refit in the background and swaps it in when done.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Follow a help-desk export (a file or a folder of CSV files) into the store's latest run, headless.",
        discussion: """
        New rows, changed statuses and resolutions are upserted by ticket id into a followed copy \
        of the run's tickets, scored with the run's saved breach model and re-ranked into the \
        escalation queue; the file is read as `opsdeck import` reads it (profile from the header, \
        the same gates). A growing file is read from where it stopped; a rewritten or truncated \
        file, or a new file in the folder, is read again and only rows whose content changed are \
        applied. A refused row keeps its ticket's last good state and is named on stderr. SIGHUP \
        or --refit-every runs a full refit (a new run) in the background and swaps it in.
        """)

    @Argument(help: "The export to follow: a CSV file, or a folder whose .csv files are followed.") var path: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var follow: FollowOptions
    @Option(help: "Queue rows shown after each change.") var top = 3
    @Option(help: ArgumentHelp("Stop after this many looks at the export (for tests and scripts; default: run until stopped).",
                               valueName: "n"))
    var maxPolls: Int?

    func validate() throws {
        try OptionCheck.count(top, "--top", 0...100)
        if let maxPolls { try OptionCheck.count(maxPolls, "--max-polls", 1...100_000_000) }
    }

    func run() throws {
        try reportingErrors {
            let db = try store.open(create: false)
            guard let run = try db.latestRun() else {
                throw CLIError("no run in \(db.path) to follow into; run `opsdeck run` first")
            }
            let session = try FollowSession.start(path: path, store: db, run: run, options: follow)
            for n in session.notes { say(n) }
            say("watching \(path) every \(fmt(follow.pollSeconds)) s (SIGHUP refits\(follow.refitSeconds.map { ", refit every \(fmt($0)) s" } ?? ""))")
            let hangup = SignalFlag(SIGHUP)
            var refit: BackgroundRefit?
            var lastRefit = WallClock.monotonic()
            var lastError: [String] = []
            var polls = 0
            while maxPolls.map({ polls < $0 }) ?? true {
                polls += 1
                let outcome = try session.ingest.poll()
                if outcome.errors != lastError {
                    for e in outcome.errors { Terminal.warn("watch: \(e) (last good state kept)") }
                    lastError = outcome.errors
                }
                if outcome.changed > 0, let snap = outcome.snapshot {
                    say(outcome.summary + " in \(fmt(outcome.seconds * 1000)) ms")
                    for (k, r) in snap.rows.prefix(top).enumerated() {
                        say("  \(k + 1). \(r.id)  \(r.priority)  p=\(fmt(r.probability))  expected loss \(fmt(r.expectedLoss))")
                    }
                }
                if let job = refit {
                    if let line = job.take() { say(line) }
                    if job.done {
                        try finish(job, session)
                        refit = nil
                        lastRefit = WallClock.monotonic()
                    }
                } else if hangup.take() || follow.refitSeconds.map({ WallClock.monotonic() - lastRefit >= $0 }) == true {
                    say("refit: started")
                    refit = BackgroundRefit(session.refit)
                }
                if maxPolls.map({ polls >= $0 }) == true { break }
                usleep(UInt32(follow.pollSeconds * 1_000_000))
            }
            // A last look ends with the refit it started swapped in (or its failure said).
            if let job = refit {
                job.wait()
                try finish(job, session)
            }
        }
    }

    private func finish(_ job: BackgroundRefit, _ session: FollowSession) throws {
        switch job.result {
        case .success(let r):
            try session.ingest.swap(r)
            say("refit: run \(r.run) swapped in (\(session.ingest.snapshot.rows.count) open)")
        case .failure(let e):
            Terminal.warn("watch: refit failed: \(e); the previous run stays")
        case nil:
            break
        }
    }

    private func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
    private func fmt(_ v: Double) -> String { String(format: v == v.rounded() && abs(v) < 1e9 ? "%.0f" : "%.3g", v) }
}

/// A signal turned into a flag the loop reads (the handler only sets it).
final class SignalFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false
    private let source: DispatchSourceSignal

    init(_ signal: Int32) {
        Foundation.signal(signal, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
        source.setEventHandler { [unowned self] in self.lock.withLock { self.raised = true } }
        source.resume()
    }

    /// Whether the signal came since the last call.
    func take() -> Bool { lock.withLock { defer { raised = false }; return raised } }
}

/// The watcher's refit on another thread, its latest progress line and its result.
final class BackgroundRefit: @unchecked Sendable {
    private let lock = NSLock()
    private var line: String?
    private var outcome: Result<LiveIngest.Refit, any Error>?
    private let finished = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable (@escaping @Sendable (String) -> Void) throws -> LiveIngest.Refit) {
        DispatchQueue.global(qos: .utility).async { [self] in
            let r = Result { try work { p in self.lock.withLock { self.line = p } } }
            lock.withLock { outcome = r }
            finished.signal()
        }
    }

    /// The progress line, once per change.
    func take() -> String? { lock.withLock { defer { line = nil }; return line } }
    var done: Bool { lock.withLock { outcome != nil } }
    var result: Result<LiveIngest.Refit, any Error>? { lock.withLock { outcome } }
    func wait() { finished.wait(); finished.signal() }
}
