import ArgumentParser
import Engine
import Foundation

/// `opsdeck route-day`: one rep's planned day of the saved run as iCalendar or GPX, for the
/// rep's phone. It reads the run's saved routes table (what the route screens show) through
/// the export context, so it needs no re-plan and matches the screens stop for stop.
struct RouteDayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route-day",
        abstract: "A rep's planned day from the latest run as iCalendar (.ics) or GPX, for their phone.",
        discussion: """
        Day N of the plan is the N-th working day after the run's as-of date (the desk's \
        business calendar, else Monday to Friday), or from the working day --date names as day \
        1. Times are the plan's wall-clock times in the desk's time zone (--timezone, else the \
        SLA policy's calendar.timezone, else UTC), written in UTC.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case ics, gpx }

    @Option(help: "The rep's id.") var rep: String
    @Option(help: "Day of the plan, from 1.") var day: Int = 1
    @Option(help: "ics or gpx.") var format: Format
    @Option(help: "Output file (default: standard output).") var out: String?
    @Option(name: .customLong("run"), help: "Run id (default: the latest).") var runId: Int64?
    @Option(help: "Date of the plan's day 1, YYYY-MM-DD (default: the first working day after the run's as-of date).") var date: String?
    @Option(help: "The desk's time zone: UTC, +02:00 or an IANA name.") var timezone: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingErrors {
            let db = try store.open(create: false)
            let ctx = try ExportContext(store: db, runId: runId)
            let text = try Self.export(ctx, rep: rep, day: day, format: format, firstDate: date, timezone: timezone)
            if let out {
                do { try FileSystem.write(out, Array(text.utf8)) } catch { throw CLIError("cannot write \(out): \(error)") }
            } else {
                print(text, terminator: "")
            }
        }
    }

    static func export(_ ctx: ExportContext, rep repId: String, day: Int, format: Format, firstDate: String?, timezone: String?) throws -> String {
        let config = ctx.run.config
        let reps = try ctx.reps()
        guard let rep = reps.first(where: { $0.id == repId }) else {
            let few = reps.prefix(5).map(\.id).joined(separator: ", ")
            throw CLIError("no rep '\(TerminalText.safe(repId))' in run \(ctx.run.id); reps are e.g. \(few)\(reps.count > 5 ? ", …" : "") (\(reps.count) in all)")
        }
        let days = config.sales.planningDays
        guard day >= 1, day <= days else { throw CLIError("--day: expected a day of the plan from 1 to \(days), found \(day)") }
        let policy = try SLAExport.policy()
        let zone = try timezone.map { try DeskTimeZone.parse($0, source: "--timezone") } ?? policy.zone ?? .utc
        var first = config.asOfDay + 1
        if let firstDate {
            guard let t = CivilDate.parseTimestamp(Substring(firstDate)) else {
                throw CLIError("--date: expected a date such as 2026-03-02, found '\(TerminalText.safe(firstDate))'")
            }
            first = Int(t / 86_400)
        }
        let date = workingDay(day, from: first, calendar: policy.calendar ?? .officeHours)
        let stops = try stops(ctx, rep: rep, day: day, date: date, zone: zone, visitMinutes: config.sales.visitMinutes)
        if stops.isEmpty {
            // Still a valid (empty) calendar, so a phone's subscription clears the day; said once on stderr.
            FileHandle.standardError.write(Data("opsdeck: no visits planned for \(rep.id) on day \(day) (\(CivilDate.format(days: date)))\n".utf8))
        }
        let stamp = CivilDate.parseTimestamp(Substring(ctx.run.createdAt)) ?? Int64(config.asOfDay) * 86_400
        let plan = RepDayExport.Day(runId: ctx.run.id, repId: rep.id, repName: rep.name, homeLat: rep.homeLat, homeLon: rep.homeLon,
                                    date: date, stamp: stamp, stops: stops)
        return format == .ics ? RepDayCalendar.ics(plan) : RepDayGPX.gpx(plan)
    }

    /// The day's rows of the saved routes table in visiting order: the saved arrival is when
    /// the visit starts (`Visit.arrivalMinute`), the account's own visit length (or the plan's)
    /// when it ends; the note is the NBA percentile and the account's NBA reasons in words.
    static func stops(_ ctx: ExportContext, rep: Rep, day: Int, date: Int, zone: DeskTimeZone, visitMinutes: Int) throws -> [RepDayExport.Stop] {
        let routes: [RouteStopRow]
        do { routes = try RoutesTable.load(ctx.store, run: ctx.run.id) } catch { throw CLIError(error.description) }
        var byId: [String: Customer] = [:]
        for c in try ctx.customers() { byId[c.id] = c }
        let reasons = reasonsByAccount(ctx)
        var rows: [(seq: Int, stop: RepDayExport.Stop)] = []
        for (k, row) in routes.enumerated() where row.rep == rep.id && row.day == day {
            guard let c = byId[row.account] else {
                throw CLIError("\(ctx.artifactLabel("routes.csv")), row \(k + 2): account '\(TerminalText.safe(row.account))' is not in the run's customers")
            }
            // The saved schedule's visit length (the account's own, else the plan's).
            let minutes = row.serviceMinutes > 0 ? row.serviceMinutes : (c.visitWindow?.minutes ?? visitMinutes)
            var note: [String] = ["NBA percentile \(Int((row.nbaPercentile * 100).rounded()))"]
            if let why = reasons[c.id], !why.isEmpty { note.append(why) }
            if !c.industry.isEmpty { note.append(c.industry) }
            let start = row.arrivalMinute
            let stop = RepDayExport.Stop(id: c.id, name: c.name ?? c.id, lat: c.lat, lon: c.lon,
                                         start: RepDayExport.utc(date: date, secondsAfterMidnight: start * 60, zone: zone),
                                         end: RepDayExport.utc(date: date, secondsAfterMidnight: (start + minutes) * 60, zone: zone),
                                         note: note.joined(separator: "\n"))
            rows.append((row.sequence, stop))
        }
        if let replanned = try replannedDay(ctx, rep: rep, day: day) {
            // The field day's latest re-plan of the team (a decision in the store) is the rep's day now.
            var minutesOf: [String: Int] = [:]
            for row in routes where row.serviceMinutes > 0 { minutesOf[row.account] = row.serviceMinutes }
            return replanned.compactMap { item -> RepDayExport.Stop? in
                guard let c = byId[item.account] else { return nil }
                let minutes = minutesOf[c.id] ?? c.visitWindow?.minutes ?? visitMinutes
                var note: [String] = []
                if let why = reasons[c.id], !why.isEmpty { note.append(why) }
                if !c.industry.isEmpty { note.append(c.industry) }
                return RepDayExport.Stop(id: c.id, name: c.name ?? c.id, lat: c.lat, lon: c.lon,
                                         start: RepDayExport.utc(date: date, secondsAfterMidnight: item.start * 60, zone: zone),
                                         end: RepDayExport.utc(date: date, secondsAfterMidnight: (item.start + minutes) * 60, zone: zone),
                                         note: note.joined(separator: "\n"))
            }
        }
        return rows.sorted { $0.seq < $1.seq }.map(\.stop)
    }

    /// The rep's day as the latest team re-plan on the route screen left it (`field-replan`
    /// decisions: "R001:C1@540/0,C2@600/5;…|summary"), or nil when the day was not re-planned.
    static func replannedDay(_ ctx: ExportContext, rep: Rep, day: Int) throws -> [(account: String, start: Int)]? {
        let decisions: [Decision]
        do { decisions = try ctx.store.fieldDayDecisions(run: ctx.run.id) } catch { throw CLIError(error.description) }
        let prefix = rep.id + ":"
        for d in decisions.reversed() where d.action == "field-replan" && d.subject.hasPrefix("day\(day)/") {
            let orders = d.value.split(separator: "|", maxSplits: 1).first ?? ""
            guard let part = orders.split(separator: ";").first(where: { $0.hasPrefix(prefix) }) else { continue }
            return part.dropFirst(prefix.count).split(separator: ",").compactMap { item in
                let bits = item.split(separator: "@")
                guard bits.count == 2, let start = bits[1].split(separator: "/").first.flatMap({ Int($0) }) else { return nil }
                return (String(bits[0]), start)
            }
        }
        return nil
    }

    /// Each account's NBA reasons from the run's scores (empty when the run has none).
    static func reasonsByAccount(_ ctx: ExportContext) -> [String: String] {
        guard let t = try? ExportSales.scores(ctx), let a = t.columns.firstIndex(of: "account"), let r = t.columns.firstIndex(of: "reasons") else { return [:] }
        var out: [String: String] = [:]
        for row in t.rows where row.count > max(a, r) { out[row[a]] = row[r] }
        return out
    }

    /// The n-th (from 1) working day on or after `first`: the plan's days are the rep's
    /// working days, so a weekend or holiday is skipped rather than given visits.
    static func workingDay(_ n: Int, from first: Int, calendar: BusinessCalendar) -> Int {
        var d = first, left = n
        // A calendar always has a working weekday; the bound only guards a year of holidays.
        for _ in 0..<(400 + 7 * n) {
            if calendar.isWorkingDay(d) { left -= 1; if left == 0 { return d } }
            d += 1
        }
        return first + n - 1
    }
}
