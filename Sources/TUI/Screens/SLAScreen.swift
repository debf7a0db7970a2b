import Engine
import Foundation

/// Screen 1, where a support manager lives: the open queue ranked by expected loss, the
/// daily escalation-capacity slider with the suggested capacity marked, KPI tiles from the
/// backtest and the open queue, the capture curve and the priority × channel heatmap; under
/// the sliders, what an escalation costs and does (and where those numbers came from), the
/// expected-loss ranking beside the probability-only one at the chosen capacity, and the
/// senior agents to roster per hour for the escalations it picks.
///
/// Everything is read from a `SupportSnapshot`: a capacity move calls `capacity(n)`
/// (O(days)); editing the escalation cost or effectiveness also re-reads the suggested
/// capacity and rewrites the expected-loss column. No model is touched.
public struct SLAScreen: Screen {
    enum Panel: Hashable, Sendable { case queue, capacity, cost, effectiveness }

    public let id = ScreenID.sla
    var snapshot: SupportSnapshot
    let escalate: SLAEscalate?
    /// Why escalations cannot be saved (no store), for the status line.
    let escalateOff: String
    var capacity: SliderState
    var cost: SliderState
    var effectiveness: SliderState
    var focus = FocusRing<Panel>([.queue, .capacity, .cost, .effectiveness])
    var data: TableData
    var table: TableState
    var escalated: [String: SLAEscalation]
    /// Cached engine answers for the current slider positions.
    var view: CapacityView
    private(set) var suggested: Int
    /// The two rankings of today's queue at the chosen capacity, and the senior roster for it.
    var ranking: RankingComparison
    private(set) var comparison: RankingComparison.Result
    private(set) var roster: EscalationRoster
    /// Share of the backtest's breach cost caught (%) at each capacity 0…slider maximum.
    let capture: [Double]
    /// The ticket shown in detail (a data row), if any, and its scroll.
    var detailRow: Int?
    var detailScroll = TextViewState()
    var notice: String?
    /// Prices the proposed policy file on the run's tickets (`SLAScreen+Replay`); nil without one.
    let replaySource: SLAReplaySource?
    var replay: SLAReplayPanel?
    /// The running clock, alerts and the shared decision feed (`SLAScreen+Live`); nil: the
    /// screen stays as of the run.
    var live: SLALiveState?
    /// The queue's page at the last key, for keeping the selection when the clock re-ranks.
    var pageSize = 20
    /// A followed export (`opsdeck --follow`, `SLAScreen+Follow`); nil otherwise.
    var follow: SLAFollowState?

    public init(snapshot: SupportSnapshot, escalations: [SLAEscalation] = [], escalate: SLAEscalate? = nil,
                escalateOff: String = "no store to save decisions in", replay: SLAReplaySource? = nil) {
        self.snapshot = snapshot
        replaySource = replay
        self.escalate = escalate
        self.escalateOff = escalateOff
        let e = snapshot.policy.effectiveness, c = snapshot.policy.interventionCost
        let suggested = snapshot.suggestedCapacity()
        let most = max(snapshot.backtest.maxPerDay, snapshot.openExpectation.maxPerDay, 1)
        // Up to the busiest day (beyond it nothing changes), so any suggestion sits on the
        // track; step 1 keeps it on the grid, big steps cross the range in ~20 moves.
        let top = Double(most)
        capacity = SliderState(label: "Escalations/day", value: Double(suggested), minimum: 0, maximum: top, step: 1,
                               bigStep: max(10, (top / 20).rounded()), unit: "/day", marker: Double(suggested))
        let priciest = snapshot.policy.cost.max() ?? 100
        cost = SliderState(label: "Cost/escal.", value: c, minimum: 0, maximum: max(10, c * 5, priciest / 5),
                           step: 0.5, bigStep: 5, decimals: 2)
        effectiveness = SliderState(label: "Effect", value: e * 100, minimum: 0, maximum: 100, step: 5,
                                    bigStep: 25, unit: "% saved")
        self.suggested = suggested
        var marks: [String: SLAEscalation] = [:]
        for x in escalations { marks[x.ticket] = x }
        escalated = marks
        data = SLAQueueTable.data(snapshot, effectiveness: e, interventionCost: c, escalated: marks)
        table = TableState(data: data, sortColumn: SLAQueueTable.expectedLossColumn, ascending: false)
        let curve = snapshot.backtest.curve(effectiveness: e, interventionCost: c)
        capture = (0...Int(top)).map { n in 100 * (curve.isEmpty ? 0 : curve[min(n, curve.count - 1)].capturedShare) }
        view = snapshot.capacity(Int(capacity.value), effectiveness: e, interventionCost: c)
        ranking = RankingComparison(snapshot.rows)
        comparison = ranking.at(capacity: Int(capacity.value), effectiveness: e, interventionCost: c)
        roster = snapshot.roster(capacity: Int(capacity.value))
    }

