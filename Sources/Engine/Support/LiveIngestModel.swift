import Core
import Learning
/// The run's breach model as a followed file needs it: the fold models that scored the run's
/// open queue, with the feature coding they were fitted on (each category's labels, the
/// priority codes of the desk's labels) and each customer's history. The elapsed-time update
/// is the run's `sla-clock.bin` (`SLAClockCurves`), which the running clock reads too. Saved with the run (`sla-live-model.bin`) so a ticket that
/// arrives after the run is scored by the same models, at its arrival, without a refit.
///
/// What a new ticket cannot be given exactly: the backlog at its arrival is the live queue's
/// size, and the desk's own extra columns (and the group load built on them) are missing for
/// it, as for a cell the model never saw; both are said in the watcher's notes.
public struct LiveBreachModel: Sendable {
    public static let artifactName = "sla-live-model.bin"
    package static let magic = "OPSDLIVE"
    package static let version: UInt32 = 2  // 2: the elapsed-time durations left to sla-clock.bin

    /// Per feature, in `SupportFeatures` order: name, whether categorical, its labels.
    public let names: [String]
    public let categorical: [Bool]
    public let levels: [[String]]
    /// The fold models (gradient boosting), averaged on the log-odds scale as the run did.
    package let folds: [GradientBoostingModel]
    /// The desk's priority labels and their codes (least urgent 0); `defaultCode` for others.
    package let priorityCodes: [String: UInt8]
    package let defaultPriorityCode: UInt8
    /// Per customer key: tickets seen and breaches among the resolved ones.
    package var customers: [String: CustomerHistory]

    package struct CustomerHistory: Sendable, Equatable {
        package var tickets: Int32
        package var breaches: Int32
    }

    /// From a run's analysis; nil when a fold model is not gradient boosting (a degenerate fold).
    public init?(_ a: SupportAnalysis) {
        let model = a.metricModels.last
        let parts = model?.scorer.parts ?? []
        let folds = parts.compactMap { ($0 as? GradientBoostingBreachScorer)?.model }
        guard !folds.isEmpty, folds.count == parts.count else { return nil }  // no model: no parts
        self.folds = folds
        names = a.features.names
        categorical = a.features.categorical
        levels = a.features.levels
        // A year's priorities are counted by code (a few labels) and only the distinct ones
        // go into the dictionary; the customers come counted with the features.
        var priorities = DistinctValues(), firstCode: [UInt8] = []
        for i in a.tickets.indices where Int(priorities.code(a.tickets[i].priority)) == firstCode.count {  // by index: enumerating copies each ticket
            firstCode.append(a.policy.priorityCode[i])
        }
        priorityCodes = Dictionary(uniqueKeysWithValues: zip(priorities.values, firstCode))
        defaultPriorityCode = priorityCodes[""] ?? 0
        let tally = a.features.customerTally
        var history: [String: CustomerHistory] = [:]
        history.reserveCapacity(tally.keys.count)
        for g in tally.keys.indices {
            history[tally.keys[g]] = CustomerHistory(tickets: tally.tickets[g], breaches: tally.breaches[g])
        }
        customers = history
    }

    package init(names: [String], categorical: [Bool], levels: [[String]], folds: [GradientBoostingModel],
         priorityCodes: [String: UInt8], defaultPriorityCode: UInt8, customers: [String: CustomerHistory]) {
        self.names = names; self.categorical = categorical; self.levels = levels; self.folds = folds
        self.priorityCodes = priorityCodes; self.defaultPriorityCode = defaultPriorityCode
        self.customers = customers
    }

    /// The run's artifact (empty when the model cannot be saved for live scoring).
    public static func artifacts(from a: SupportAnalysis) -> [String: [UInt8]] {
        guard let m = LiveBreachModel(a) else { return [:] }
        return [artifactName: m.encoded()]
    }

    /// The priority code a label gets (the run's coding; an unseen label the default's).
    public func priorityCode(_ label: String) -> UInt8 { priorityCodes[label] ?? defaultPriorityCode }

    /// Counts a ticket into its customer's history (a new ticket, or a resolution's outcome).
    package mutating func count(customer: String?, ticket: Bool, breach: Bool) {
        guard let customer, !customer.isEmpty else { return }
        var h = customers[customer] ?? CustomerHistory(tickets: 0, breaches: 0)
        if ticket { h.tickets += 1 }
        if breach { h.breaches += 1 }
        customers[customer] = h
    }

    /// Probabilities at arrival and the top three reasons for `tickets`, with `backlog` open
    /// tickets at their arrival.
    public func score(_ tickets: [Ticket], backlog: Int) throws -> (probability: [Double], reasons: [[BreachReason]]) {
        guard !tickets.isEmpty else { return ([], []) }
        var frame = FeatureFrame(rowCount: tickets.count)
        var codes: [[Int32]] = []
        for j in names.indices {
            let column = featureColumn(j, tickets, backlog: backlog)
            codes.append(column.codes)
            if categorical[j] {
                try frame.addCategorical(names[j], codes: column.codes, labels: levels[j])
            } else {
                try frame.addNumeric(names[j], column.numeric)
            }
        }
        var logit = [Double](repeating: 0, count: tickets.count)
        var contribution = [[Double]](repeating: [Double](repeating: 0, count: names.count), count: tickets.count)
        // One TreeSHAP pass per fold gives both: its contributions add up to the raw score.
        for model in folds {
            let c = try model.contributions(frame)
            for r in 0..<c.rowCount {
                var raw = c.bias
                for (j, v) in c.row(r).enumerated() {
                    raw += v
                    if j < names.count { contribution[r][j] += v }
                }
                let q = min(max(sigmoid(raw), 1e-15), 1 - 1e-15)
                logit[r] += _log(q / (1 - q))
            }
        }
        let k = Double(folds.count)
        let reasons = contribution.indices.map { r -> [BreachReason] in
            let c = contribution[r]
            return c.indices.filter { c[$0] > 0 }.sorted { (c[$0], -$0) > (c[$1], -$1) }.prefix(3).map { j in
                let code = Int(codes[j][r]), lv = levels[j]
                return BreachReason(feature: names[j], level: code >= 0 && code < lv.count ? lv[code] : "?", weight: c[j] / k)
            }
        }
        return (logit.map { sigmoid($0 / k) }, reasons)
    }

