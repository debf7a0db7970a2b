import Engine
import Foundation

/// `opsdeck export model-cards`: the run's churn and value model cards as one long table
/// (model, section, item, value), so what the Models screen's card view shows can be had
/// without a terminal. `model_card.json` in the store holds the same cards whole.
enum ModelCardExport {
    static var producers: [(String, ExportRegistry.Producer)] { [("model-cards", { @Sendable ctx in try table(ctx) })] }

    static func table(_ ctx: ExportContext) throws -> DataTable {
        var t = DataTable(columns: ["model", "section", "item", "value"])
        guard let json = try ctx.store.artifact(run: ctx.run.id, name: Pipeline.modelCardJSON) else { return t }
        let cards: [ModelCard]
        do { cards = try JSONDecoder().decode([ModelCard].self, from: Data(json)) } catch {
            throw CLIError("run \(ctx.run.id) holds an unreadable \(Pipeline.modelCardJSON): \(error)")
        }
        for c in cards {
            let name = c.name ?? c.target.column
            func add(_ section: String, _ item: String, _ value: String) { t.append([name, section, item, value]) }
            add("data", "date", c.createdAt)
            add("data", "rows", String(c.rows.inFile))
            add("data", "rows with the target", String(c.rows.train))
            add("data", "evaluation", c.holdoutRule)
            add("target", c.target.column, c.target.task.rawValue)
            add("settings", "model", c.selection.chosen.summary)
            let m = c.metrics
            for (k, v) in [("auc", m.auc), ("average_precision", m.averagePrecision), ("log_loss", m.logLoss), ("ece", m.ece),
                           ("positive_rate", m.positiveRate), ("rmse", m.rmse), ("mae", m.mae), ("r2", m.r2)] {
                if let v { add("metric", k, ModelCardText.fixed(v, 6)) }
            }
            for d in c.drivers { add("driver", d.feature, ModelCardText.fixed(d.share, 6)) }
            for f in c.schema.features { add("feature", f.name, ([f.kind.rawValue] + (f.note.map { [$0] } ?? [])).joined(separator: "; ")) }
            for x in c.excluded { add("left out", x.name, x.reason) }
            for n in c.notes ?? [] { add("note", "", n) }
        }
        return t
    }
}
