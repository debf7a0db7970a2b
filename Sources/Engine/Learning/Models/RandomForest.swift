import Dispatch
import Core

/// Random forest classifier (Breiman): bootstrap rows, √F columns tried per node, trees
/// grown on the histogram learner with squared error on 0/1 labels (the same split
/// ordering as Gini for two classes), leaf value = weighted positive share. Optional
/// balanced class weights. Trees are built in parallel, each from its own seeded stream.
public struct RandomForest: Sendable {
    public var trees = 200
    public var maxLeaves = 256
    public var maxDepth = -1
    public var minSamplesLeaf = 1
    public var balancedClassWeights = false
    public var seed: UInt64 = 0
    public var threads = 1

    public init(trees: Int = 200, maxLeaves: Int = 256, minSamplesLeaf: Int = 1, balancedClassWeights: Bool = false,
                seed: UInt64 = 0, threads: Int = 1) {
        self.trees = trees
        self.maxLeaves = maxLeaves
        self.minSamplesLeaf = minSamplesLeaf
        self.balancedClassWeights = balancedClassWeights
        self.seed = seed
        self.threads = threads
    }

    public func fit(_ frame: FeatureFrame, labels y: [Double]) throws -> RandomForestModel {
        try Validate.binaryLabels(y, rows: frame.rowCount)
        guard trees >= 1, maxLeaves >= 2, minSamplesLeaf >= 1, threads >= 1 else {
            throw LearningError.invalidParameter("trees ≥ 1, maxLeaves ≥ 2, minSamplesLeaf ≥ 1, threads ≥ 1")
        }
        try HistogramTreeLearner.checkMemory(leaves: maxLeaves * threads, columns: frame.columnCount, maxBins: 255)
        let binned = try BinnedMatrix(frame: frame, seed: seed)
        let n = frame.rowCount, f = frame.columnCount
        let pos = y.reduce(0, +)
        let w1 = balancedClassWeights ? Double(n) / (2 * pos) : 1
        let w0 = balancedClassWeights ? Double(n) / (2 * (Double(n) - pos)) : 1
        var p = TreeParams()
        p.numLeaves = maxLeaves
        p.maxDepth = maxDepth
        p.minDataInLeaf = minSamplesLeaf
        p.minHessian = 0
        p.maxCatToOneHot = 4
        p.catSmooth = 1
        p.catL2 = 0
        p.minDataPerGroup = 1
        p.featureFractionByNode = max(1, Double(f).squareRoot().rounded()) / Double(f)
        let params = p
        let root = SeededRNG(seed: seed)
        let workers = min(threads, trees)
        let slots = ParallelSlots<GrownTree>(count: trees)
        let work: @Sendable (Int) -> Void = { w in
            let learner = HistogramTreeLearner(binned: binned, params: params)
            var gh = [SIMD2<Float>](repeating: .zero, count: n)
            for t in stride(from: w, to: trees, by: workers) {
                var rng = root.derived(UInt64(t))
                var counts = [Int32](repeating: 0, count: n)
                for _ in 0..<n { counts[rng.int(below: n)] += 1 }
                var bag: [Int32] = []
                for i in 0..<n where counts[i] > 0 {
                    bag.append(Int32(i))
                    let wgt = Double(counts[i]) * (y[i] == 1 ? w1 : w0)
                    gh[i] = SIMD2(Float(-wgt * y[i]), Float(wgt))
                }
                slots[t] = learner.grow(gh: gh, bag: bag, features: Array(0..<f), rng: &rng)
            }
        }
        if workers > 1 { DispatchQueue.concurrentPerform(iterations: workers, execute: work) } else { work(0) }
        var ensemble = TreeEnsemble()
        for (t, grown) in slots.values.enumerated() {
            guard let tree = grown else { throw LearningError.invalidParameter("tree \(t) missing") }
            ensemble.append(tree, binnings: binned.binnings, scale: 1 / Double(trees))
        }
        return RandomForestModel(schema: frame.schema, ensemble: ensemble)
    }
}

public struct RandomForestModel: Sendable, Equatable {
    public let schema: FrameSchema
    public let ensemble: TreeEnsemble

    /// Mean of the trees' positive shares.
    public func predictProbability(_ frame: FeatureFrame) throws -> [Double] {
        ensemble.predict(try DenseRows(frame: frame, schema: schema))
    }

    /// TreeSHAP on the probability scale; bias + Σ values = probability.
    public func contributions(_ frame: FeatureFrame) throws -> Contributions {
        ensemble.shap(try DenseRows(frame: frame, schema: schema))
    }

    public var gainImportance: [Double] { ensemble.gainImportance(featureCount: schema.count) }
}
