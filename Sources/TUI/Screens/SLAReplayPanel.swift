import Engine

/// What the SLA screen's "Policy replay" panel runs, handed in by the executable: the TUI
/// reads no files and opens no store, so the closure loads the run's tickets and both
/// policies and calls `PolicyReplay`. It runs on a background thread and reports its phase.
public struct SLAReplaySource: Sendable {
    /// The proposed policy's file (`proposed-sla.conf` in the settings folder).
    public var proposedPath: String
    public var replay: @Sendable (_ report: @escaping @Sendable (String) -> Void) -> SLAReplayResult

    public init(proposedPath: String, replay: @escaping @Sendable (_ report: @escaping @Sendable (String) -> Void) -> SLAReplayResult) {
        self.proposedPath = proposedPath
        self.replay = replay
    }
}

/// How a replay ended.
public enum SLAReplayResult: Sendable {
    /// No proposed policy at `path`.
    case absent(path: String)
    /// A policy file or the history could not be read: one line (a policy's is `file:line: …`).
    case failed(String)
    /// `source` says what was replayed on, e.g. "run 3's 20 000 tickets".
    case replayed(PolicyReplay, currentName: String, proposedName: String, source: String)
}

/// The panel's state: the running job, then its result, and the scroll of its lines.
struct SLAReplayPanel {
    let path: String
    let job: BackgroundJob<String, SLAReplayResult>
    var result: SLAReplayResult?
    var scroll = TextViewState()

    init(_ source: SLAReplaySource) {
        path = source.proposedPath
        let work = source.replay
        job = BackgroundJob(initial: "starting") { report in work(report) }
    }

    var isRunning: Bool { result == nil }

    mutating func poll() {
        if result == nil, let r = job.result { result = r }
    }

    /// "Replaying … · loading the run's tickets · 1.2 s": the panel's line while the job runs.
    var progressLine: String {
        "Replaying \(Self.fileName(path)) against the current policy · \(job.progress) · "
            + String(format: "%.1f s", job.elapsed)
    }

    func lines() -> [TextLine] {
        guard let result else {
            return [TextLine(progressLine, role: .warning), TextLine("The screen stays live; Esc closes the panel.", role: .muted)]
        }
        switch result {
        case .absent(let p):
            return [
                TextLine("No proposed policy at \(p).", role: .warning),
                TextLine("Write one in sla.conf's format (e.g. copy sla.conf there and change its targets), then press P.",
                         role: .muted),
            ]
        case .failed(let message):
            return [TextLine(message, role: .breachRiskHigh), TextLine("Fix the file, then press P to replay again.", role: .muted)]
        case let .replayed(r, currentName, proposedName, source):
            var out: [TextLine] = []
            let rows = SLAReplayRows.rows(r, currentName: currentName, proposedName: proposedName)
            let net = r.proposed.escalation.netSavings - r.current.escalation.netSavings
            for (k, line) in SLAReplayRows.lines(rows).enumerated() {
                if k == 0 {
                    out.append(TextLine(line, role: .title, attributes: .bold))
                } else if k == rows.count - 1 {
                    out.append(TextLine(line, role: net >= 0 ? .savingsPositive : .savingsNegative, attributes: .bold))
                } else {
                    out.append(TextLine(line))
                }
            }
            // Under the table, so a short terminal keeps every figure on the screen.
            out.append(TextLine("On \(source) · breach model \(r.modelName), 3 folds out of fold · P replays again", role: .muted))
            return out
        }
    }

    static func fileName(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }
}
