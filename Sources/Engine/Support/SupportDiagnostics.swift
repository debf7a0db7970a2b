import Core
/// What lies behind the breaches, over resolved tickets: rates, resolution times and cost by
/// priority, channel, type and product; the priority × channel heatmap; a chi-square test
/// and Cramér's V per categorical against breach; the weekly cost trend.
public struct SupportDiagnostics: Sendable {
    public struct Group: Sendable, Equatable {
        public var dimension: String
        public var level: String
        public var tickets: Int
        public var breaches: Int
        public var breachRate: Double { tickets > 0 ? Double(breaches) / Double(tickets) : 0 }
        /// Mean wall-clock hours from creation to resolution.
        public var meanResolutionHours: Double
        public var breachCost: Double

        package init(dimension: String, level: String, tickets: Int, breaches: Int, meanResolutionHours: Double, breachCost: Double) {
            self.dimension = dimension; self.level = level; self.tickets = tickets; self.breaches = breaches; self.meanResolutionHours = meanResolutionHours; self.breachCost = breachCost
        }
    }

    public struct Association: Sendable, Equatable {
        public var dimension: String
        public var test: ChiSquareTest
    }

    public struct Week: Sendable, Equatable {
        /// Day number of the Monday starting the week.
        public var monday: Int
        public var tickets: Int
        public var breaches: Int
        public var breachCost: Double
    }

    public var groups: [Group]
    /// The heatmap's rows (priority labels, least urgent first) and columns (channel labels).
    public var heatmapPriorities: [String]
    public var heatmapChannels: [String]
    /// `heatmapRate[priority code][channel code]`, with the counts behind each cell.
    public var heatmapRate: [[Double]]
    public var heatmapCount: [[Int]]
    public var associations: [Association]
    public var weeks: [Week]
    public var resolvedTickets: Int
    public var breaches: Int
    public var breachCost: Double

    /// Dimensions that get a group table, by feature index in `SupportFeatures`.
    package static let groupFeatures = [0, 1, 2, 3]
    /// Dimensions that get a chi-square test.
    package static let testedFeatures = [0, 1, 2, 3, 4, 5]

    /// `priorityCode[i]` is ticket i's priority code: feature 0's code and the index of `cost`.
    public init(tickets: [Ticket], features: SupportFeatures, labels: [UInt8?], cost: [Double], priorityCode: [UInt8]) {
        let rows = tickets.indices.filter { labels[$0] != nil }
        var total = 0.0, breaches = 0
        for i in rows where labels[i] == 1 { breaches += 1; total += cost[Int(priorityCode[i])] }
        resolvedTickets = rows.count
        self.breaches = breaches
        breachCost = total

        groups = []
        for f in Self.groupFeatures {
            let levels = features.levels[f]
            var n = [Int](repeating: 0, count: levels.count), b = n
            var hours = [Double](repeating: 0, count: levels.count), c = hours
            for i in rows {
                let v = Int(features.codes[f][i])
                n[v] += 1
                hours[v] += Double((tickets[i].resolvedAt ?? tickets[i].createdAt) - tickets[i].createdAt) / 3600
                if labels[i] == 1 { b[v] += 1; c[v] += cost[Int(priorityCode[i])] }
            }
            for v in levels.indices where n[v] > 0 {
                groups.append(Group(dimension: features.names[f], level: levels[v], tickets: n[v],
                                    breaches: b[v], meanResolutionHours: hours[v] / Double(n[v]), breachCost: c[v]))
            }
        }

        let np = features.levels[0].count, nc = features.levels[1].count
        heatmapPriorities = features.levels[0]
        heatmapChannels = features.levels[1]
        var hc = [[Int]](repeating: [Int](repeating: 0, count: nc), count: np), hb = hc
        for i in rows {
            let p = Int(features.codes[0][i]), ch = Int(features.codes[1][i])
            hc[p][ch] += 1
            if labels[i] == 1 { hb[p][ch] += 1 }
        }
        heatmapCount = hc
        heatmapRate = (0..<np).map { p in (0..<nc).map { ch in hc[p][ch] > 0 ? Double(hb[p][ch]) / Double(hc[p][ch]) : 0 } }

        associations = Self.testedFeatures.map { f in
            var table = [[Double]](repeating: [0, 0], count: features.levels[f].count)
            for i in rows { table[Int(features.codes[f][i])][Int(labels[i] ?? 0)] += 1 }
            return Association(dimension: features.names[f], test: ChiSquareTest(table: table))
        }

        var byWeek: [Int: Week] = [:]
        for i in rows {
            let day = Int(CivilDate.floorDiv(tickets[i].createdAt, 86_400))
            let monday = day - CivilDate.weekday(days: day)
            var w = byWeek[monday] ?? Week(monday: monday, tickets: 0, breaches: 0, breachCost: 0)
            w.tickets += 1
            if labels[i] == 1 { w.breaches += 1; w.breachCost += cost[Int(priorityCode[i])] }
            byWeek[monday] = w
        }
        weeks = byWeek.values.sorted { $0.monday < $1.monday }
    }
}
