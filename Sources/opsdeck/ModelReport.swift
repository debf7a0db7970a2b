import Engine
import Foundation

/// The model card as text for a terminal.
enum ModelReport {
    static func lines(_ c: ModelCard) -> [String] {
        var out: [String] = []
        out.append("model card\(c.name.map { " \"\($0)\"" } ?? "") · \(c.source) · \(c.createdAt)")
        out.append("")
        out.append("rows: \(c.rows.inFile) in file → \(c.rows.train) train, \(c.rows.test) test")
        out.append("  holdout: \(c.holdoutRule)")
        for (why, n) in c.rows.leftOut.sorted(by: { $0.key < $1.key }) { out.append("  left out: \(n) (\(why))") }
        let t = c.target
        if t.task == .classification {
            out.append("target: \(t.column), classification; positive class \"\(t.positive ?? "")\" "
                       + "vs \"\(t.negative ?? "")\" (\(t.positiveReason ?? ""); override with --positive)")
        } else {
            out.append("target: \(t.column), regression")
        }
        out.append("")
        out.append("features used (\(c.schema.features.count)):")
        var rows: [[String]] = []
        for f in c.schema.features {
            var kind = f.kind.rawValue
            if f.kind == .categorical { kind += " (\(f.labels.count) labels)" }
            if f.kind == .date, let d = c.schema.asOfDay { kind += " → age in days before \(CivilDate.format(days: d))" }
            rows.append(["  " + f.name, kind, f.note ?? ""])
        }
        out += table(rows)
        if !c.excluded.isEmpty {
            out.append("columns left out:")
            out += table(c.excluded.map { ["  " + $0.name, $0.reason] })
        }
        out.append("")
        let s = c.selection
        out.append("model: \(s.chosen.summary)")
        out.append("  chosen by \(s.folds)-fold cross-validation on the training rows (out-of-fold \(s.metric)):")
        if s.chosen.family == .gbm { out.append("  (refitted at half the learning rate with twice the trees)") }
        for cand in s.candidates {
            let mark = cand.settings.family == s.chosen.family && sameKnobs(cand.settings, s.chosen) ? "→" : " "
            out.append("   \(mark) \(fixed(cand.score, 4))  \(cand.settings.summary)")
        }
        out.append("")
        let m = c.metrics
        if t.task == .classification {
            out.append("test (\(c.rows.test) rows, positive rate \(fixed(m.positiveRate, 3))): AUC \(fixed(m.auc, 4)) · "
                       + "average precision \(fixed(m.averagePrecision, 4)) · log-loss \(fixed(m.logLoss, 4)) · ECE \(fixed(m.ece, 4))")
        } else {
            out.append("test (\(c.rows.test) rows): RMSE \(fixed(m.rmse, 4)) · MAE \(fixed(m.mae, 4)) · R² \(fixed(m.r2, 4))")
        }
        out.append("top drivers (share of mean |contribution| on test rows):")
        out += table(c.drivers.prefix(10).map { ["  " + $0.feature, fixed($0.share * 100, 1) + "%"] })
        if let secs = c.fitSeconds { out.append(""); out.append("fit time (selection included): \(fixed(secs, 2)) s") }
        return out
    }

    /// The candidate the refit came from (the refit changes boosting's trees and learning rate).
    static func sameKnobs(_ a: TabularSettings, _ b: TabularSettings) -> Bool {
        a.numLeaves == b.numLeaves && a.l2 == b.l2 && a.minDataInLeaf == b.minDataInLeaf
    }

    static func fixed(_ v: Double?, _ digits: Int) -> String {
        guard let v, v.isFinite else { return "n/a" }
        return String(format: "%.\(digits)f", v)
    }

    /// Left-aligned columns, two spaces apart.
    static func table(_ rows: [[String]]) -> [String] {
        guard let width = rows.map(\.count).max() else { return [] }
        let w = (0..<width).map { j in rows.map { j < $0.count ? $0[j].count : 0 }.max() ?? 0 }
        return rows.map { r in
            var line = r.enumerated().map { j, cell in
                j == r.count - 1 ? cell : cell.padding(toLength: w[j], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}
