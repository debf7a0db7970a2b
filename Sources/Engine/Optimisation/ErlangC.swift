import Core
/// Erlang C staffing for a queue of calls (M/M/N).
///
/// Offered load A = λ · h (Erlangs). The chance a call waits, C(N, A), comes from the Erlang B
/// recursion B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)) — every step stays in [0, 1], so it
/// is exact without factorials or powers overflowing — and C = N·B / (N − A·(1 − B)).
/// Service level (answered within t seconds) = 1 − C · e^(−(N − A)·t / h).
public enum ErlangC {
    public struct Staffing: Sendable, Equatable {
        /// Agents needed on the phones (before shrinkage).
        public var agents: Int
        /// Agents to roster so that `agents` are available after shrinkage.
        public var rostered: Int
        public var erlangs: Double
        public var serviceLevel: Double
        public var occupancy: Double
        /// Average speed of answer, seconds.
        public var averageWait: Double
    }

    /// Probability that a call waits, for N agents and A Erlangs (1 when N ≤ A: the queue grows).
    public static func waitProbability(agents n: Int, erlangs a: Double) -> Double {
        guard a > 0 else { return 0 }
        guard Double(n) > a else { return 1 }
        var b = 1.0
        for k in 1...n { b = a * b / (Double(k) + a * b) }
        return Double(n) * b / (Double(n) - a * (1 - b))
    }

    public static func serviceLevel(agents n: Int, erlangs a: Double, handleSeconds h: Double, answerSeconds t: Double) -> Double {
        guard a > 0 else { return 1 }
        guard Double(n) > a else { return 0 }
        return max(0, 1 - waitProbability(agents: n, erlangs: a) * _exp(-(Double(n) - a) * t / h))
    }

    /// Fewest agents meeting the service level with occupancy A/N at most `maxOccupancy`;
    /// `rostered` adds shrinkage (breaks, training, absence): ⌈agents / (1 − shrinkage)⌉.
    public static func staffing(calls: Double, intervalSeconds: Double, handleSeconds h: Double, serviceLevel target: Double,
                                answerSeconds t: Double, maxOccupancy: Double = 1, shrinkage: Double = 0) -> Staffing {
        let a = calls * h / intervalSeconds
        guard a > 0 else { return Staffing(agents: 0, rostered: 0, erlangs: 0, serviceLevel: 1, occupancy: 0, averageWait: 0) }
        var n = max(1, Int(a.rounded(.down)) + 1)
        while Double(n) < a / maxOccupancy { n += 1 }
        while serviceLevel(agents: n, erlangs: a, handleSeconds: h, answerSeconds: t) < target { n += 1 }
        let c = waitProbability(agents: n, erlangs: a)
        let rostered = Int((Double(n) / (1 - shrinkage) - 1e-9).rounded(.up))
        return Staffing(agents: n, rostered: rostered, erlangs: a,
                        serviceLevel: serviceLevel(agents: n, erlangs: a, handleSeconds: h, answerSeconds: t),
                        occupancy: a / Double(n), averageWait: c * h / (Double(n) - a))
    }
}
