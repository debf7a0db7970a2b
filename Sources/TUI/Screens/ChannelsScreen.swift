/// Screen 5: per channel, demand, allocated, deferred, capacity and SLA; the Erlang C
/// staffing of the selected contact-centre channel per interval; the contact-centre schedule.
public struct ChannelsScreen: Screen {
    enum Panel: Hashable, Sendable { case channels, schedule }

    public let id = ScreenID.channels
    let model: ChannelsModel
    let channelData: TableData
    let scheduleData: TableData
    var channels: TableState
    var schedule: TableState
    var focus = FocusRing<Panel>([.channels, .schedule])

    public init(model: ChannelsModel) {
        self.model = model
        channelData = Self.channelTable(model)
        scheduleData = Self.scheduleTable(model)
        channels = TableState(data: channelData)
        schedule = TableState(data: scheduleData)
    }

    static func channelTable(_ m: ChannelsModel) -> TableData {
        let rows: [[TableCell]] = m.rows.map { r in
            let use = r.capacity > 0 ? Double(r.allocated) / Double(r.capacity) : 0
            let sla: TableCell
            if let met = r.slaMet, let missed = r.slaMissed, met + missed > 0 {
                let share = Double(met) / Double(met + missed)
                sla = .number(share, fixed(share * 100, 1) + "%", role: share < 0.8 ? .breachRiskHigh : .savingsPositive)
            } else {
                sla = TableCell("–", sortKey: .missing)
            }
            func n(_ v: Int) -> TableCell { .number(Double(v), String(v)) }
            return [TableCell(r.channel), n(r.demand), n(r.allocated), n(r.deferred),
                    .number(Double(r.beyondHorizon), String(r.beyondHorizon), role: r.beyondHorizon > 0 ? .warning : nil),
                    n(r.bestFit), n(r.movedIn), n(r.movedOut), .number(Double(r.capacity), String(r.capacity)),
                    .number(use, fixed(use * 100, 0) + "%", role: use >= 0.999 ? .warning : nil), sla,
                    .number(Double(r.overdueAtStart ?? 0), r.overdueAtStart.map(String.init) ?? "–",
                            role: (r.overdueAtStart ?? 0) > 0 ? .warning : nil),
                    .number(Double(r.backlog ?? 0), r.backlog.map(String.init) ?? "–")]
        }
        return TableData(columns: [
            // Minimum widths are the titles': a narrow screen drops whole columns, never cuts a figure.
            TableColumn("Channel", minWidth: 11, priority: 0), TableColumn("Demand", alignment: .right, minWidth: 6, priority: 0),
            TableColumn("Today", alignment: .right, minWidth: 5, priority: 0),
            TableColumn("Later", alignment: .right, minWidth: 5, priority: 0),
            TableColumn("Beyond", alignment: .right, minWidth: 6, priority: 0),
            TableColumn("Best fit", alignment: .right, minWidth: 8, priority: 2),
            TableColumn("In", alignment: .right, minWidth: 3, priority: 2), TableColumn("Out", alignment: .right, minWidth: 4, priority: 2),
            TableColumn("Capacity", alignment: .right, minWidth: 8, priority: 1),
            TableColumn("Use", alignment: .right, minWidth: 4, priority: 3),
            TableColumn("SLA met", alignment: .right, minWidth: 7, priority: 0),
            TableColumn("Overdue", alignment: .right, minWidth: 7, priority: 3),
            TableColumn("Backlog", alignment: .right, minWidth: 7, priority: 3),
        ], rows: rows)
    }

    static func scheduleTable(_ m: ChannelsModel) -> TableData {
        let rows: [[TableCell]] = m.schedule.map { c in
            [.number(Double(c.order), String(c.order)), TableCell(c.account), TableCell(c.channel), TableCell(c.start),
             TableCell(c.deadline), .number(c.nba, fixed(c.nba, 3)),
             TableCell(c.sla, role: c.sla == "met" ? nil : c.sla == "missed" ? .breachRiskHigh : .warning)]
        }
        return TableData(columns: [
            TableColumn("#", alignment: .right, minWidth: 3, priority: 1), TableColumn("Account", minWidth: 8, priority: 0),
            TableColumn("Channel", minWidth: 6, maxWidth: 12, priority: 2), TableColumn("Start", minWidth: 5, priority: 0),
            TableColumn("Deadline", minWidth: 5, priority: 3), TableColumn("NBA", alignment: .right, minWidth: 5, priority: 2),
            TableColumn("SLA", minWidth: 16, priority: 0),
        ], rows: rows)
    }

    public var keyScopes: [KeyScope] {
        let focused = focus.isFocused(.channels) ? channels : schedule
        return focused.scopes
    }

    public func availability(of action: Action) -> Availability {
        if case .custom = action { return .disabled("Channels has no such action") }
        return .enabled
    }

