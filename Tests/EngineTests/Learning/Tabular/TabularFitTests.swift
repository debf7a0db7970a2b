import Testing
import Core
import Learning

@Suite struct TabularFitTests {
    /// A small churn-like table: the target depends on `calls` and `plan`.
    static func table(rows n: Int = 240, seed: UInt64 = 3) -> String {
        var rng = SeededRNG(seed: seed)
        var text = "id,calls,plan,spend,churn\n"
        for i in 0..<n {
            let calls = rng.int(below: 8)
            let plan = ["basic", "pro", "team"][rng.int(below: 3)]
            let spend = rng.uniform() * 100
            let z = Double(calls) - 4 + (plan == "basic" ? 1.5 : -0.5) + rng.normal()
            text += "A\(i),\(calls),\(plan),\(String(format: "%.2f", spend)),\(z > 0 ? "Yes" : "No")\n"
        }
        return text
    }

    static func dataset(_ text: String) throws -> TabularDataset {
        var o = TabularOptions(target: "churn")
        o.id = "id"
        return try TabularDataset(RawTable(text: text, name: "t.csv"), options: o)
    }

    @Test func holdoutPicksEveryFifthRowFromZero() {
        let split = TabularFit.holdout(rowCount: 23)
        #expect(split.test == [0, 5, 10, 15, 20])
        #expect(split.train.count == 18 && !split.train.contains(where: { $0 % 5 == 0 }))
    }

    @Test func fitReportsHoldoutMetricsAndDrivers() throws {
        let result = try TabularFit.fit(Self.dataset(Self.table()), seed: 1, folds: 3, threads: 1)
        let card = result.card
        #expect(card.rows.inFile == 240 && card.rows.test == 48 && card.rows.train == 192)
        #expect(card.target.positive == "Yes")
        #expect(card.selection.candidates.count == ModelSelector(task: .classification, families: TabularFit.autoFamilies).candidates.count)
        let auc = try #require(card.metrics.auc)
        #expect(auc > 0.8)
        #expect(card.metrics.logLoss != nil && card.metrics.ece != nil && card.metrics.averagePrecision != nil)
        #expect(Set(card.drivers.prefix(2).map(\.feature)) == ["calls", "plan"])
        // The model card survives JSON, and the model its bytes.
        #expect(try ModelCard(json: card.json()) == card)
        let back = try TabularModel(serialized: result.model.serialized())
        let frame = try Self.dataset(Self.table()).frame
        #expect(try back.predict(frame) == result.model.predict(frame))
    }

    /// The selector only ever receives the training rows: rewriting every test row (features
    /// and target) leaves the cross-validation scores, the choice and the fitted model as they were.
    @Test func autoNeverReadsTestRows() throws {
        let clean = try Self.dataset(Self.table())
        var poisoned = clean
        var rng = SeededRNG(seed: 99)
        for r in TabularFit.holdout(rowCount: clean.frame.rowCount).test {
            poisoned.labels[r] = 1 - clean.labels[r]
            poisoned.frame = poisoned.frame.replacing(row: r, numeric: Float(rng.uniform() * 1000))
        }
        let a = try TabularFit.fit(clean, seed: 5, folds: 3, threads: 1)
        let b = try TabularFit.fit(poisoned, seed: 5, folds: 3, threads: 1)
        #expect(a.card.selection == b.card.selection)
        #expect(a.model.serialized() == b.model.serialized())
        #expect(a.card.metrics != b.card.metrics)  // the test rows did change
    }

    @Test func scoringNamesMissingColumnsAndUnseenCategories() throws {
        let data = try Self.dataset(Self.table())
        let schema = data.schema
        let missing = "id,plan\nB1,pro\n"
        #expect(throws: TabularError.missingColumns(["calls", "spend"], file: "new.csv")) {
            try TabularScoringInput(RawTable(text: missing, name: "new.csv"), schema: schema)
        }
        let unseen = "spend,plan,calls,id\n10,enterprise,3,B1\n20,pro,n/a,B2\n30,pro,lots,B3\n"
        let input = try TabularScoringInput(RawTable(text: unseen, name: "new.csv"), schema: schema)
        #expect(input.frame.names == ["calls", "plan", "spend"])
        #expect(input.ids == ["B1", "B2", "B3"])
        #expect(input.notes.count == 2)
        #expect(input.notes.contains { $0.hasPrefix("plan: 1 row with a category the model never saw (enterprise)") })
        #expect(input.notes.contains { $0.hasPrefix("calls: 1 cell not readable as numeric") })
        let result = try TabularFit.fit(data, family: .gbm, seed: 1, folds: 3, threads: 1)
        let c = try result.model.contributions(input.frame)
        #expect(c.rowCount == 3 && c.topReasons(row: 0, count: 3).count == 3)
    }

    @Test func rowsWithoutTargetAreLeftOutAndCounted() throws {
        var lines = Self.table(rows: 100).split(separator: "\n").map(String.init)
        for i in [3, 4, 7] { lines[i] = lines[i].replacingLastField(with: "") }  // file rows 2, 3, 6
        let result = try TabularFit.fit(Self.dataset(lines.joined(separator: "\n") + "\n"), family: .logistic, threads: 1)
        #expect(result.card.rows.leftOut == ["no target value": 3])
        #expect(result.card.rows.train == 77 && result.card.rows.test == 20)
    }

    @Test func regressionReportsErrorMetrics() throws {
        var rng = SeededRNG(seed: 4)
        var text = "size,region,value\n"
        for _ in 0..<150 {
            let size = rng.uniform() * 10, region = rng.int(below: 3)
            text += "\(size),r\(region),\(3 * size + Double(region) * 5 + rng.normal())\n"
        }
        let data = try TabularDataset(RawTable(text: text), options: TabularOptions(target: "value"))
        #expect(data.target.task == .regression)
        let card = try TabularFit.fit(data, threads: 1).card
        #expect(card.selection.metric == "RMSE" && card.selection.chosen.family == .gbm)
        #expect((card.metrics.r2 ?? 0) > 0.8 && card.metrics.rmse != nil && card.metrics.mae != nil && card.metrics.auc == nil)
        #expect(throws: TabularError.self) { try TabularFit.fit(data, family: .logistic, threads: 1) }
    }

    @Test func oneClassAmongTrainingRowsIsAClearError() throws {
        // Both classes exist, but the only "yes" rows are test rows (0, 5, 10, …).
        var text = "x,churn\n"
        for i in 0..<40 { text += "\(i % 7),\(i % 5 == 0 ? "yes" : "no")\n" }
        let data = try TabularDataset(RawTable(text: text), options: TabularOptions(target: "churn"))
        #expect(throws: TabularError.oneClassTarget(column: "churn", value: "only one class among the training rows")) {
            try TabularFit.fit(data, threads: 1)
        }
    }
}

extension String {
    func replacingLastField(with value: String) -> String {
        guard let comma = lastIndex(of: ",") else { return self }
        return String(self[...comma]) + value
    }
}

extension FeatureFrame {
    /// The frame with every numeric cell of `row` set to `value` and every category to missing.
    func replacing(row r: Int, numeric value: Float) -> FeatureFrame {
        var out = self
        out.columns = columns.map { col in
            switch col {
            case .numeric(var v): v[r] = value; return .numeric(v)
            case .categorical(var c, let l): c[r] = -1; return .categorical(codes: c, labels: l)
            }
        }
        return out
    }
}
