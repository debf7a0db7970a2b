import Testing
import Core
import Learning
import Store

@Suite struct ModelStoreTests {
    @Test func savesListsAndReplacesModels() throws {
        let store = try Store.inMemory()
        var o = TabularOptions(target: "churn")
        o.id = "id"
        let data = try TabularDataset(RawTable(text: TabularFitTests.table(rows: 120)), options: o)
        let fit = try TabularFit.fit(data, family: .logistic, seed: 2, folds: 3, threads: 1)
        try store.saveModel(name: "churn", card: fit.card, bytes: fit.model.serialized(), user: "test")
        try store.saveModel(name: "churn", card: fit.card, bytes: fit.model.serialized(), user: "test")
        try store.saveModel(name: "other", card: fit.card, bytes: fit.model.serialized(), user: "test")
        let list = try store.models()
        #expect(list.map(\.name) == ["churn", "other"])
        let saved = try #require(try store.model(named: "churn"))
        #expect(saved.card.name == "churn" && saved.card.selection == fit.card.selection)
        #expect(try TabularModel(serialized: saved.bytes).family == .logistic)
        #expect(try store.model(named: "nope") == nil)
    }
}