    /// What the allocation columns mean, so a manager can check that they add up.
    static let definitions = [
        "Demand = Today + Later (planning days) + Beyond (the horizon): accounts planned on the channel",
        "Demand = Best fit + In − Out: full channels move accounts on · field: its routes' visits (others' contacts released)",
        "SLA met: share of the deadlines the plan could still meet · Overdue: past the ticket's SLA before the centre opened",
    ]

    func layout(_ body: Rect) -> (channels: Rect, legend: Rect, chart: Rect, schedule: Rect) {
        let inner = body.inset(dx: 1, dy: 1)
        let legendLines = inner.height >= 30 ? 3 : inner.height >= 20 ? 2 : 1
        let (top, rest) = inner.sliceTop(min(model.rows.count + 2, max(3, inner.height / 3)) + legendLines)
        let (table, legend) = top.sliceBottom(legendLines)
        let (left, right) = rest.sliceLeft(rest.width / 2)
        return (Rect(x: table.x + 1, y: table.y, width: table.width - 2, height: table.height),
                Rect(x: legend.x + 1, y: legend.y, width: legend.width - 2, height: legend.height), left, right)
    }

    /// The staffing shown: the selected channel's if the centre staffs it, else the first.
    var shownStaffing: ChannelsModel.Staffing? {
        let name = channels.selectedRow.map { model.rows[$0].channel }
        return model.staffing.first { $0.channel == name } ?? model.staffing.first
    }

    public mutating func handle(_ action: Action, body: Rect) -> Bool {
        if action == .focusNext { focus.next(); return true }
        let l = layout(body)
        if focus.isFocused(.channels) {
            return channels.handle(action, data: channelData, pageSize: TableView.pageSize(in: l.channels, state: channels))
        }
        return schedule.handle(action, data: scheduleData, pageSize: TableView.pageSize(in: l.schedule.inset(dx: 1, dy: 1), state: schedule))
    }

    public mutating func type(_ character: Character, body: Rect) -> Bool {
        let l = layout(body)
        if focus.isFocused(.channels) {
            return channels.type(character, data: channelData, pageSize: TableView.pageSize(in: l.channels, state: channels))
        }
        return schedule.type(character, data: scheduleData, pageSize: TableView.pageSize(in: l.schedule.inset(dx: 1, dy: 1), state: schedule))
    }

    public func draw(into canvas: inout Canvas, in body: Rect, context: CommandCenterContext) {
        canvas.drawBox(body, title: "5 Channels · allocation under capacity, contact-centre plan")
        let l = layout(body)
        TableView.draw(channelData, state: channels, into: &canvas, in: l.channels, focused: focus.isFocused(.channels))
        // One line when short of rows: both identities, shortened.
        let lines = l.legend.height >= 2 ? Self.definitions : ["Demand = Today + Later + Beyond = Best fit + In − Out"]
        for (k, line) in lines.enumerated() where k < l.legend.height {
            canvas.write(line, x: l.legend.x, y: l.legend.y + k, style: CellStyle(fg: .muted), maxX: l.legend.maxX)
        }
        if let s = shownStaffing {
            let inner = canvas.drawBox(l.chart, title: "Erlang C agents per interval · \(s.channel)")
            let short = zip(s.needed, s.available).enumerated().filter { $0.element.0 > $0.element.1 }.map(\.offset)
            let maxAgents = max(s.needed.max() ?? 0, s.available.max() ?? 0)
            let (bars, axis) = inner.sliceBottom(2)
            BarChart(values: s.needed, maximum: maxAgents, highlighted: Set(short), highlightRole: .breachRiskHigh)
                .draw(into: &canvas, in: Rect(x: bars.x + 1, y: bars.y, width: bars.width - 2, height: bars.height))
            canvas.write((s.intervals.first ?? "") + "  …  " + (s.intervals.last ?? ""), x: axis.x + 1, y: axis.y,
                         style: CellStyle(fg: .axis), maxX: axis.maxX)
            canvas.write("rostered \(fixed(s.available.max() ?? 0, 0)) · peak need \(fixed(s.needed.max() ?? 0, 0)) · "
                         + "\(short.count) short intervals", x: axis.x + 1, y: axis.y + 1, style: CellStyle(fg: .muted), maxX: axis.maxX)
        } else {
            let inner = canvas.drawBox(l.chart, title: "Erlang C staffing")
            canvas.write("The run staffed no contact-centre channel.", x: inner.x + 1, y: inner.y, style: CellStyle(fg: .muted), maxX: inner.maxX)
        }
        let inner = canvas.drawBox(l.schedule, title: "Contact-centre schedule · \(model.schedule.count) contacts",
                                   focused: focus.isFocused(.schedule))
        TableView.draw(scheduleData, state: schedule, into: &canvas, in: Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height),
                       focused: focus.isFocused(.schedule))
    }
}
