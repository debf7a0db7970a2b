import Engine

/// The model card as text for a terminal: Engine's one layout (shared with the pipeline's
/// run artifact), plus the number and table helpers the model commands print with.
package enum ModelReport {
    package static func lines(_ c: ModelCard) -> [String] { ModelCardText.lines(c) }

    package static func fixed(_ v: Double?, _ digits: Int) -> String { ModelCardText.fixed(v, digits) }

    package static func table(_ rows: [[String]]) -> [String] { ModelCardText.table(rows) }
}
