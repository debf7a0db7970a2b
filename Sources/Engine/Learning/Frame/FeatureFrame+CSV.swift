import Core
/// Writes a frame (plus extra numeric columns such as targets) as CSV: numbers in their
/// shortest round-trip form, categories as labels, missing values as empty cells.
extension FeatureFrame {
    public func csv(extra: [(name: String, values: [Double])] = []) -> String {
        func quote(_ s: String) -> String {
            s.contains(",") || s.contains("\"") || s.contains("\n")
                ? "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" : s
        }
        var out = (names + extra.map(\.name)).map(quote).joined(separator: ",") + "\n"
        out.reserveCapacity(rowCount * (columnCount + extra.count) * 8)
        for r in 0..<rowCount {
            var cells: [String] = []
            for col in columns {
                switch col {
                case .numeric(let v): cells.append(v[r].isNaN ? "" : String(describing: v[r]))
                case .categorical(let c, let l): cells.append(c[r] >= 0 ? quote(l[Int(c[r])]) : "")
                }
            }
            for e in extra { cells.append(e.values[r].isNaN ? "" : String(describing: e.values[r])) }
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }
}
