import Core
/// Versioned little-endian bytes for the other fitted models (forest, isolation forest,
/// logistic regression), in the same style as `GradientBoostingModel.serialized()`.
extension RandomForestModel {
    public func serialized() -> [UInt8] {
        var w = ByteWriter()
        w.magic("ODRF"); w.u32(1)
        schema.write(to: &w)
        ensemble.write(to: &w)
        return w.bytes
    }

    public init(serialized bytes: [UInt8]) throws {
        var r = ByteReader(bytes)
        try r.expectMagic("ODRF")
        guard try r.u32() == 1 else { throw LearningError.invalidModelBytes("unknown version") }
        let schema = try FrameSchema.read(from: &r)
        let ensemble = try TreeEnsemble.read(from: &r, schema: schema)
        guard r.isAtEnd else { throw LearningError.invalidModelBytes("trailing bytes") }
        self.init(schema: schema, ensemble: ensemble)
    }
}

extension IsolationForestModel {
    public func serialized() -> [UInt8] {
        var w = ByteWriter()
        w.magic("ODIF"); w.u32(1)
        schema.write(to: &w)
        w.u32s(medians.map(\.bitPattern))
        w.int(sampleSize)
        w.f64(threshold ?? .nan)
        w.i32s(forest.roots); w.i32s(forest.depth); w.i32s(forest.feature)
        w.u32s(forest.split.map(\.bitPattern)); w.i32s(forest.left); w.u32s(forest.value.map(\.bitPattern))
        return w.bytes
    }

    public init(serialized bytes: [UInt8]) throws {
        var r = ByteReader(bytes)
        try r.expectMagic("ODIF")
        guard try r.u32() == 1 else { throw LearningError.invalidModelBytes("unknown version") }
        let schema = try FrameSchema.read(from: &r)
        let medians = try r.u32s().map(Float.init(bitPattern:))
        let sampleSize = try r.int()
        let t = try r.f64()
        var f = FlatIsolationTrees()
        f.roots = try r.i32s(); f.depth = try r.i32s(); f.feature = try r.i32s()
        f.split = try r.u32s().map(Float.init(bitPattern:)); f.left = try r.i32s()
        f.value = try r.u32s().map(Float.init(bitPattern:))
        guard r.isAtEnd else { throw LearningError.invalidModelBytes("trailing bytes") }
        let n = f.feature.count
        guard medians.count == schema.count, sampleSize >= 2, f.roots.count == f.depth.count,
              [f.split.count, f.left.count, f.value.count].allSatisfy({ $0 == n }),
              f.roots.allSatisfy({ $0 >= 0 && Int($0) < n }),
              f.feature.allSatisfy({ $0 >= 0 && Int($0) < schema.count }),
              f.left.allSatisfy({ $0 >= 0 && Int($0) < n }),
              f.depth.allSatisfy({ $0 >= 0 && $0 <= 64 })
        else { throw LearningError.invalidModelBytes("inconsistent isolation trees") }
        for i in 0..<n where f.split[i] != .infinity && Int(f.left[i]) + 1 >= n {
            throw LearningError.invalidModelBytes("bad node \(i)")
        }
        self.init(schema: schema, medians: medians, sampleSize: sampleSize, forest: f, threshold: t.isNaN ? nil : t)
    }
}

extension LogisticRegressionModel {
    public func serialized() -> [UInt8] {
        var w = ByteWriter()
        w.magic("ODLR"); w.u32(1)
        schema.write(to: &w)
        w.doubles(encoding.means); w.doubles(encoding.scales)
        w.i32s(encoding.starts.map { Int32($0) }); w.int(encoding.width)
        w.doubles(weights)
        return w.bytes
    }

    public init(serialized bytes: [UInt8]) throws {
        var r = ByteReader(bytes)
        try r.expectMagic("ODLR")
        guard try r.u32() == 1 else { throw LearningError.invalidModelBytes("unknown version") }
        let schema = try FrameSchema.read(from: &r)
        var e = LinearEncoding(FeatureFrame(rowCount: 0))
        e.means = try r.doubles(); e.scales = try r.doubles()
        e.starts = try r.i32s().map(Int.init); e.width = try r.int()
        let weights = try r.doubles()
        // The layout must be exactly the one the schema implies (one column per number, one
        // per label): out-of-order starts made an inverted range in `contributions`.
        var starts: [Int] = [], width = 0
        for labels in schema.categoryLabels { starts.append(width); width += labels?.count ?? 1 }
        guard r.isAtEnd, e.means.count == schema.count, e.scales.count == schema.count, e.starts == starts,
              e.width == width, weights.count == e.width + 1
        else { throw LearningError.invalidModelBytes("inconsistent logistic model") }
        self.init(schema: schema, encoding: e, weights: weights)
    }
}
