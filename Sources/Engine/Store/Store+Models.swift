import Foundation
import Core
import Learning

/// A saved model as listed: its name, when, what it predicts and how well.
public struct SavedModel: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var createdAt: String
    public var card: ModelCard
    public var bytes: [UInt8]
}

extension Store {
    /// Saves (or replaces) the model called `name` with its card, and notes it in the audit log.
    @discardableResult
    public func saveModel(name: String, card: ModelCard, bytes: [UInt8], user: String) throws(StoreError) -> Int64 {
        var card = card
        card.name = name
        let json = card.json(pretty: false)
        return try write("saving model \(name)") { s in
            let replaced = try s.execute("DELETE FROM model WHERE name = ?", name)
            let id = try s.insertReturningId("""
                INSERT INTO model (name, created_at, task, family, target, card, data) VALUES (?,?,?,?,?,?,?)
                """, name, card.createdAt, card.target.task.rawValue, card.selection.chosen.family.rawValue,
                card.target.column, json, bytes)
            try s.execute("INSERT INTO audit_log (at, \"user\", event, detail) VALUES (?,?,?,?)",
                          WallClock.text(), user, replaced > 0 ? "model replaced" : "model saved", name)
            return id
        }
    }

    /// Saved models, by name.
    public func models() throws(StoreError) -> [SavedModel] {
        let rows = try read("listing models") { s in try s.rows("SELECT * FROM model ORDER BY name") }
        var out: [SavedModel] = []
        for r in rows { out.append(try Self.model(r)) }
        return out
    }

    public func model(named name: String) throws(StoreError) -> SavedModel? {
        let row = try read("loading model \(name)") { s in try s.row("SELECT * FROM model WHERE name = ?", name) }
        return try row.map { r throws(StoreError) in try Self.model(r) }
    }

    private static func model(_ r: SQLRow) throws(StoreError) -> SavedModel {
        let name = try r.string("name")
        let card: ModelCard
        do { card = try ModelCard(json: try r.string("card")) } catch {
            throw StoreError("model \(name) has an unreadable card: \(error)")
        }
        return SavedModel(id: try r.int64("id"), name: name, createdAt: try r.string("created_at"), card: card, bytes: try r.bytes("data"))
    }
}
