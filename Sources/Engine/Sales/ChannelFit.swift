import Core
/// How well each channel suits each account, in [0, 1] plus the preference bonus.
///
/// Each channel's fit is a logistic of standardised account facts, chosen so a sales-ops
/// lead can read them:
/// - field: high value, high NBA, at-risk, low digital engagement (worth a visit);
/// - outbound_cc: at risk with a good NBA, reachable by phone (connect rate);
/// - inbound_cc: calls in often and has support friction;
/// - ecom_assisted: engaged online, abandons carts (needs a nudge with a human);
/// - ecom_self: engaged, orders online, low value and low risk.
/// The account's preferred channel gets `preferenceBonus` on top.
public enum ChannelFit {
    public static let channels = SalesChannel.allCases.count

    public struct Inputs: Sendable {
        public var value: [Double]
        public var nba: [Double]
        public var churn: [Double]
        public var engagement: [Double]
        public var inboundCalls: [Double]
        public var friction: [Double]
        public var connectRate: [Double]
        public var abandonedCarts: [Double]
        public var ecomOrders: [Double]
        /// Per account, its preferred channel's code; `UInt8.max` for no preference.
        public var preferred: [UInt8]

        public init(value: [Double], nba: [Double], churn: [Double], engagement: [Double], inboundCalls: [Double],
                    friction: [Double], connectRate: [Double], abandonedCarts: [Double], ecomOrders: [Double], preferred: [UInt8]) {
            self.value = value; self.nba = nba; self.churn = churn; self.engagement = engagement
            self.inboundCalls = inboundCalls; self.friction = friction; self.connectRate = connectRate
            self.abandonedCarts = abandonedCarts; self.ecomOrders = ecomOrders; self.preferred = preferred
        }
    }

    /// Row-major n × 5 fits in `SalesChannel` order.
    public static func scores(_ x: Inputs, preferenceBonus: Double) -> [Float] {
        let n = x.value.count
        let v = standardised(x.value), a = standardised(x.nba), c = standardised(x.churn)
        let e = standardised(x.engagement), ib = standardised(x.inboundCalls), fr = standardised(x.friction)
        let cr = standardised(x.connectRate), ca = standardised(x.abandonedCarts), eo = standardised(x.ecomOrders)
        var out = [Float](repeating: 0, count: n * channels)
        let bonus = preferenceBonus
        out.withUnsafeMutableBufferPointer { o in
            for i in 0..<n {
                let row = i * channels, pref = Int(x.preferred[i])
                @inline(__always) func put(_ k: Int, _ z: Double) { o[row + k] = Float(sigmoid(z) + (pref == k ? bonus : 0)) }
                put(0, 1.2 * v[i] + 0.8 * a[i] + 0.5 * c[i] - 0.6 * e[i] - 1.0)
                put(1, 0.8 * c[i] + 0.5 * a[i] + 0.4 * cr[i] + 0.2 * v[i] - 0.3)
                put(2, 1.0 * ib[i] + 0.6 * fr[i] - 0.3)
                put(3, 0.8 * e[i] + 0.6 * ca[i] + 0.2 * a[i] - 0.3 * v[i] - 0.2)
                put(4, 0.9 * e[i] + 0.5 * eo[i] - 0.8 * v[i] - 0.5 * c[i])
            }
        }
        return out
    }

    package static func standardised(_ x: [Double]) -> [Double] {
        let n = Double(max(1, x.count))
        let m = x.reduce(0, +) / n
        let sd = (x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / n).squareRoot()
        return sd > 1e-12 ? x.map { ($0 - m) / sd } : Array(repeating: 0, count: x.count)
    }
}
