import Core
import Support
/// The escalation queue re-ranked after a followed file's changes, without a refit: the
/// changed tickets leave the ranked rows (one pass), those still open come back scored with
/// the run's models, and the two sorted lists merge (O(n + k log k) for k changes).
extension LiveIngest {
    /// What a re-rank did to the queue.
    public struct Ranked: Sendable {
        public var rows: [SupportSnapshot.QueueRow]
        /// Tickets new to the queue, changed in it, and gone from it (solved).
        public var added = 0, changed = 0, left = 0
        /// Of the re-rank, the time the breach model took.
        public var scoreSeconds = 0.0
    }

    /// `rows` ranked by expected loss (highest first), with `tickets` applied at `clock`.
    /// `model` nil (a run saved before the live model) scores a new ticket by the run's
    /// breach rate of its priority × channel.
    package static func rerank(_ rows: consuming [SupportSnapshot.QueueRow], with tickets: [Ticket], snapshot: SupportSnapshot,
                       model: inout LiveBreachModel?, update: ElapsedTimeUpdate?, clock: Int64) throws -> Ranked {
        var changedAt: [String: Int] = [:]
        changedAt.reserveCapacity(tickets.count)
        for (k, t) in tickets.enumerated() { changedAt[t.id] = k }
        // The changed tickets' rows are found in one pass and skipped by the merge (no copy of the rest).
        var before = [SupportSnapshot.QueueRow?](repeating: nil, count: tickets.count)
        var leaving = [Bool](repeating: false, count: rows.count)
        // By index: a row is looked at through its id, never copied whole (ten counted fields).
        for i in rows.indices {
            if let k = changedAt[rows[i].id] { before[k] = rows[i]; leaving[i] = true }
        }
        let keptCount = rows.count - before.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
        var out = Ranked(rows: [])
        var scoreSeconds = 0.0
        var rescore: [Int] = [], fresh: [SupportSnapshot.QueueRow] = []
        var slot = [Int](repeating: -1, count: tickets.count)
        let eff = snapshot.policy.effectiveness, ic = snapshot.policy.interventionCost
        for (k, t) in tickets.enumerated() {
            let old = before[k]
            if t.state == .solved || t.resolvedAt != nil {
                if let old {
                    out.left += 1
                    let breached = (t.resolvedAt ?? clock) - t.createdAt > old.state.target
                    model?.count(customer: t.customerKey, ticket: false, breach: breached)
                }
                continue
            }
            let code = model?.priorityCode(t.priority) ?? UInt8(snapshot.policy.priorities.firstIndex(of: t.priority) ?? 0)
            let c = min(Int(code), snapshot.policy.targetSeconds.count - 1)
            guard c >= 0 else { continue }
            let target = snapshot.policy.targetSeconds[c]
            let paused = t.state == .waitingOnCustomer || t.state == .onHold
            let sameArrival = old.map { $0.createdAt == t.createdAt && $0.priorityCode == UInt8(c) && $0.channel == t.channel
                && $0.type == t.type && $0.product == t.product } ?? false
            var state = SLAState(elapsed: max(0, clock - t.createdAt), target: target, paused: paused)
            if sameArrival, let old { state.elapsed = old.state.elapsed }
            var row = SupportSnapshot.QueueRow(
                id: t.id, priority: snapshot.policy.priorities[c], priorityCode: UInt8(c), channel: t.channel, type: t.type,
                product: t.product, status: t.status, ticketState: t.state, customerKey: t.customerKey, subject: t.subject,
                createdAt: t.createdAt, firstResponseAt: t.firstResponseAt, probabilityAtArrival: old?.probabilityAtArrival ?? 0,
                probability: 0, breachCost: snapshot.policy.cost[c], expectedLoss: 0, state: state,
                deadline: paused ? nil : clock + (target - state.elapsed), reasons: old?.reasons ?? [],
                metric: snapshot.policy.metrics.last ?? .resolution)
            if old == nil { out.added += 1; model?.count(customer: t.customerKey, ticket: true, breach: false) } else { out.changed += 1 }
            if !sameArrival {
                if model == nil {
                    row.probabilityAtArrival = Self.rate(snapshot, priority: c, channel: t.channel)
                    row.reasons = []
                } else {
                    rescore.append(k)
                }
            }
            slot[k] = fresh.count
            fresh.append(row)
        }
        if let m = model, !rescore.isEmpty {
            let started = WallClock.monotonic()
            defer { scoreSeconds = WallClock.monotonic() - started }
            let scored = try m.score(rescore.map { tickets[$0] }, backlog: keptCount + fresh.count)
            for (j, k) in rescore.enumerated() {
                fresh[slot[k]].probabilityAtArrival = scored.probability[j]
                fresh[slot[k]].reasons = scored.reasons[j]
            }
        }
        for i in fresh.indices {
            let r = fresh[i]
            let p = update?.probability(atArrival: r.probabilityAtArrival, priority: r.priorityCode, state: r.state)
                ?? (r.state.breached ? 1 : r.probabilityAtArrival)
            fresh[i].probability = p
            fresh[i].expectedLoss = (r.state.breached ? 0 : p * r.breachCost * eff) - ic
        }
        fresh.sort { ($0.expectedLoss, $1.id) > ($1.expectedLoss, $0.id) }
        merge(&rows, skipping: leaving, fresh)
        out.rows = rows
        out.scoreSeconds = scoreSeconds
        return out
    }

    /// In place: `a` without its `skipping` rows, merged with `b` (both ranked by expected
    /// loss, highest first); on a tie the row already ranked stays first. Rows move by swaps,
    /// so the kept ones are neither copied nor retained again.
    package static func merge(_ a: inout [SupportSnapshot.QueueRow], skipping: [Bool], _ b: [SupportSnapshot.QueueRow]) {
        let kept = a.count - skipping.reduce(0) { $0 + ($1 ? 1 : 0) }
        // Rows move through the buffer's pointers (a swap is two moves), so the kept ones are
        // neither copied nor retained again; the buffer grows once, to its final size.
        a.reserveCapacity(kept + b.count)
        a.withUnsafeMutableBufferPointer { p in
            var w = 0
            for i in 0..<p.count where !skipping[i] {
                if w != i { p.swapAt(w, i) }
                w += 1
            }
        }
        a.removeLast(a.count - kept)
        guard !b.isEmpty else { return }
        a.append(contentsOf: b)  // room at the end; filled from the back
        a.withUnsafeMutableBufferPointer { p in
            var i = kept - 1, j = b.count - 1, k = p.count - 1
            while j >= 0 {
                if i >= 0 && p[i].expectedLoss < b[j].expectedLoss {
                    p.swapAt(k, i)
                    i -= 1
                } else {
                    p[k] = b[j]
                    j -= 1
                }
                k -= 1
            }
        }
    }

    /// The run's breach rate for a priority × channel (the heatmap), else its overall rate.
    package static func rate(_ s: SupportSnapshot, priority: Int, channel: String) -> Double {
        let overall = s.resolvedTickets > 0 ? Double(s.breaches) / Double(s.resolvedTickets) : 0.5
        let label = priority < s.policy.priorities.count ? s.policy.priorities[priority] : ""
        guard let p = s.heatmapPriorities.firstIndex(of: label), let c = s.heatmapChannels.firstIndex(of: channel),
              p < s.heatmapCount.count, c < s.heatmapCount[p].count, s.heatmapCount[p][c] > 0 else { return overall }
        return s.heatmapRate[p][c]
    }
}