    var currentEffectiveness: Double { effectiveness.value / 100 }
    var currentCost: Double { cost.value }

    func slider(_ p: Panel) -> SliderState? {
        switch p {
        case .capacity: return capacity
        case .cost: return cost
        case .effectiveness: return effectiveness
        case .queue: return nil
        }
    }

    /// The slider taking typed digits, if one is.
    var typingPanel: Panel? {
        [Panel.capacity, .cost, .effectiveness].first { slider($0)?.entry != nil }
    }

    public var keyScopes: [KeyScope] {
        // The clock's keys come after the global ones (which they never shadow), so a 100-column
        // bar still shows `q quit` and a wide one adds `F freeze  ! alerts` at its end.
        let clock: [KeyScope] = live == nil ? [] : [.global, .liveClock]
        if live?.alertsOpen == true { return [.table, .screen(.sla)] + clock }
        if replay != nil { return [.table, .screen(.sla)] }
        if detailRow != nil { return [.table, .screen(.sla)] + clock }
        if typingPanel != nil { return [.textEntry, .slider] }
        if table.isSearching { return table.scopes + [.screen(.sla), .slider] + clock }
        return focus.isFocused(.queue) ? [.table, .screen(.sla), .slider] + clock : [.slider, .screen(.sla), .table] + clock
    }

    public func availability(of action: Action) -> Availability {
        if live?.alertsOpen == true {
            switch action {
            case .custom("freeze-clock"), .custom("tick-now"), .custom("alerts"): return liveAvailability(action) ?? .enabled
            case .custom, .open, .search, .sortNext, .sortPrevious, .reverseSort, .enterValue, .increase, .decrease,
                 .bigIncrease, .bigDecrease, .minimum, .maximum, .focusNext:
                return .disabled("close the alert list first (Esc)")
            default: return .enabled
            }
        }
        if let a = liveAvailability(action), replay == nil { return a }
        if replay != nil {
            switch action {
            case Self.replayAction: return replay?.isRunning == true ? .disabled("a replay is running") : .enabled
            case .custom, .open, .search, .sortNext, .sortPrevious, .reverseSort, .enterValue, .increase, .decrease,
                 .bigIncrease, .bigDecrease, .minimum, .maximum, .focusNext:
                return .disabled("close the policy replay first (Esc)")
            default: return .enabled
            }
        }
        switch action {
        case Self.refitAction: return refitAvailability
        case Self.replayAction:
            return replaySource == nil ? .disabled("no tickets to replay a policy on") : .enabled
        case .custom("escalate"):
            if escalate == nil { return .disabled(escalateOff) }
            if snapshot.rows.isEmpty { return .disabled("the queue is empty") }
            return .enabled
        case .open where snapshot.rows.isEmpty:
            return .disabled("the queue is empty")
        case .search, .sortNext, .sortPrevious, .reverseSort, .enterValue, .increase, .decrease, .bigIncrease,
             .bigDecrease, .minimum, .maximum, .focusNext, .custom("edit-cost"), .custom("edit-effectiveness"):
            return detailRow == nil ? .enabled : .disabled("close the ticket detail first (Esc)")
        default:
            return .enabled
        }
    }

    public mutating func handle(_ action: Action, body: Rect) -> Bool {
        notice = nil
        pageSize = TableView.pageSize(in: layout(body).table, state: table)
        if live?.alertsOpen == true { return handleAlerts(action, body: body) }
        if replay != nil { return handleReplay(action, body: body) }
        if let used = handleLive(action) { return used }
        if detailRow != nil { return handleDetail(action, body: body) }
        switch action {
        case Self.replayAction:
            openReplay()
            return true
        case Self.refitAction:
            startRefit()
            return true
        case .focusNext:
            focus.next()
            return true
        case .custom("escalate"):
            escalateSelected()
            return true
        case .custom("edit-cost"):
            focus.focus(.cost)
            _ = cost.handle(.enterValue)
            return true
        case .custom("edit-effectiveness"):
            focus.focus(.effectiveness)
            _ = effectiveness.handle(.enterValue)
            return true
        default:
            break
        }
        let page = TableView.pageSize(in: layout(body).table, state: table)
        if let p = typingPanel { return handleSlider(p, action) }
        // Enter opens the selected ticket whichever panel has the focus.
        if action == .open, !table.isSearching, let row = table.selectedRow {
            detailRow = row
            detailScroll = TextViewState()
            return true
        }
        if focus.isFocused(.queue) || table.isSearching {
            return table.handle(action, data: data, pageSize: page) || handleSlider(.capacity, action)
        }
        return handleSlider(focus.current, action) || table.handle(action, data: data, pageSize: page)
    }

