import ArgumentParser
import Engine
import Foundation

extension RoutingFormat: ExpressibleByArgument {}

/// `opsdeck route FILE --format …`: solves one benchmark instance and checks the answer.
struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Solve one TSPLIB, Solomon or TOPTW instance and check the solution."
    )

    @Argument(help: "Instance file.") var file: String
    @Option(help: "tsplib, solomon or toptw.") var format: RoutingFormat
    // Numbers parse unconditionally so a negative value is refused by name in validate().
    @Option(parsing: .unconditional, help: "Time budget in seconds, above 0 and at most 86400.") var seconds: Double = 5
    @Option(parsing: .unconditional, help: "Random seed.") var seed: UInt64 = 1
    @Option(parsing: .unconditional, help: "Best-known objective (default: looked up beside the file).") var bestKnown: Double?
    @Option(parsing: .unconditional, help: "Vehicles (Solomon fleet size, TOPTW paths), 1 to \(RoutingLimits.maxVehicles).")
    var vehicles: Int?

    func validate() throws {
        try OptionCheck.positive(seconds, "--seconds", max: RoutingLimits.maxSeconds)
        if let vehicles { try OptionCheck.count(vehicles, "--vehicles", 1...RoutingLimits.maxVehicles) }
        if let bestKnown { try OptionCheck.positive(bestKnown, "--best-known", max: 1e15) }
    }

    func run() throws {
        let o: RoutingOutcome
        do {
            try InputPath.check(file, "instance file")
            o = try RoutingBench.solve(file, format, seconds: seconds, seed: seed, vehicles: vehicles, bestKnown: bestKnown)
        } catch let e as CLIError {
            FileHandle.standardError.write(Data("error: \(e)\n".utf8))
            throw ExitCode(1)
        } catch let e as InstanceFormatError {
            FileHandle.standardError.write(Data("error: \(e)\n".utf8))
            throw ExitCode(1)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let label = format == .toptw ? "prize" : "distance"
        print("instance   \(o.name)")
        print("\(label.padding(toLength: 10, withPad: " ", startingAt: 0)) \(String(format: "%.2f", o.objective))")
        print("vehicles   \(o.vehicles)" + (o.bestVehicles.map { " (best known \($0))" } ?? ""))
        if let b = o.bestKnown, let g = o.gap(format) {
            print("best known \(String(format: "%.2f", b))  gap \(String(format: "%+.2f%%", g))")
        }
        print("time       \(String(format: "%.2f s", o.seconds)), \(o.iterations) iterations")
        if o.verdict.isFeasible {
            print("checker    feasible ✓")
        } else {
            print("checker    INFEASIBLE: " + o.verdict.violations.prefix(5).joined(separator: "; "))
            throw ExitCode(2)
        }
    }
}
