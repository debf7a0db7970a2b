import ArgumentParser
import Foundation
import Testing
@testable import opsdeck

/// Issue 17's option inputs: a negative, NaN, infinite or huge value is read as a value and
/// refused by name with exit 64 (it used to be "Missing value", or a search that never ends).
@Suite struct OptionInputTests {
    /// The message and exit code ArgumentParser gives for `args`, or nil when they parse.
    func refusal(_ args: [String]) -> (message: String, code: Int32)? {
        do { _ = try OpsDeck.parseAsRoot(args); return nil } catch {
            return (OpsDeck.message(for: error), OpsDeck.exitCode(for: error).rawValue)
        }
    }

    @Test(arguments: ["-1", "nan", "inf", "1e300", "0", "86401"])
    func routeRefusesAnUnusableTimeBudget(_ s: String) {
        let r = refusal(["route", "x.tsp", "--format", "tsplib", "--seconds", s])
        #expect(r?.code == 64)
        #expect(r?.message.hasPrefix("--seconds must be a finite number above 0 and at most 86400; found") == true, "\(r?.message ?? "")")
    }

    @Test func routeRefusesAHugeOrNegativeFleet() {
        #expect(refusal(["route", "x.txt", "--format", "solomon", "--vehicles", "1000000000"])?.message
            == "--vehicles must be a whole number from 1 to 1000; found 1000000000")
        #expect(refusal(["route", "x.txt", "--format", "solomon", "--vehicles", "-3"])?.message
            == "--vehicles must be a whole number from 1 to 1000; found -3")
        #expect(refusal(["route", "x.txt", "--format", "solomon", "--vehicles", "25", "--seconds", "2"]) == nil)
    }

    @Test func anEmptyDbIsAUsageError() {
        let r = refusal(["export", "kpis", "--db", ""])
        #expect(r?.code == 64)
        #expect(r?.message == "--db needs a path to the store's file (e.g. ./opsdeck.sqlite) or a postgresql:// URL; found an empty value")
    }

    @Test func optionChecksNameTheOptionAndTheRange() {
        #expect(throws: ValidationError.self) { try OptionCheck.finite(.nan, "--created-offset", within: 8760) }
        #expect(throws: ValidationError.self) { try OptionCheck.nonNegative(-1, "--created-offset", max: 8760) }
        #expect(throws: ValidationError.self) { try OptionCheck.nonNegative(1e308, "--created-offset", max: 8760) }
        #expect((try? OptionCheck.nonNegative(2, "--created-offset", max: 8760)) != nil)
        #expect(throws: ValidationError.self) { try OptionCheck.count(-1, "--customers", 0...1_000_000) }
    }

    @Test func aFolderOrAMissingFileIsOneLine() {
        #expect(throws: CLIError.self) { try InputPath.check(NSTemporaryDirectory()) }
        #expect(throws: CLIError.self) { try InputPath.check("/nonexistent/opsdeck/file.csv") }
        #expect(throws: CLIError.self) { try InputPath.check("") }
    }
}
