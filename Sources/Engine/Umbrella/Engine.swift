// The engine as one import for the screens, the commands, the benches and the fuzzers.
// Each folder beside this one is a target of its own, so the compiler holds the direction
// Core → Learning, Optimisation → Synthetic → Support → Sales → Store → Pipeline; this file
// only gathers them.
@_exported import Core
@_exported import Learning
@_exported import Optimisation
@_exported import Pipeline
@_exported import Sales
@_exported import Store
@_exported import Support
@_exported import Synthetic
