import Core
/// The execution trace of a run: each stage with its duration, counts and warnings.
public struct Trace: Codable, Sendable, Equatable {
    public struct Count: Codable, Sendable, Equatable {
        public var name: String
        public var value: Int
    }

    public struct Stage: Codable, Sendable, Equatable {
        public var name: String
        /// Seconds since the run started.
        public var start: Double
        public var seconds: Double
        public var counts: [Count]
        public var warnings: [String]

        package init(name: String, start: Double, seconds: Double, counts: [Count], warnings: [String]) {
            self.name = name; self.start = start; self.seconds = seconds; self.counts = counts; self.warnings = warnings
        }
    }

    public var stages: [Stage] = []

    public init() {}

    /// The stages' durations added up.
    public var totalSeconds: Double { stages.map(\.seconds).reduce(0, +) }

    /// From the first stage's start to the last one's end: below `totalSeconds` when stages
    /// ran side by side (the SLA stage runs beside the sales stages).
    public var elapsedSeconds: Double {
        guard let first = stages.map(\.start).min(), let last = stages.map({ $0.start + $0.seconds }).max() else { return 0 }
        return last - first
    }

    /// A plain table for the terminal: stage, time, counts, warnings.
    public func rendered() -> String {
        let nameWidth = max(8, stages.map(\.name.count).max() ?? 0)
        var lines = [pad("stage", nameWidth) + "      time  counts"]
        for s in stages {
            let counts = s.counts.map { "\($0.name) \($0.value)" }.joined(separator: ", ")
            lines.append(pad(s.name, nameWidth) + " " + lpad(Self.duration(s.seconds), 9) + "  " + counts)
            for w in s.warnings { lines.append(String(repeating: " ", count: nameWidth + 12) + "warning: " + w) }
        }
        lines.append(pad("total", nameWidth) + " " + lpad(Self.duration(totalSeconds), 9))
        let elapsed = elapsedSeconds
        if elapsed < totalSeconds - 0.0005 {
            lines.append(pad("elapsed", nameWidth) + " " + lpad(Self.duration(elapsed), 9) + "  (stages ran side by side)")
        }
        return lines.joined(separator: "\n")
    }

    package static func duration(_ s: Double) -> String {
        if s < 1 { return String(Int((s * 1000).rounded())) + " ms" }
        return String(Int(s)) + "." + String(Int((s * 100).rounded()) % 100 / 10) + String(Int((s * 100).rounded()) % 10) + " s"
    }

    private func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }
    private func lpad(_ s: String, _ w: Int) -> String { s.count >= w ? s : String(repeating: " ", count: w - s.count) + s }
}

/// Records stages as they run.
public struct TraceRecorder: Sendable {
    private let origin = WallClock.monotonic()
    public private(set) var trace = Trace()

    public init() {}

    /// Runs `body`, timing it; the body returns the stage's counts and warnings.
    public mutating func stage<T>(_ name: String, _ body: () throws -> (T, [Trace.Count], [String])) rethrows -> T {
        let start = WallClock.monotonic()
        let (value, counts, warnings) = try body()
        record(name, since: start, counts: counts, warnings: warnings)
        return value
    }

    /// Records a stage that started at `start` (monotonic seconds) and ends now; for stages
    /// whose body throws typed errors.
    public mutating func record(_ name: String, since start: Double, counts: [Trace.Count], warnings: [String]) {
        record(name, from: start, to: WallClock.monotonic(), counts: counts, warnings: warnings)
    }

    /// Records a stage timed elsewhere (monotonic seconds), e.g. on another thread, at its
    /// place in the trace's order.
    public mutating func record(_ name: String, from start: Double, to end: Double, counts: [Trace.Count], warnings: [String]) {
        trace.stages.append(Trace.Stage(name: name, start: start - origin, seconds: end - start, counts: counts, warnings: warnings))
    }
}

extension Trace.Count {
    public init(_ name: String, _ value: Int) {
        self.name = name
        self.value = value
    }
}
