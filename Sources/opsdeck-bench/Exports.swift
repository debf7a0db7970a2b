// Every bench file sees the command-line plumbing the product shares with the benches
// (errors, option checks, the routing instance formats) and the bench-only code (routing
// scenarios, the CSV feature table), without an import line of its own.
@_exported import BenchSupport
@_exported import OpsDeckCLI
