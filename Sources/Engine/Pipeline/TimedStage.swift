import Core
/// A stage run where it could start (beside the others, or before the stages it must follow
/// in the trace): its result, its KPIs and its trace entry, timed where it ran and recorded
/// later at its place in the trace's fixed order.
package struct TimedStage<Value: Sendable>: Sendable {
    package var value: Value
    package var kpis: [KPI]
    package var start: Double
    package var end: Double
    package var counts: [Trace.Count]
    package var warnings: [String]

    package func record(_ name: String, in rec: inout TraceRecorder) {
        rec.record(name, from: start, to: end, counts: counts, warnings: warnings)
    }
}
