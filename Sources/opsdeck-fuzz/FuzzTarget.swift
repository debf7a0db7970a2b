import Engine
import Foundation
import TUI

/// One input surface of OpsDeck under fuzzing. Each target feeds the bytes to the public
/// entry point a user's file reaches; a thrown error is the expected answer to bad input,
/// so only a trap, an abort, a sanitizer report or a hang counts as a finding.
enum FuzzTarget: String, CaseIterable, Sendable {
    case csv, customers, reps, tickets, tsplib, solomon, toptw
    case slaPolicy = "sla-policy", salesConfig = "sales-config", theme, modelBytes = "model-bytes", artifacts

    /// Instances at most this large are also solved (a few iterations) and checked, so the
    /// solver's arithmetic on extreme but accepted values is fuzzed too.
    static let solveUpTo = 40

    func run(_ bytes: [UInt8]) {
        switch self {
        case .csv: Self.scan(bytes)
        case .customers: _ = try? CustomerCSV.read(CSVReader(bytes: bytes, name: "fuzz.csv"), asOfDay: 20_000)
        case .reps: _ = try? RepCSV.read(CSVReader(bytes: bytes, name: "fuzz.csv"))
        case .tickets: _ = try? TicketCSV.read(CSVReader(bytes: bytes, name: "fuzz.csv"))
        case .tsplib: Self.solve(try? TSPLIBReader.parse(Self.text(bytes), file: "fuzz.tsp"))
        case .solomon: Self.solve(try? SolomonReader.parse(Self.text(bytes), file: "fuzz.txt"))
        case .toptw: Self.solve(try? TOPTWReader.parse(Self.text(bytes), file: "fuzz.txt", paths: 2))
        case .slaPolicy: Self.useSLAPolicy(bytes)
        case .salesConfig: _ = try? SalesConfig.parse(bytes, source: "fuzz.json")
        case .theme: _ = ThemeParser.parse(Self.text(bytes), name: "fuzz")
        case .modelBytes: ModelBytesFuzz.run(bytes)
        // A run's binary artifacts, as a store hands them back (a corrupted store included).
        case .artifacts:
            _ = try? ColumnFile(bytes: bytes)
            _ = try? SupportSnapshot.decode(bytes)
        }
    }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// Every record and every field, through each accessor a reader uses.
    static func scan(_ bytes: [UInt8]) {
        let reader = CSVReader(bytes: bytes, name: "fuzz.csv")
        while (try? reader.next()) == true {
            for i in 0..<reader.fieldCount {
                _ = reader.string(i); _ = reader.text(i); _ = reader.isEmpty(i); _ = reader.position(i)
            }
            _ = reader.recordLine
        }
    }

    /// A policy that parses must also be usable: resolved for a ticket of each priority and
    /// run on the SLA clock (deadlines, business-hours counting), as `sla replay` does.
    static func useSLAPolicy(_ bytes: [UInt8]) {
        guard let policy = try? SLAPolicy.parse(text(bytes), file: "fuzz.sla") else { return }
        let created: Int64 = 1_795_000_000  // 2026-11-18, a Wednesday
        // One ticket per label the policy prices (the desk's own labels), and one without a priority.
        let labels = policy.targetHours.labels.filter { policy.breachCost[$0] != nil }.prefix(64)
            + (policy.defaultPriority == nil ? [] : [""])
        let tickets = labels.enumerated().map { i, p in
            Ticket(id: "T\(i)", createdAt: created + Int64(i) * 7_000, priority: p, channel: "Email", type: "t", product: "p",
                   status: i % 2 == 0 ? "Open" : "Closed", state: i % 2 == 0 ? .open : .solved,
                   firstResponseAt: created + 3_600, resolvedAt: i % 2 == 0 ? nil : created + 90_000)
        }
        guard let resolved = try? policy.resolved(for: tickets) else { return }
        let clock = SLAClock(policy: resolved)
        for t in tickets {
            for now in [created - 86_400, created + 3_600, created + 400 * 86_400] {
                let state = clock.state(of: t, pauses: [SLAPause(start: created + 600, end: created + 7_200)], at: now)
                _ = clock.deadline(of: state, at: now)
                _ = clock.counted(from: t.createdAt, to: now)
            }
        }
    }

    static func solve(_ problem: RoutingProblem?) {
        guard let p = problem, p.size <= solveUpTo else { return }
        guard let s = try? RouteSolver.solve(p, RouteSolverOptions(seed: 1, iterations: 30)) else { return }
        _ = RouteChecker.check(p, s)
    }
}

/// The four model decoders; a model that decodes is also asked to predict, since a decoded
/// model that traps on use is as bad as a decoder that traps.
enum ModelBytesFuzz {
    static func run(_ bytes: [UInt8]) {
        if let m = try? GradientBoostingModel(serialized: bytes), let f = frame(m.schema) {
            _ = try? m.predict(f); _ = try? m.predictRawWalking(f)
        }
        if let m = try? RandomForestModel(serialized: bytes), let f = frame(m.schema) { _ = try? m.predictProbability(f) }
        if let m = try? IsolationForestModel(serialized: bytes), let f = frame(m.schema) { _ = try? m.scores(f) }
        if let m = try? LogisticRegressionModel(serialized: bytes), let f = frame(m.schema) { _ = try? m.predictProbability(f) }
        // What `model score` loads: a family tag, then one of the above.
        if let m = try? TabularModel(serialized: bytes) {
            let schema: FrameSchema
            switch m {
            case .gbm(let x): schema = x.schema
            case .forest(let x): schema = x.schema
            case .logistic(let x): schema = x.schema
            }
            if let f = frame(schema) { _ = try? m.predict(f); _ = try? m.contributions(f) }
        }
    }

    /// Three rows in the schema's shape: ordinary values, extremes and missing values.
    static func frame(_ schema: FrameSchema) -> FeatureFrame? {
        guard schema.count <= 64 else { return nil }
        var f = FeatureFrame(rowCount: 3)
        for (name, labels) in zip(schema.names, schema.categoryLabels) {
            if let labels {
                guard (try? f.addCategorical(name, codes: [0, -1, Int32(max(0, labels.count - 1))], labels: labels)) != nil else { return nil }
            } else {
                guard (try? f.addNumeric(name, [0.5, .greatestFiniteMagnitude, .nan])) != nil else { return nil }
            }
        }
        return f
    }
}
