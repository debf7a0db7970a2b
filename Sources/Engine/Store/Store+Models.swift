import Foundation
import GRDB
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
        return try write("saving model \(name)") { db in
            let replaced = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM model WHERE name = ?", arguments: [name]) ?? 0
            try db.execute(sql: "DELETE FROM model WHERE name = ?", arguments: [name])
            try db.execute(sql: """
                INSERT INTO model (name, created_at, task, family, target, card, data) VALUES (?,?,?,?,?,?,?)
                """, arguments: [name, card.createdAt, card.target.task.rawValue, card.selection.chosen.family.rawValue,
                                 card.target.column, json, Data(bytes)])
            let id = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO audit_log (at, user, event, detail) VALUES (?,?,?,?)",
                           arguments: [WallClock.text(), user, replaced > 0 ? "model replaced" : "model saved", name])
            return id
        }
    }

    /// Saved models, by name.
    public func models() throws(StoreError) -> [SavedModel] {
        let rows = try read("listing models") { db in try Row.fetchAll(db, sql: "SELECT * FROM model ORDER BY name") }
        var out: [SavedModel] = []
        for r in rows { out.append(try Self.model(r)) }
        return out
    }

    public func model(named name: String) throws(StoreError) -> SavedModel? {
        let row = try read("loading model \(name)") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM model WHERE name = ?", arguments: [name])
        }
        return try row.map { r throws(StoreError) in try Self.model(r) }
    }

    private static func model(_ r: Row) throws(StoreError) -> SavedModel {
        let name: String = r["name"]
        do {
            let card = try ModelCard(json: r["card"])
            return SavedModel(id: r["id"], name: name, createdAt: r["created_at"], card: card,
                              bytes: [UInt8]((r["data"] as Data?) ?? Data()))
        } catch {
            throw StoreError("model \(name) has an unreadable card: \(error)")
        }
    }
}
