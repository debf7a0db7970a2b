import Engine

/// Export producers for what a run's sales stages saved: the per-account scores (with the
/// NBA reasons in words) from the binary table, every other table read through its `RunTable`
/// (the rows the screens show, written back by the same schema).
enum ExportSales {
    static var producers: [(String, ExportRegistry.Producer)] {
        [
            ("scores", { @Sendable ctx in try scores(ctx) }),
            ("segments", { @Sendable ctx in try sales(SegmentsTable.self, ctx) }),
            ("channels", { @Sendable ctx in try sales(ChannelsTable.self, ctx) }),
            ("staffing", { @Sendable ctx in try sales(StaffingTable.self, ctx) }),
            ("contact-centre", { @Sendable ctx in try sales(ContactCentreTable.self, ctx) }),
            ("schedule", { @Sendable ctx in try sales(ScheduleTable.self, ctx) }),
            ("routes", { @Sendable ctx in try sales(RoutesTable.self, ctx) }),
            ("routes-distance-only", { @Sendable ctx in try sales(DistanceRoutesTable.self, ctx) }),
            ("route-compare", { @Sendable ctx in try sales(RouteCompareTable.self, ctx) }),
            ("territories", { @Sendable ctx in try sales(TerritoriesTable.self, ctx) }),
            ("anomalies", { @Sendable ctx in try sales(AnomaliesTable.self, ctx) }),
            ("scripts", { @Sendable ctx in try sales(ScriptsTable.self, ctx) }),
            ("calibration", { @Sendable ctx in try sales(CalibrationTable.self, ctx) }),
            ("importance", { @Sendable ctx in try sales(ImportanceTable.self, ctx) }),
            ("roc", { @Sendable ctx in try sales(RocTable.self, ctx) }),
            ("escalation-queue", { @Sendable ctx in try saved(SLAQueueTable.self, ctx) }),
            ("sla-groups", { @Sendable ctx in try saved(SLAGroupsTable.self, ctx) }),
        ]
    }

    /// A sales table of the run; a run without customers ran no sales stages, and says so.
    static func sales<T: RunTable>(_ table: T.Type, _ ctx: ExportContext) throws -> DataTable {
        if try ctx.store.artifact(run: ctx.run.id, name: Pipeline.accountsArtifact) == nil {
            throw CLIError("run \(ctx.run.id) ran without customers, so it has no \(T.artifact) "
                           + "(`opsdeck import customers FILE`, then `opsdeck run`)")
        }
        return try saved(T.self, ctx)
    }

    /// The table as its schema writes it; a column whose every cell is a number is written
    /// unquoted in JSON.
    static func saved<T: RunTable>(_ table: T.Type, _ ctx: ExportContext) throws -> DataTable {
        let rows: [T.Row]
        do { rows = try T.load(ctx.store, run: ctx.run.id) } catch { throw CLIError(error.description) }
        var t = T.table(rows)
        t.kinds = t.columns.indices.map { j in
            !t.rows.isEmpty && t.rows.allSatisfy { j < $0.count && isJSONNumber($0[j]) } ? .number : .text
        }
        return t
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?`: ids such as "00123" stay text.
    static func isJSONNumber(_ s: String) -> Bool {
        var u = Substring(s).utf8[...]
        if u.first == UInt8(ascii: "-") { u = u.dropFirst() }
        let int = u.prefix { $0 >= 48 && $0 <= 57 }
        guard !int.isEmpty, int.count == 1 || int.first != 48 else { return false }
        u = u.dropFirst(int.count)
        if u.isEmpty { return true }
        guard u.first == UInt8(ascii: "."), u.count > 1 else { return false }
        return u.dropFirst().allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    static func scores(_ ctx: ExportContext) throws -> DataTable {
        let customers = try ctx.customers()
        let loaded: AccountScores?
        do { loaded = try AccountScores.load(ctx.store, run: ctx.run.id, accounts: customers.count) } catch { throw CLIError(error.description) }
        guard let a = loaded else {
            throw CLIError("run \(ctx.run.id) ran without customers, so it has no scores "
                           + "(`opsdeck import customers FILE`, then `opsdeck run`)")
        }
        let weights = ctx.run.config.sales.nbaWeights.values
        let churn = a.churn, potential = a.potential, nba = a.nba, rank = a.nbaRank, recency = a.recencyDays, open = a.openTickets
        let vb = a.valueBucket, pb = a.potentialBucket, channel = a.channel, day = a.day, anomaly = a.anomaly, territory = a.territory
        let slots = NBAScore.reasonSlots
        var t = DataTable(columns: ["account", "nba_rank", "nba", "churn", "potential_6m", "segment", "channel", "day", "territory",
                                    "anomaly", "reasons"],
                          kinds: [.text, .number, .number, .number, .number, .text, .text, .number, .number, .text, .text])
        for r in 0..<customers.count {
            let c = customers[r]
            let segment = "V\(Int(vb[r]) + 1)·P\(Int(pb[r]) + 1)"
            let facts = NBAReasons.Facts(churnProbability: Double(churn[r]), potential: Double(potential[r]), recencyDays: Double(recency[r]),
                                         engagement: c.digitalEngagement, ticketsOpen: Int(open[r]), tickets90d: c.supportTickets90d,
                                         csat: c.csat, segmentLabel: segment)
            let words = (0..<slots).compactMap { NBATerm(rawValue: Int(a.reasons[r * slots + $0])) }.map { NBAReasons.words($0, facts, weight: weights[$0.rawValue]) }
            t.append([c.id, String(rank[r]), String(nba[r]), String(churn[r]), String(potential[r]), segment,
                      SalesChannel(code: channel[r])?.rawValue ?? "", String(Int(day[r]) + 1), String(Int(territory[r]) + 1),
                      anomaly[r] == 1 ? "yes" : "no", words.joined(separator: "; ")])
        }
        return t
    }
}
