import ArgumentParser
import Engine
import Foundation

/// The customer part of `opsdeck bench learning` (needs the synthetic generator).
enum BenchLearningCustomers {
    static func run(_ b: BenchLearning) throws {
        throw ValidationError("the customer generator is not available yet; use --csv")
    }
}
