import Core
/// The model card as plain text: one layout for `opsdeck model fit`, `model list` and the
/// pipeline's run artifact (and so the Models screen). Numbers are formatted without a
/// locale, so a card's text is the same bytes on every machine.
public enum ModelCardText {
    public static func lines(_ c: ModelCard) -> [String] {
        var out: [String] = []
        out.append("model card\(c.name.map { " \"\($0)\"" } ?? "") · \(c.source) · \(c.createdAt)")
        out.append("")
        if c.outOfFold == true {
            out.append("rows: \(c.rows.inFile) accounts → \(c.rows.train) with the target, each scored out of fold")
            out.append("  evaluation: \(c.holdoutRule)")
        } else {
            out.append("rows: \(c.rows.inFile) in file → \(c.rows.train) train, \(c.rows.test) test")
            out.append("  holdout: \(c.holdoutRule)")
        }
        for (why, n) in c.rows.leftOut.sorted(by: { $0.key < $1.key }) { out.append("  left out: \(n) (\(why))") }
        out += target(c.target)
        // How good first, then what it learnt from: a reader decides on the numbers.
        out.append("")
        out += selection(c.selection)
        out += metrics(c)
        out.append("")
        out.append("top drivers (\(c.driversBasis ?? "share of mean |contribution| on test rows")):")
        out += table(c.drivers.prefix(10).map { ["  " + $0.feature, fixed($0.share * 100, 1) + "%"] })
        out.append("")
        let dated = c.schema.features.contains { $0.kind == .date }
        let ages = c.schema.asOfDay.map { "; dates as age in days before \(CivilDate.format(days: $0))" } ?? ""
        out.append("features used (\(c.schema.features.count)\(dated ? ages : "")):")
        var rows: [[String]] = []
        for f in c.schema.features {
            var kind = f.kind.rawValue
            if f.kind == .categorical { kind += " (\(f.labels.count) labels)" }
            rows.append(["  " + f.name, kind, f.note ?? ""])
        }
        out += table(rows)
        if !c.excluded.isEmpty {
            out.append("columns left out:")
            out += table(c.excluded.map { ["  " + $0.name, $0.reason] })
        }
        if let notes = c.notes, !notes.isEmpty {
            out.append("")
            out += notes.map { "note: " + $0 }
        }
        if let secs = c.fitSeconds { out.append(""); out.append("fit time (selection included): \(fixed(secs, 2)) s") }
        return out
    }

    package static func target(_ t: TabularTarget) -> [String] {
        guard t.task == .classification else { return ["target: \(t.column), regression"] }
        let reason = t.positiveReason ?? ""
        // Only an inferred class can be overridden by the user; a fixed one just says why.
        let hint = reason.hasPrefix("inferred") ? "; override with --positive" : ""
        return ["target: \(t.column), classification; positive class \"\(t.positive ?? "")\" "
                + "vs \"\(t.negative ?? "")\" (\(reason)\(hint))"]
    }

    package static func selection(_ s: Selection) -> [String] {
        var out = ["model: \(s.chosen.summary)"]
        guard !s.candidates.isEmpty else {
            out.append("  settings fixed by the run's configuration; \(s.folds) folds")
            return out
        }
        out.append("  chosen by \(s.folds)-fold cross-validation on the training rows (out-of-fold \(s.metric)):")
        if s.chosen.family == .gbm { out.append("  (refitted at half the learning rate with twice the trees)") }
        for cand in s.candidates {
            let mark = cand.settings.family == s.chosen.family && sameKnobs(cand.settings, s.chosen) ? "→" : " "
            out.append("   \(mark) \(fixed(cand.score, 4))  \(cand.settings.summary)")
        }
        return out
    }

    package static func metrics(_ c: ModelCard) -> [String] {
        let m = c.metrics
        let scope = c.outOfFold == true ? "out of fold" : "test"
        if c.target.task == .classification {
            return ["\(scope) (\(c.rows.test) rows, positive rate \(fixed(m.positiveRate, 3))): AUC \(fixed(m.auc, 4)) · "
                    + "average precision \(fixed(m.averagePrecision, 4)) · log-loss \(fixed(m.logLoss, 4)) · ECE \(fixed(m.ece, 4))"]
        }
        return ["\(scope) (\(c.rows.test) rows): RMSE \(fixed(m.rmse, 4)) · MAE \(fixed(m.mae, 4)) · R² \(fixed(m.r2, 4))"]
    }

    /// The candidate the refit came from (the refit changes boosting's trees and learning rate).
    public static func sameKnobs(_ a: TabularSettings, _ b: TabularSettings) -> Bool {
        a.numLeaves == b.numLeaves && a.l2 == b.l2 && a.minDataInLeaf == b.minDataInLeaf
    }

    /// `digits` decimals, or "n/a" for a missing or non-finite value.
    public static func fixed(_ v: Double?, _ digits: Int) -> String {
        guard let v, v.isFinite else { return "n/a" }
        return fixedDecimal(v, digits)
    }

    /// Left-aligned columns, two spaces apart, no trailing spaces.
    public static func table(_ rows: [[String]]) -> [String] {
        guard let width = rows.map(\.count).max() else { return [] }
        let w = (0..<width).map { j in rows.map { j < $0.count ? $0[j].count : 0 }.max() ?? 0 }
        return rows.map { r in
            var line = r.enumerated().map { j, cell in
                j == r.count - 1 ? cell : cell + String(repeating: " ", count: max(0, w[j] - cell.count))
            }.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}