    /// One feature for `tickets`: the level code (for reasons and categories) and the number.
    private func featureColumn(_ j: Int, _ tickets: [Ticket], backlog: Int) -> (codes: [Int32], numeric: [Float]) {
        let lv = levels[j]
        func level(_ label: String) -> Int32 {
            if let k = lv.firstIndex(of: label) { return Int32(k) }
            return lv.firstIndex(of: "Other").map(Int32.init) ?? -1
        }
        func binned(_ v: Int) -> Int32 {
            // Labels are "a", "a–b" or "a+": the last bin whose lower edge is ≤ v.
            var code: Int32 = -1
            for (k, l) in lv.enumerated() {
                let lower = Int(l.prefix { $0.isNumber }) ?? 0
                if v >= lower { code = Int32(k) }
            }
            return code
        }
        switch j < SupportFeatures.names.count ? SupportFeatures.names[j] : "" {
        case "priority":
            let c = tickets.map { Int32(priorityCode($0.priority)) }
            return (c, c.map(Float.init))
        case "channel":
            let c = tickets.map { level($0.channel) }; return (c, c.map(Float.init))
        case "type":
            let c = tickets.map { level($0.type) }; return (c, c.map(Float.init))
        case "product":
            let c = tickets.map { level($0.product) }; return (c, c.map(Float.init))
        case "arrival hour":
            let h = tickets.map { t -> Int32 in Int32((t.createdAt - CivilDate.floorDiv(t.createdAt, 86_400) * 86_400) / 3600) }
            return (h, h.map(Float.init))
        case "weekday":
            let d = tickets.map { Int32(CivilDate.weekday(days: Int(CivilDate.floorDiv($0.createdAt, 86_400)))) }
            return (d, d.map(Float.init))
        case "backlog at arrival":
            return (tickets.map { _ in binned(backlog) }, tickets.map { _ in Float(backlog) })
        case "customer prior tickets":
            let n = tickets.map { Int($0.customerKey.flatMap { customers[$0]?.tickets } ?? 0) }
            return (n.map(binned), n.map(Float.init))
        case "customer prior breaches":
            let n = tickets.map { Int($0.customerKey.flatMap { customers[$0]?.breaches } ?? 0) }
            return (n.map(binned), n.map(Float.init))
        default:
            // The desk's own columns and the group load: not known for a followed row.
            return (tickets.map { _ in -1 }, tickets.map { _ in .nan })
        }
    }
}

extension LiveBreachModel {
    public func encoded() -> [UInt8] {
        var w = SupportSnapshotWriter()
        w.magic(Self.magic)
        w.u32(Self.version)
        w.strings(names)
        w.u8s(categorical.map { $0 ? 1 : 0 })
        w.int(levels.count)
        for l in levels { w.strings(l) }
        w.int(folds.count)
        for f in folds { w.u8s(f.serialized()) }
        let labels = priorityCodes.keys.sorted()
        w.strings(labels)
        w.u8s(labels.map { priorityCodes[$0] ?? 0 })
        w.u8(defaultPriorityCode)
        let keys = customers.keys.sorted()
        w.strings(keys)
        w.i32s(keys.map { customers[$0]?.tickets ?? 0 })
        w.i32s(keys.map { customers[$0]?.breaches ?? 0 })
        return w.bytes
    }

    public static func decode(_ bytes: [UInt8]) throws(SupportSnapshotError) -> LiveBreachModel {
        var r = SupportSnapshotReader(bytes)
        try r.expectMagic(magic)
        let v = try r.u32()
        guard v == version else { throw .unsupportedVersion(v) }
        let names = try r.strings()
        let categorical = try r.u8s().map { $0 != 0 }
        var levels: [[String]] = []
        for _ in 0..<(try r.count(elementSize: 8)) { levels.append(try r.strings()) }
        guard categorical.count == names.count, levels.count == names.count else {
            throw .invalid("live model of \(names.count) features with \(levels.count) level lists")
        }
        var folds: [GradientBoostingModel] = []
        for _ in 0..<(try r.count(elementSize: 8)) {
            let b = try r.u8s()
            do { folds.append(try GradientBoostingModel(serialized: b)) } catch { throw .invalid("live model fold: \(error)") }
        }
        let labels = try r.strings(), codes = try r.u8s()
        guard labels.count == codes.count else { throw .invalid("\(labels.count) priority labels for \(codes.count) codes") }
        let defaultCode = try r.u8()
        let keys = try r.strings(), tickets = try r.i32s(), breaches = try r.i32s()
        guard keys.count == tickets.count, keys.count == breaches.count else { throw .invalid("customer history of unequal columns") }
        guard r.at == bytes.count else { throw .invalid("\(bytes.count - r.at) bytes after the live model") }
        var history: [String: CustomerHistory] = [:]
        for (k, key) in keys.enumerated() { history[key] = CustomerHistory(tickets: tickets[k], breaches: breaches[k]) }
        return LiveBreachModel(names: names, categorical: categorical, levels: levels, folds: folds,
                               priorityCodes: Dictionary(uniqueKeysWithValues: zip(labels, codes)), defaultPriorityCode: defaultCode,
                               customers: history)
    }
}
