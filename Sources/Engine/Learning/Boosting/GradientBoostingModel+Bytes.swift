import Core
/// Versioned binary form (`ODGB`, version 1, little-endian), for storing a model in
/// SQLite and for checking that the same seed gives the same model, byte for byte.
extension GradientBoostingModel {
    package static let formatVersion: UInt32 = 1

    public func serialized() -> [UInt8] {
        var w = ByteWriter()
        w.magic("ODGB")
        w.u32(Self.formatVersion)
        w.u8(task.rawValue)
        let c = config
        for v in [c.trees, c.numLeaves, c.maxDepth, c.minDataInLeaf, c.earlyStoppingRounds, c.threads, c.maxBins,
                  c.maxCatToOneHot, c.maxCatThreshold, c.minDataPerGroup] { w.int(v) }
        for v in [c.learningRate, c.minHessian, c.lambdaL2, c.minGainToSplit, c.rowSubsample, c.featureSubsample,
                  c.catSmooth, c.catL2] { w.f64(v) }
        w.u64(c.seed)
        w.u8(c.growth.rawValue)
        schema.write(to: &w)
        w.f64(initScore)
        w.int(bestIteration ?? -1)
        ensemble.write(to: &w)
        return w.bytes
    }

    public init(serialized bytes: [UInt8]) throws {
        var r = ByteReader(bytes)
        try r.expectMagic("ODGB")
        let version = try r.u32()
        guard version == Self.formatVersion else { throw LearningError.invalidModelBytes("unknown version \(version)") }
        guard let task = BoostingTask(rawValue: try r.u8()) else { throw LearningError.invalidModelBytes("unknown task") }
        var c = GradientBoostingConfig()
        c.trees = try r.int(); c.numLeaves = try r.int(); c.maxDepth = try r.int(); c.minDataInLeaf = try r.int()
        c.earlyStoppingRounds = try r.int(); c.threads = try r.int(); c.maxBins = try r.int()
        c.maxCatToOneHot = try r.int(); c.maxCatThreshold = try r.int(); c.minDataPerGroup = try r.int()
        c.learningRate = try r.f64(); c.minHessian = try r.f64(); c.lambdaL2 = try r.f64()
        c.minGainToSplit = try r.f64(); c.rowSubsample = try r.f64(); c.featureSubsample = try r.f64()
        c.catSmooth = try r.f64(); c.catL2 = try r.f64()
        c.seed = try r.u64()
        guard let g = GradientBoostingConfig.Growth(rawValue: try r.u8()) else {
            throw LearningError.invalidModelBytes("unknown growth")
        }
        c.growth = g
        let schema = try FrameSchema.read(from: &r)
        let initScore = try r.f64()
        let best = try r.int()
        let ensemble = try TreeEnsemble.read(from: &r, schema: schema)
        guard r.isAtEnd else { throw LearningError.invalidModelBytes("trailing bytes") }
        self.init(task: task, config: c, schema: schema, initScore: initScore, ensemble: ensemble,
                  bestIteration: best >= 0 ? best : nil)
    }
}