    public mutating func type(_ character: Character, body: Rect) -> Bool {
        if replay != nil { return false }
        if let p = typingPanel {
            switch p {
            case .capacity: return capacity.type(character)
            case .cost: return cost.type(character)
            case .effectiveness: return effectiveness.type(character)
            case .queue: return false
            }
        }
        return table.type(character, data: data, pageSize: TableView.pageSize(in: layout(body).table, state: table))
    }

    /// Steps or types into one slider, then asks the engine only what that slider changes.
    mutating func handleSlider(_ panel: Panel, _ action: Action) -> Bool {
        let used: Bool
        switch panel {
        case .capacity: used = capacity.handle(action)
        case .cost: used = cost.handle(action)
        case .effectiveness: used = effectiveness.handle(action)
        case .queue: return false
        }
        guard used else { return false }
        if panel == .capacity {
            view = snapshot.capacity(Int(capacity.value), effectiveness: currentEffectiveness, interventionCost: currentCost)
            capacityChanged()
        } else if currentEffectiveness != view.effectiveness || currentCost != view.interventionCost {
            parametersChanged()
        }
        return true
    }

    /// Escalation cost or effectiveness moved: new suggested capacity, tiles and expected losses.
    mutating func parametersChanged() {
        suggested = snapshot.suggestedCapacity(effectiveness: currentEffectiveness, interventionCost: currentCost)
        capacity.marker = Double(suggested)
        view = snapshot.capacity(Int(capacity.value), effectiveness: currentEffectiveness, interventionCost: currentCost)
        capacityChanged()
        rebuildTable()
    }

    /// The ranking comparison (O(capacity)) and the roster (one Erlang C per interval).
    mutating func capacityChanged() {
        let n = Int(capacity.value)
        comparison = ranking.at(capacity: n, effectiveness: currentEffectiveness, interventionCost: currentCost)
        roster = snapshot.roster(capacity: n)
    }

    mutating func rebuildTable() {
        data = SLAQueueTable.updated(data, snapshot, effectiveness: currentEffectiveness, interventionCost: currentCost,
                                     escalated: escalated, breachedAt: live?.breachedAt ?? [:], offset: live?.options.utcOffset ?? 0)
        table.refresh(data)
    }

    mutating func escalateSelected() {
        guard let row = detailRow ?? table.selectedRow, let escalate else { return }
        let id = snapshot.rows[row].id
        if let done = escalated[id] {
            notice = "\(id) is already escalated (by \(done.user), \(done.at))"
            return
        }
        do {
            let mark = try escalate(id)
            escalated[id] = mark
            rebuildTable()
            notice = "\(id) escalated by \(mark.user) at \(mark.at); saved as a decision"
        } catch {
            notice = "\(id) was not escalated: \(error)"
        }
    }

    mutating func handleDetail(_ action: Action, body: Rect) -> Bool {
        guard let row = detailRow else { return false }
        let area = layout(body).detail.inset(dx: 2, dy: 1)
        switch action {
        case .back:
            detailRow = nil
        case .custom("escalate"):
            escalateSelected()
        case .moveUp, .moveDown, .pageUp, .pageDown, .first, .last:
            let total = TextView.wrap(detailLines(row), width: area.width).count
            _ = detailScroll.handle(action, total: total, page: area.height)
        default:
            break
        }
        return true
    }

    /// The wheel scrolls the queue; a click selects a row or focuses the slider under it.
    public mutating func handleMouse(_ event: MouseEvent, body: Rect) -> Bool {
        guard detailRow == nil, replay == nil else { return false }
        let l = layout(body)
        let page = TableView.pageSize(in: l.table, state: table)
        switch event.kind {
        case .wheelUp: table.scroll(by: -3, pageSize: page)
        case .wheelDown: table.scroll(by: 3, pageSize: page)
        case .press:
            if l.table.contains(x: event.x, y: event.y), let row = TableView.visibleRow(at: event.y, in: l.table, state: table) {
                table.select(visibleRow: row, pageSize: page)
                focus.focus(.queue)
            } else if l.slider.contains(x: event.x, y: event.y) {
                focus.focus(.capacity)
            } else if l.cost.contains(x: event.x, y: event.y) {
                focus.focus(.cost)
            } else if l.effectiveness.contains(x: event.x, y: event.y) {
                focus.focus(.effectiveness)
            } else {
                return false
            }
        }
        return true
    }

    public var isBusy: Bool { replay?.isRunning == true || follow != nil }

    public mutating func poll() { replay?.poll(); pollFollow() }

    public var statusMessage: String? {
        notice ?? capacity.entryError ?? cost.entryError ?? effectiveness.entryError ?? followStatus
    }
}
