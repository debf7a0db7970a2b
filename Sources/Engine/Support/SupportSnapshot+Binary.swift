import Core
/// The snapshot as a run artifact: a signature, a version, then the sections in a fixed
/// order. A newer layout gets a new version number; an older build refuses it by name.
extension SupportSnapshot {
    public static let artifactName = "sla-snapshot.bin"
    // 2: the desk's own labels; 3: escalation economics, arrival profile, SLA metrics;
    // 4: capacity tables' prefix sums coded by their steps (SupportSnapshot+CompactTables.swift): the two backtests
    //    take 1 byte a resolved ticket instead of 16; the whole snapshot about 0.4 of version 3's
    public static let version: UInt32 = 4
    /// The older layout this build still reads (its capacity tables as plain prefix sums).
    package static let plainTablesVersion: UInt32 = 3
    package static let signature: [UInt8] = Array("OPSDSLA".utf8) + [0]

    /// The artifacts a run saves so the SLA screen opens without a model.
    public static func artifacts(from analysis: SupportAnalysis) -> [String: [UInt8]] {
        [artifactName: SupportSnapshot(analysis).encoded(), SLAClockCurves.artifactName: SLAClockCurves(analysis).encoded()]
    }

    /// The snapshot among a run's artifacts; nil when the run was saved before it existed.
    public static func load(_ artifacts: [String: [UInt8]]) throws(SupportSnapshotError) -> SupportSnapshot? {
        guard let bytes = artifacts[artifactName] else { return nil }
        return try decode(bytes)
    }

    public func encoded() -> [UInt8] { encoded(compactTables: true) }

    /// `compactTables` false writes the previous version (3), plain prefix sums: for tests
    /// that an older snapshot still opens.
    package func encoded(compactTables: Bool) -> [UInt8] {
        var w = SupportSnapshotWriter()
        for b in Self.signature { w.u8(b) }
        w.u32(compactTables ? Self.version : Self.plainTablesVersion)
        w.string(modelName)
        w.i64(now)
        w.int(policy.targetSeconds.count)
        for t in policy.targetSeconds { w.i64(t) }
        for l in policy.priorities { w.string(l) }
        w.doubles(policy.cost)
        w.f64(policy.interventionCost)
        w.f64(policy.effectiveness)
        policy.escalation.write(into: &w)
        w.u8(UInt8(policy.metrics.count))
        for m in policy.metrics { w.u8(m.code) }
        w.f64(quality.auc); w.f64(quality.averagePrecision); w.f64(quality.ece)
        w.int(quality.count); w.int(quality.positives)
        w.int(resolvedTickets); w.int(breaches); w.f64(breachCost)
        w.int(heatmapRate.count)
        for (rates, counts) in zip(heatmapRate, heatmapCount) { w.doubles(rates); w.ints(counts) }
        w.int(heatmapPriorities.count)
        for l in heatmapPriorities { w.string(l) }
        w.int(heatmapChannels.count)
        for l in heatmapChannels { w.string(l) }
        w.int(rows.count)
        for r in rows { Self.write(r, into: &w) }
        for t in [backtest, backtestProbabilityOnly, expectedHistory, openExpectation] { t.write(into: &w, compact: compactTables) }
        arrivalProfile.write(into: &w)
        return w.bytes
    }

    public static func decode(_ bytes: [UInt8]) throws(SupportSnapshotError) -> SupportSnapshot {
        var r = SupportSnapshotReader(bytes)
        for b in signature {
            guard try r.u8() == b else { throw .notASnapshot }
        }
        let v = try r.u32()
        guard v == version || v == plainTablesVersion else { throw .unsupportedVersion(v) }
        let modelName = try r.string()
        let now = try r.i64()
        let nt = try r.count(elementSize: 8)
        var targets: [Int64] = [], priorities: [String] = []
        for _ in 0..<nt { targets.append(try r.i64()) }
        for _ in 0..<nt { priorities.append(try r.string()) }
        let policy = PolicyNumbers(priorities: priorities, targetSeconds: targets, cost: try r.doubles(),
                                   interventionCost: try r.f64(), effectiveness: try r.f64(),
                                   escalation: try EscalationEconomics.read(&r), metrics: try readMetrics(&r))
        guard policy.cost.count == targets.count else { throw .invalid("\(policy.cost.count) costs for \(targets.count) targets") }
        let quality = Quality(auc: try r.f64(), averagePrecision: try r.f64(), ece: try r.f64(), count: try r.int(),
                              positives: try r.int())
        let resolved = try r.int(), breaches = try r.int(), breachCost = try r.f64()
        let nh = try r.count(elementSize: 16)
        var rates: [[Double]] = [], counts: [[Int]] = []
        for _ in 0..<nh { rates.append(try r.doubles()); counts.append(try r.ints()) }
        var heatPriorities: [String] = [], heatChannels: [String] = []
        for _ in 0..<(try r.count(elementSize: 8)) { heatPriorities.append(try r.string()) }
        for _ in 0..<(try r.count(elementSize: 8)) { heatChannels.append(try r.string()) }
        guard heatPriorities.count == nh, counts.allSatisfy({ $0.count == heatChannels.count }) else {
            throw .invalid("heatmap of \(nh) rows with \(heatPriorities.count) priority and \(heatChannels.count) channel labels")
        }
        let nr = try r.count(elementSize: 60)
        var rows: [QueueRow] = []
        rows.reserveCapacity(nr)
        for _ in 0..<nr { rows.append(try read(&r)) }
        var tables: [CapacityTable] = []
        for _ in 0..<4 { tables.append(try CapacityTable.read(&r, compact: v >= 4)) }
        let profile = try ArrivalProfile.read(&r)
        guard r.at == bytes.count else { throw .invalid("\(bytes.count - r.at) bytes after the last section") }
        var snapshot = SupportSnapshot(modelName: modelName, now: now, policy: policy, quality: quality, rows: rows,
                               heatmapRate: rates, heatmapCount: counts, heatmapPriorities: heatPriorities,
                               heatmapChannels: heatChannels, resolvedTickets: resolved, breaches: breaches,
                               breachCost: breachCost, tables: tables)
        snapshot.arrivalProfile = profile
        return snapshot
    }

