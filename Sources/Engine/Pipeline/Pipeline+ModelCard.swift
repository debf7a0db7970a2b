import Foundation
import Core
import Learning
import Sales

/// The run's model cards as artifacts: `model_card.txt` (the layout `opsdeck model fit`
/// prints, read by the Models screen) and `model_card.json` (the cards for machines).
extension Pipeline {
    public static let modelCardText = "model_card.txt"
    public static let modelCardJSON = "model_card.json"

    package static func modelCardArtifacts(_ scores: ModelScores) -> [String: [UInt8]] {
        guard !scores.cards.isEmpty else { return [:] }
        let text = scores.cards.map { ModelCardText.lines($0).joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
        let json = "[" + scores.cards.map { $0.json() }.joined(separator: ",\n") + "]\n"
        return [modelCardText: Array(text.utf8), modelCardJSON: Array(json.utf8)]
    }
}
