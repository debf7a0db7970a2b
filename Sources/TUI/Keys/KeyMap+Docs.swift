import Foundation

extension KeyMap {
    /// Lines of the `?` help: one heading per scope, then "keys  description".
    public func helpLines() -> [String] {
        var lines: [String] = []
        let keyWidth = min(24, bindings.map { $0.keyText.cellWidth }.max() ?? 8)
        for scope in scopesInOrder {
            if !lines.isEmpty { lines.append("") }
            lines.append(scope.title)
            for b in bindings where b.scope == scope {
                lines.append("  " + b.keyText.padded(toCells: keyWidth) + "  " + b.description)
            }
        }
        lines.append("")
        lines.append("Mouse")
        lines.append("  " + "wheel".padded(toCells: keyWidth) + "  Scroll the list or help under the pointer")
        lines.append("  " + "click".padded(toCells: keyWidth) + "  Choose a tab or a row")
        return lines
    }

    /// docs/keys.md, generated: a test compares it with the file in the repository.
    public func markdown() -> String {
        var out = "# OpsDeck keys\n\n"
        out += "Generated from the binding table (`Sources/TUI/Keys/KeyMap+Standard.swift`) by\n"
        out += "`KeyMap.markdown()`; `swift test` fails when this file is out of date\n"
        out += "(re-record with `OPSDECK_RECORD=1 swift test --filter KeyMapTests`).\n"
        for scope in scopesInOrder {
            out += "\n## \(scope.title)\n\n| key | action | does |\n| --- | --- | --- |\n"
            for b in bindings where b.scope == scope {
                let keys = b.keyLabel.map { "`\($0)`" } ?? b.keys.map { "`\($0.name)`" }.joined(separator: " / ")
                out += "| \(keys) | \(escape(b.label)) | \(escape(b.description)) |\n"
            }
        }
        out += "\n## Mouse\n\nWhen the terminal sends mouse events: the wheel scrolls the list or help under\n"
        out += "the pointer; a click on a tab opens that screen; a click on a row selects it.\n"
        return out
    }

    private func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|")
    }
}