    private static func write(_ q: QueueRow, into w: inout SupportSnapshotWriter) {
        w.string(q.id); w.string(q.priority); w.u8(q.priorityCode); w.string(q.channel); w.string(q.type); w.string(q.product)
        w.string(q.status); w.u8(q.ticketState.code); w.optionalString(q.customerKey); w.optionalString(q.subject)
        w.i64(q.createdAt); w.optionalI64(q.firstResponseAt)
        w.f64(q.probabilityAtArrival); w.f64(q.probability); w.f64(q.breachCost); w.f64(q.expectedLoss)
        w.i64(q.state.elapsed); w.i64(q.state.target); w.bool(q.state.paused); w.optionalI64(q.deadline)
        w.u8(UInt8(min(q.reasons.count, 255)))
        for x in q.reasons.prefix(255) { w.string(x.feature); w.string(x.level); w.f64(x.weight) }
        w.u8(q.metric.code)
    }

    private static func readMetrics(_ r: inout SupportSnapshotReader) throws(SupportSnapshotError) -> [SLAMetric] {
        var out: [SLAMetric] = []
        for _ in 0..<Int(try r.u8()) {
            guard let m = SLAMetric(code: try r.u8()) else { throw .invalid("unknown SLA metric") }
            out.append(m)
        }
        return out
    }

    private static func read(_ r: inout SupportSnapshotReader) throws(SupportSnapshotError) -> QueueRow {
        let id = try r.string()
        let priority = try r.string(), priorityCode = try r.u8(), channel = try r.string()
        let type = try r.string(), product = try r.string(), status = try r.string()
        guard let ticketState = TicketState(code: try r.u8()) else { throw .invalid("unknown status meaning for ticket \(id)") }
        let customer = try r.optionalString(), subject = try r.optionalString()
        let created = try r.i64(), answered = try r.optionalI64()
        let pa = try r.f64(), p = try r.f64(), cost = try r.f64(), loss = try r.f64()
        let state = SLAState(elapsed: try r.i64(), target: try r.i64(), paused: try r.bool())
        let deadline = try r.optionalI64()
        var reasons: [BreachReason] = []
        for _ in 0..<Int(try r.u8()) {
            reasons.append(BreachReason(feature: try r.string(), level: try r.string(), weight: try r.f64()))
        }
        guard let metric = SLAMetric(code: try r.u8()) else { throw .invalid("unknown SLA metric for ticket \(id)") }
        return QueueRow(id: id, priority: priority, priorityCode: priorityCode, channel: channel, type: type, product: product,
                        status: status, ticketState: ticketState,
                        customerKey: customer, subject: subject, createdAt: created, firstResponseAt: answered,
                        probabilityAtArrival: pa, probability: p, breachCost: cost, expectedLoss: loss, state: state,
                        deadline: deadline, reasons: reasons, metric: metric)
    }
}

extension CapacityTable {
    /// Rebuilds a table from its stored arrays without sorting again.
    package init(days: [Int], start: [Int], cost: [Double], breaches: [Double], rankCost: [Double], rankBreaches: [Double],
         rankCount: [Int], totalCost: Double, totalBreaches: Double) {
        self.days = days; self.start = start; self.cost = cost; self.breaches = breaches
        self.rankCost = rankCost; self.rankBreaches = rankBreaches; self.rankCount = rankCount
        self.totalCost = totalCost; self.totalBreaches = totalBreaches
    }

    package func write(into w: inout SupportSnapshotWriter, compact: Bool) {
        w.ints(days); w.ints(start)
        if compact {
            Self.writePrefix(cost, start: start, into: &w)
            Self.writePrefix(breaches, start: start, into: &w)
        } else {
            w.doubles(cost); w.doubles(breaches)
        }
        w.doubles(rankCost); w.doubles(rankBreaches); w.ints(rankCount)
        w.f64(totalCost); w.f64(totalBreaches)
    }

    package static func read(_ r: inout SupportSnapshotReader, compact: Bool) throws(SupportSnapshotError) -> CapacityTable {
        let days = try r.ints(), start = try r.ints()
        let cost = compact ? try readPrefix(&r, days: days, start: start) : try r.doubles()
        let breaches = compact ? try readPrefix(&r, days: days, start: start) : try r.doubles()
        let rc = try r.doubles(), rb = try r.doubles(), rn = try r.ints()
        let tc = try r.f64(), tb = try r.f64()
        // `outcome` indexes prefix entries through `start`: check them once here.
        guard start.count == days.count + 1, cost.count == breaches.count, start.last == cost.count,
              start.first.map({ $0 == 0 }) ?? true, zip(start, start.dropFirst()).allSatisfy({ $0 < $1 }),
              rc.count == rb.count, rb.count == rn.count else {
            throw .invalid("inconsistent capacity table (\(days.count) days, \(cost.count) prefix entries)")
        }
        return CapacityTable(days: days, start: start, cost: cost, breaches: breaches, rankCost: rc, rankBreaches: rb,
                             rankCount: rn, totalCost: tc, totalBreaches: tb)
    }
}
