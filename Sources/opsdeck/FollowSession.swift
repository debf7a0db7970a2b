import ArgumentParser
import Engine
import Foundation

/// How a followed export is read and refitted: shared by `opsdeck --follow` and `opsdeck watch`.
struct FollowOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Run a full refit (the pipeline on the followed data) this often, e.g. 30m, 1h, 90s (default: off).",
                               valueName: "duration"))
    var refitEvery: String?
    @Option(help: ArgumentHelp("How often the followed file or folder is looked at, in seconds.", valueName: "seconds"))
    var pollSeconds: Double = 1
    @Option(help: ArgumentHelp("Read the followed files as this format instead of detecting it from their header.", valueName: "name"))
    var profile: String?
    @Option(help: ArgumentHelp("Day/month order of numeric dates like 03/04/2024, when a file cannot prove it.", valueName: "dmy|mdy"))
    var dateOrder: DateOrder?
    @Option(help: ArgumentHelp("Zone of times written without one (default: calendar.timezone in sla.conf, else UTC).", valueName: "zone"))
    var timezone: String?

    func validate() throws {
        guard pollSeconds.isFinite, (0.05...3600).contains(pollSeconds) else {
            throw ValidationError("--poll-seconds must be 0.05 to 3600, got \(pollSeconds)")
        }
        if let refitEvery, FollowSession.seconds(refitEvery) == nil {
            throw ValidationError("--refit-every expects a duration such as 90s, 30m or 1h, got '\(refitEvery)'")
        }
    }

    var refitSeconds: Double? { refitEvery.flatMap(FollowSession.seconds) }
}

/// A follow of one export on a store's latest run: the live engine, and the refit that
/// replaces its run.
struct FollowSession {
    let ingest: LiveIngest
    let refit: @Sendable (_ progress: @escaping @Sendable (String) -> Void) throws -> LiveIngest.Refit
    /// For the log or the status line: the dataset followed into and how new tickets are scored.
    let notes: [String]

    /// "90s", "30m", "1h", "2h30m"; a bare number is seconds. Nil for anything else or ≤ 0.
    static func seconds(_ text: String) -> Double? {
        if let v = Double(text) { return v > 0 && v.isFinite ? v : nil }
        var total = 0.0, digits = ""
        for c in text.lowercased() {
            if c.isNumber || c == "." { digits.append(c); continue }
            guard let v = Double(digits), let unit: Double = ["s": 1, "m": 60, "h": 3600, "d": 86_400][c] else { return nil }
            total += v * unit
            digits = ""
        }
        return digits.isEmpty && total > 0 ? total : nil
    }

    static func start(path: String, store: Store, run: RunRecord, options: FollowOptions) throws -> FollowSession {
        try InputPath.check(path, "followed export")
        guard let base = run.ticketsDataset else { throw CLIError("run \(run.id) has no ticket dataset to follow \(path) into") }
        guard let bytes = try store.artifact(run: run.id, name: SupportSnapshot.artifactName) else {
            throw CLIError(StoreError.olderRun(run.id, "it has no \(SupportSnapshot.artifactName)").message)
        }
        let snapshot: SupportSnapshot, model: LiveBreachModel?, curves: SLAClockCurves?
        do {
            snapshot = try SupportSnapshot.decode(bytes)
            (model, curves) = try liveParts(store, run: run.id)
        } catch { throw CLIError("run \(run.id): \(error)") }
        let policy = try SLAExport.policy()
        let zone = try options.timezone.map { try DeskTimeZone.parse($0, source: "--timezone") } ?? policy.zone ?? .utc
        let readOptions = TicketCSV.Options(profile: options.profile, statuses: policy.statusMapping, dateOrder: options.dateOrder, zone: zone)
        if let name = options.profile, TicketProfile.named(name) == nil {
            throw CLIError("--profile: unknown profile '\(name)'; expected one of \(TicketProfile.names.joined(separator: ", "))")
        }
        let dataset = try store.liveTicketDataset(copying: base, source: "follow \(path)")
        let known = try store.tickets(dataset: dataset, statuses: policy.statusMapping)
        let ingest = LiveIngest(snapshot: snapshot, model: model, curves: curves,
                                reader: LiveIngestReader(path: path, options: readOptions, known: known),
                                store: store, dataset: dataset, run: run.id)
        try store.audit(user: Terminal.user, event: "follow", detail: "\(path) → tickets dataset \(dataset) (run \(run.id))")
        var notes = ["following \(path) into tickets dataset \(dataset) (a copy of \(base), run \(run.id)'s)"]
        notes.append(model == nil
            ? "run \(run.id) has no \(LiveBreachModel.artifactName): new tickets scored by its priority × channel breach rate (refit to score them with the model)"
            : "new tickets scored by run \(run.id)'s breach model; the desk's own columns are not known for a followed row")
        let config = run.config
        let refit: @Sendable (@escaping @Sendable (String) -> Void) throws -> LiveIngest.Refit = { progress in
            ingest.beginRefit()
            let env = ProcessInfo.processInfo.environment
            let template = try? PrepScriptTemplate.load(environment: env)
            var outcome = try Pipeline.run(config: config, input: .stored(customers: run.customersDataset, reps: run.repsDataset, tickets: dataset),
                                           store: store, template: template, slaPolicy: policy, saveDatasets: false,
                                           progress: { progress("refit: \($0)…") })
            progress("refit: saving…")
            let id = try Pipeline.save(&outcome, to: store)
            try store.audit(user: Terminal.user, event: "refit", detail: "run \(id) on followed tickets dataset \(dataset)")
            guard let bytes = try store.artifact(run: id, name: SupportSnapshot.artifactName) else {
                throw CLIError("refit run \(id) has no SLA analysis (no resolved tickets?)")
            }
            let snap = try SupportSnapshot.decode(bytes)
            let (live, curves) = try liveParts(store, run: id)
            return LiveIngest.Refit(run: id, snapshot: snap, model: live, curves: curves)
        }
        return FollowSession(ingest: ingest, refit: refit, notes: notes)
    }

    /// A run's live model and clock curves (each nil for a run saved without it).
    static func liveParts(_ store: Store, run: Int64) throws -> (LiveBreachModel?, SLAClockCurves?) {
        (try store.artifact(run: run, name: LiveBreachModel.artifactName).map { try LiveBreachModel.decode($0) },
         try store.artifact(run: run, name: SLAClockCurves.artifactName).map { try SLAClockCurves.decode($0) })
    }
}
