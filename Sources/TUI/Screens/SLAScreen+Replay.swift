import Engine

/// The "Policy replay" panel: `P` prices the proposed policy file against the current one on
/// the run's tickets (`PolicyReplay`, through the executable's `SLAReplaySource`) as a
/// background job, then shows the same side-by-side figures as `opsdeck sla replay`. It
/// covers the sliders and the queue; the tiles above stay the current policy's. `Esc` closes it.
extension SLAScreen {
    static let replayAction = Action.custom("replay-policy")

    /// Starts (or restarts, re-reading the file) the replay.
    mutating func openReplay() {
        guard let replaySource else { return }
        replay = SLAReplayPanel(replaySource)
    }

    mutating func handleReplay(_ action: Action, body: Rect) -> Bool {
        guard var panel = replay else { return false }
        switch action {
        case .back:
            replay = nil
            return true
        case Self.replayAction:
            if !panel.isRunning { openReplay() }
            return true
        case .moveUp, .moveDown, .pageUp, .pageDown, .first, .last:
            let area = replayRect(body).inset(dx: 2, dy: 1)
            let total = TextView.wrap(panel.lines(), width: area.width).count
            _ = panel.scroll.handle(action, total: total, page: area.height)
            replay = panel
            return true
        default:
            // Screen keys are refused while it is open (`availability`); tabs, help and quit stay the app's.
            return false
        }
    }

    /// Under the tiles, the full width down to the bottom of the body.
    func replayRect(_ body: Rect) -> Rect {
        let inner = body.inset(dx: 1, dy: 1), top = layout(body).slider.y
        return Rect(x: inner.x, y: top, width: inner.width, height: max(0, inner.maxY - top))
    }

    func drawReplay(_ panel: SLAReplayPanel, into canvas: inout Canvas, in body: Rect) {
        let box = canvas.drawBox(replayRect(body), title: "Policy replay · \(SLAReplayPanel.fileName(panel.path)) vs current · Esc close",
                                 focused: true)
        TextView.draw(panel.lines(), state: panel.scroll, into: &canvas, in: box.inset(dx: 1, dy: 0))
    }
}
