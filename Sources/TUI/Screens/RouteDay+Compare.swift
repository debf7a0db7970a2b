import Engine

extension RouteDay {
    /// The distance-only plan beside the NBA-aware one: the week's totals, the high-NBA
    /// accounts only one plan visits, then the shown day's distance-only stops with the day
    /// the NBA-aware plan visits each (`x`: never) and `*` on high-NBA accounts.
    func drawDistanceOnly(_ rr: RepRoutes, stops: [RouteStop], distance: [RouteStop], customers: CustomersModel,
                          into canvas: inout Canvas, in box: Rect) {
        let inner = canvas.drawBox(box, title: "NBA-aware vs distance-only")
        var lines: [(String, Role)] = []
        if let c = rr.comparison {
            lines += [
                ("week (\(c.candidates) candidates, more than fit)", .muted),
                ("              NBA-aware  distance-only", .muted),
                ("visits        " + pad(String(c.visitsNBA), 9) + "  " + pad(String(c.visitsDistance), 13), .mainFg),
                ("high-NBA      " + pad(String(c.highNBAVisitsNBA), 9) + "  " + pad(String(c.highNBAVisitsDistance), 13), .mainFg),
                ("km            " + pad(fixed(c.kmNBA, 1), 9) + "  " + pad(fixed(c.kmDistance, 1), 13), .mainFg),
            ]
        } else {
            lines.append(("The run saved no comparison for this rep.", .muted))
        }
        // The plans spread the week's visits over the days differently: compare accounts over the week.
        let nbaDay = rr.dayOfAccount(inDistanceOnly: false), distanceDay = rr.dayOfAccount(inDistanceOnly: true)
        let onlyNBA = rr.days.joined().filter { $0.isHighNBA && distanceDay[$0.account] == nil }.count
        let onlyDistance = rr.distanceDays.joined().filter { $0.isHighNBA && nbaDay[$0.account] == nil }.count
        lines.append(("high-NBA only in NBA-aware \(onlyNBA) · only in dist.-only \(onlyDistance)", .title))
        lines.append(("day \(day + 1) dist.-only stops (* high NBA; NBA-aware day, x: never)", .muted))
        for (k, line) in lines.enumerated() where k < inner.height {
            canvas.write(line.0, x: inner.x + 1, y: inner.y + k, style: CellStyle(fg: line.1), maxX: inner.maxX)
        }
        var y = inner.y + lines.count
        if distance.isEmpty, y < inner.maxY {
            canvas.write("no stops this day", x: inner.x + 1, y: y, style: CellStyle(fg: .muted), maxX: inner.maxX)
        }
        for s in distance where y < inner.maxY {
            let mark = (s.isHighNBA ? "*" : " ") + (nbaDay[s.account].map { "d\($0 + 1)" } ?? "x")
            let text = pad(String(s.sequence), 2) + " " + clock(s.arrivalMinute) + " " + customers.customers[s.account].id
                + " p" + String(Int((s.nbaPercentile * 100).rounded())) + " " + mark
            canvas.write(text, x: inner.x + 1, y: y, style: CellStyle(fg: s.isHighNBA ? .savingsPositive : .mainFg), maxX: inner.maxX)
            y += 1
        }
    }
}
