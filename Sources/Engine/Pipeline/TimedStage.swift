/// A stage run where it could start (beside the others, or before the stages it must follow
/// in the trace): its result, its KPIs and its trace entry, timed where it ran and recorded
/// later at its place in the trace's fixed order.
struct TimedStage<Value: Sendable>: Sendable {
    var value: Value
    var kpis: [KPI]
    var start: Double
    var end: Double
    var counts: [Trace.Count]
    var warnings: [String]

    func record(_ name: String, in rec: inout TraceRecorder) {
        rec.record(name, from: start, to: end, counts: counts, warnings: warnings)
    }
}
