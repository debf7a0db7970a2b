import Foundation

/// A numeric slider: `+`/`-` (and `<`/`>`, arrows) step, PgUp/PgDn take big steps,
/// Home/End jump to the ends, `#` starts typing a number. A marker shows a suggested
/// value (e.g. the capacity that maximises net savings).
public struct SliderState: Sendable {
    public let label: String
    public let minimum: Double
    public let maximum: Double
    public let step: Double
    public let bigStep: Double
    public let decimals: Int
    public let unit: String
    public private(set) var value: Double
    public var marker: Double?
    public var markerLabel: String
    /// The digits typed so far in direct entry; nil when not typing.
    public private(set) var entry: String?
    /// Why the last typed entry was refused, for the status line.
    public private(set) var entryError: String?

    public init(label: String, value: Double, minimum: Double, maximum: Double, step: Double = 1,
                bigStep: Double? = nil, decimals: Int = 0, unit: String = "",
                marker: Double? = nil, markerLabel: String = "suggested") {
        self.label = label
        self.minimum = min(minimum, maximum)
        self.maximum = max(minimum, maximum)
        self.step = step > 0 ? step : 1
        self.bigStep = bigStep ?? max(step, (maximum - minimum) / 10)
        self.decimals = max(0, decimals)
        self.unit = unit
        self.value = 0
        self.marker = marker
        self.markerLabel = markerLabel
        self.value = clamp(value)
    }

    public var scopes: [KeyScope] { entry != nil ? [.textEntry, .slider] : [.slider] }

    public func format(_ v: Double) -> String {
        String(format: "%.\(decimals)f", v) + (unit.isEmpty ? "" : " " + unit)
    }

    /// Sets the value, clamped to the range and snapped to the step grid.
    public mutating func set(_ v: Double) { value = clamp(v) }

    /// Returns true when the action changed or belonged to the slider.
    public mutating func handle(_ action: Action) -> Bool {
        if entry != nil {
            switch action {
            case .confirm: commitEntry()
            case .cancel, .back: entry = nil
            case .deleteBackward: if entry?.isEmpty == false { entry?.removeLast() }
            default: return false
            }
            return true
        }
        switch action {
        case .increase: set(value + step)
        case .decrease: set(value - step)
        case .bigIncrease: set(value + bigStep)
        case .bigDecrease: set(value - bigStep)
        case .minimum: set(minimum)
        case .maximum: set(maximum)
        case .enterValue:
            entry = ""
            entryError = nil
        default: return false
        }
        return true
    }

    /// A typed character during direct entry: digits, one decimal point, a leading minus.
    public mutating func type(_ character: Character) -> Bool {
        guard var text = entry else { return false }
        if character.isASCII, character.isNumber || (character == "." && !text.contains(".") && decimals > 0)
            || (character == "-" && text.isEmpty && minimum < 0) {
            text.append(character)
            entry = text
        }
        return true
    }

    private mutating func commitEntry() {
        guard let text = entry else { return }
        entry = nil
        guard let v = Double(text) else {
            entryError = text.isEmpty ? nil : "\"\(text)\" is not a number"
            return
        }
        if v < minimum || v > maximum {
            entryError = "\(label): \(text) is outside \(format(minimum))–\(format(maximum)); set to the nearest end"
        } else {
            entryError = nil
        }
        set(v)
    }

    private func clamp(_ v: Double) -> Double {
        let c = Swift.min(maximum, Swift.max(minimum, v))
        let snapped = minimum + ((c - minimum) / step).rounded() * step
        return Swift.min(maximum, Swift.max(minimum, snapped))
    }

    /// Position of `v` on a track of `width` cells.
    func cell(of v: Double, width: Int) -> Int {
        guard maximum > minimum, width > 1 else { return 0 }
        return Int(((v - minimum) / (maximum - minimum) * Double(width - 1)).rounded())
    }
}

/// Draws a slider: with two rows, the marker sits above the track; with one, on it.
public enum SliderView {
    public static func draw(_ slider: SliderState, into canvas: inout Canvas, in rect: Rect, focused: Bool = true) {
        guard rect.width > 10, rect.height > 0 else { return }
        let g = canvas.glyphs
        let y = rect.maxY - 1
        let labelStyle = CellStyle(fg: focused ? .title : .mainFg, attributes: focused ? .bold : [])
        let label = slider.label + " "
        let valueText: String
        let valueStyle: CellStyle
        if let entry = slider.entry {
            valueText = " [" + entry + "_]"
            valueStyle = CellStyle(fg: .hiFg, attributes: [.bold, .underline])
        } else {
            valueText = " " + slider.format(slider.value)
            valueStyle = CellStyle(fg: .hiFg, attributes: .bold)
        }
        let labelWidth = min(label.cellWidth, rect.width / 3)
        canvas.write(label.truncated(toCells: labelWidth, ellipsis: g.ellipsis), x: rect.x, y: y, style: labelStyle)
        let valueWidth = max(valueText.cellWidth, " ".cellWidth + slider.format(slider.maximum).cellWidth + 2)
        let trackX = rect.x + labelWidth
        let trackWidth = rect.width - labelWidth - valueWidth
        guard trackWidth >= 3 else { return }
        for i in 0..<trackWidth { canvas.put(g.horizontal, x: trackX + i, y: y, style: CellStyle(fg: .axis)) }
        let knob = slider.cell(of: slider.value, width: trackWidth)
        for i in 0..<knob { canvas.put(g.horizontal, x: trackX + i, y: y, style: CellStyle(fg: .chartLine, attributes: .bold)) }
        if let marker = slider.marker {
            let m = slider.cell(of: marker, width: trackWidth)
            let markerStyle = CellStyle(fg: .marker, attributes: .bold)
            if rect.height >= 2 {
                canvas.put(g.markerDown, x: trackX + m, y: y - 1, style: markerStyle)
                let note = slider.markerLabel + " " + slider.format(marker)
                let noteX = trackX + m + 2 + note.cellWidth <= rect.maxX ? trackX + m + 2 : trackX + m - 1 - note.cellWidth
                canvas.write(note, x: max(rect.x, noteX), y: y - 1, style: CellStyle(fg: .marker), maxX: rect.maxX)
            } else if m != knob {
                canvas.put(g.vertical, x: trackX + m, y: y, style: markerStyle)
            }
        }
        canvas.put(g.knob, x: trackX + knob, y: y, style: CellStyle(fg: .hiFg, attributes: .bold))
        canvas.write(valueText, x: trackX + trackWidth, y: y, style: valueStyle, maxX: rect.maxX)
    }
}
