import ArgumentParser
import Engine

/// `opsdeck bench …` (the `opsdeck-bench` executable, which `opsdeck bench` runs): performance
/// and quality benchmarks, in release, each printing a ratio against a reference measured in
/// the same sitting. Never part of `swift test`, never part of the product's binary.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opsdeck bench",
        abstract: "Performance and quality benchmarks (build with -c release).",
        subcommands: [BenchGenerate.self, BenchImport.self, BenchFirstFrame.self, BenchRoutingCommand.self, BenchLearning.self, BenchScreenSLA.self, BenchRun.self, BenchSLA.self, BenchScreens.self, BenchModel.self, BenchTransport.self,
                      BenchScripts.self, BenchKernels.self, BenchSLAQuality.self, BenchSLAReplay.self, BenchLive.self, BenchLiveReplan.self, BenchLiveIngest.self, BenchStore.self]
    )

    /// The same process memory as the product's (`HugePages`), so a bench measures what a user runs.
    static func main() {
        HugePages.restartWithTunableIfUseful()
        FreedMemory.mapLargeArraysAlone()
        main(nil)
    }
}

/// Seconds from `t` to now, for the benches that time with `ContinuousClock`.
func seconds(since t: ContinuousClock.Instant) -> Double {
    let e = ContinuousClock.now - t
    return Double(e.components.seconds) + Double(e.components.attoseconds) * 1e-18
}
