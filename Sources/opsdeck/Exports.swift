// Every command file sees the command-line plumbing shared with `opsdeck-bench` (errors,
// option checks, the routing instance formats, the screen context) without an import line.
@_exported import OpsDeckCLI
