// Every bench file sees the command-line plumbing the product shares with the benches
// (errors, option checks, the routing instance formats) and the seeded scenarios the
// engine's tests share, without an import line of its own.
@_exported import OpsDeckCLI
@_exported import OpsDeckTestSupport
