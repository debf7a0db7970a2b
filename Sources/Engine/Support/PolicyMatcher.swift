import Core
/// Finds each ticket's SLA policy: the first, in order, whose conditions all hold.
///
/// Each field a condition names is coded once (distinct values → code) and each condition
/// decided once per distinct value, so matching a million tickets costs one pass over
/// small integer arrays, never a string comparison per ticket and policy.
package struct PolicyMatcher {
    package let rules: [SLAPolicyRule]

    /// Per ticket: the index of its policy, -1 when none matches. `priorities`: the
    /// priority column already coded (`DistinctValues`), which the policy's resolution has.
    package func match(_ tickets: [Ticket], extras: CustomerExtras?,
               priorities: (codes: [Int32], values: [String])? = nil) throws -> [Int32] {
        let n = tickets.count
        if let first = rules.firstIndex(where: { $0.conditions.isEmpty }), rules[..<first].allSatisfy({ $0.conditions.isEmpty }) {
            return [Int32](repeating: Int32(first), count: n)
        }
        let extraNames = extras.map { $0.columns.map { normaliseLabel(Substring($0.name)) } } ?? []
        var fields: [String: (codes: [Int32], values: [String])] = [:]
        if let priorities { fields["priority"] = priorities }
        // Per rule, per condition: the field's codes and whether each code meets it.
        var tests: [[(codes: [Int32], holds: [Bool])]] = []
        for rule in rules {
            var ruleTests: [(codes: [Int32], holds: [Bool])] = []
            for c in rule.conditions {
                let key = normaliseLabel(Substring(c.field))
                if fields[key] == nil {
                    fields[key] = try coded(field: c.field, key: key, tickets, extras: extras, extraNames: extraNames, policy: rule.name)
                }
                guard let f = fields[key] else { continue }
                ruleTests.append((f.codes, f.values.map { c.holds(for: $0) }))
            }
            tests.append(ruleTests)
        }
        var out = [Int32](repeating: -1, count: n)
        for i in 0..<n {
            for (r, ruleTests) in tests.enumerated() where ruleTests.allSatisfy({ $0.holds[Int($0.codes[i])] }) {
                out[i] = Int32(r)
                break
            }
        }
        return out
    }

    /// A field's cell per ticket as codes into its distinct values.
    private func coded(field: String, key: String, _ tickets: [Ticket], extras: CustomerExtras?, extraNames: [String],
                       policy: String) throws -> (codes: [Int32], values: [String]) {
        let cell: ((Ticket) -> String)? = switch key {
        case "priority": { $0.priority }
        case "channel", "via", "source": { $0.channel }
        case "type", "tickettype": { $0.type }
        case "product": { $0.product }
        case "status": { $0.status }
        case "customer", "requester": { $0.customerKey ?? "" }
        default: nil
        }
        if let cell { return DistinctValues.coding(tickets, cell) }
        guard let extras, extras.rowCount == tickets.count,
              let j = SLACondition.column(for: field, among: extraNames) else {
            throw SLAPolicyError.unknownField(field, policy: policy, columns: extras?.names ?? [])
        }
        let column = extras.columns[j]
        guard column.codes.contains(where: { $0 < 0 || Int($0) >= column.values.count }) else { return (column.codes, column.values) }
        // A cell outside the dictionary reads as empty.
        let empty = Int32(column.values.count)
        return (column.codes.map { $0 < 0 || $0 >= empty ? empty : $0 }, column.values + [""])
    }
}
