import Foundation
import Core

/// Weights, targets and capacities of the sales stages. Every key is optional in the user's
/// file (`$XDG_CONFIG_HOME/opsdeck/sales.json`); a missing key keeps its default, an unknown
/// key is an error so that a typo never silently falls back.
public struct SalesConfig: Codable, Sendable, Equatable {
    /// Weights of the NBA score's standardised terms (see `NBAScore`).
    public var nbaWeights = NBAWeights()
    /// Value (6-month monetary) × predicted-potential quantile buckets.
    public var valueBuckets = 3
    public var potentialBuckets = 3
    /// Models: folds for the out-of-fold scores, rows each fold trains on at most, trees.
    /// 80 trees of 7 leaves beat 60 of 15 on churn AUC, calibration and value RMSE at 3 200,
    /// 20 000 and 100 000 customers (the weak churn signal overfits deeper trees) and grow
    /// about 0.6× the splits (BENCHMARKS.md, issue 6).
    public var folds = 3
    public var trainRowsPerFold = 40_000
    public var trees = 80
    public var numLeaves = 7
    public var targets = ModelTargets()
    /// Isolation forest: share of accounts flagged.
    public var contamination = 0.02
    /// Daily contacts each channel can take.
    public var capacity = ChannelCapacity()
    /// Added to the fit of the account's preferred channel.
    public var preferenceBonus = 0.15
    /// Working days planned (routes, allocation days, schedule).
    public var planningDays = 5
    /// Contact centre, per channel that has agents.
    public var contactCentre = [
        ContactCentreChannel(channel: .outboundCC, agents: 14, handleSeconds: 360),
        ContactCentreChannel(channel: .inboundCC, agents: 12, handleSeconds: 300),
        ContactCentreChannel(channel: .ecomAssisted, agents: 10, handleSeconds: 420),
    ]
    /// Field visits: minutes on site and the iteration budget of each route search.
    public var visitMinutes = 40
    public var routeIterations = 250
    /// Typical drive to the next field visit, used only to size the field channel's daily
    /// capacity when `capacity.field` is not set (the routes then take the real travel). 15
    /// minutes: what the demo's reps drive between visits in their territories.
    public var fieldTravelMinutes = 15

    public init() {}

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case nbaWeights, valueBuckets, potentialBuckets, folds, trainRowsPerFold, trees, numLeaves, targets
        case contamination, capacity, preferenceBonus, planningDays, contactCentre, visitMinutes, routeIterations, fieldTravelMinutes
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // ticketSLAHours: open-ticket deadlines follow the SLA policy (sla.conf) since 2026-11-30.
        try ConfigKeys.rejectUnknown(decoder, known: CodingKeys.allCases.map(\.rawValue), retired: ["ticketSLAHours"])
        let d = SalesConfig()
        nbaWeights = try c.decodeIfPresent(NBAWeights.self, forKey: .nbaWeights) ?? d.nbaWeights
        valueBuckets = try c.decodeIfPresent(Int.self, forKey: .valueBuckets) ?? d.valueBuckets
        potentialBuckets = try c.decodeIfPresent(Int.self, forKey: .potentialBuckets) ?? d.potentialBuckets
        folds = try c.decodeIfPresent(Int.self, forKey: .folds) ?? d.folds
        trainRowsPerFold = try c.decodeIfPresent(Int.self, forKey: .trainRowsPerFold) ?? d.trainRowsPerFold
        trees = try c.decodeIfPresent(Int.self, forKey: .trees) ?? d.trees
        numLeaves = try c.decodeIfPresent(Int.self, forKey: .numLeaves) ?? d.numLeaves
        targets = try c.decodeIfPresent(ModelTargets.self, forKey: .targets) ?? d.targets
        contamination = try c.decodeIfPresent(Double.self, forKey: .contamination) ?? d.contamination
        capacity = try c.decodeIfPresent(ChannelCapacity.self, forKey: .capacity) ?? d.capacity
        preferenceBonus = try c.decodeIfPresent(Double.self, forKey: .preferenceBonus) ?? d.preferenceBonus
        planningDays = try c.decodeIfPresent(Int.self, forKey: .planningDays) ?? d.planningDays
        contactCentre = try c.decodeIfPresent([ContactCentreChannel].self, forKey: .contactCentre) ?? d.contactCentre
        visitMinutes = try c.decodeIfPresent(Int.self, forKey: .visitMinutes) ?? d.visitMinutes
        routeIterations = try c.decodeIfPresent(Int.self, forKey: .routeIterations) ?? d.routeIterations
        fieldTravelMinutes = try c.decodeIfPresent(Int.self, forKey: .fieldTravelMinutes) ?? d.fieldTravelMinutes
    }

    /// Visits one rep fits in a day: the working minutes (less a 45-minute lunch when the day
    /// spans it, as the routes take it) over one visit plus its typical drive; at least one.
    public func fieldVisitsPerDay(_ rep: Rep) -> Int {
        let lunch = rep.lunchBreak.map { $0.duration / 60 } ?? 0
        let work = rep.dayEndMinute - rep.dayStartMinute - lunch
        return max(1, work / max(1, visitMinutes + fieldTravelMinutes))
    }

    /// Visits each rep may make in a day: `capacity.field` split evenly over the reps when set
    /// (the first reps take the remainder), else what each rep fits (`fieldVisitsPerDay`).
    /// The routes never exceed it, so the field's daily visits stay within its capacity.
    public func fieldVisitsPerRep(_ reps: [Rep]) -> [Int] {
        guard let total = capacity.field else { return reps.map(fieldVisitsPerDay) }
        return reps.indices.map { total / reps.count + ($0 < total % reps.count ? 1 : 0) }
    }

    /// Daily contacts per channel in `SalesChannel` order; the field's is the sum of
    /// `fieldVisitsPerRep`, so the allocation neither starves the reps nor books them past
    /// their hours. No reps, no field.
    public func channelCapacity(reps: [Rep]) -> [Int] {
        [fieldVisitsPerRep(reps).reduce(0, +), capacity.outboundCC, capacity.inboundCC, capacity.ecomAssisted, capacity.ecomSelf]
    }

    /// Checks ranges; the message names the key.
    public func validate() throws(SalesError) {
        func need(_ ok: Bool, _ what: String) throws(SalesError) { if !ok { throw SalesError.config(what) } }
        try need((1...20).contains(valueBuckets) && (1...20).contains(potentialBuckets), "valueBuckets and potentialBuckets must be 1…20")
        try need((2...10).contains(folds), "folds must be 2…10")
        try need(trainRowsPerFold >= 100, "trainRowsPerFold must be at least 100")
        try need(trees >= 1 && numLeaves >= 2, "trees ≥ 1 and numLeaves ≥ 2")
        try need(contamination > 0 && contamination < 0.5, "contamination must be in (0, 0.5)")
        try need([capacity.field ?? 0, capacity.outboundCC, capacity.inboundCC, capacity.ecomAssisted, capacity.ecomSelf].allSatisfy { $0 >= 0 },
                 "capacity must be zero or more per channel")
        try need((1...14).contains(planningDays), "planningDays must be 1…14")
        try need(visitMinutes >= 5 && routeIterations >= 1, "visitMinutes ≥ 5 and routeIterations ≥ 1")
        try need(fieldTravelMinutes >= 0, "fieldTravelMinutes must be zero or more")
        for cc in contactCentre {
            try need(cc.agents >= 0 && cc.handleSeconds > 0 && cc.answerSeconds > 0, "contactCentre \(cc.channel.rawValue): agents ≥ 0, handleSeconds and answerSeconds > 0")
            try need(cc.serviceLevel > 0 && cc.serviceLevel < 1, "contactCentre \(cc.channel.rawValue): serviceLevel in (0, 1)")
            try need(cc.maxOccupancy > 0 && cc.maxOccupancy <= 1 && cc.shrinkage >= 0 && cc.shrinkage < 1,
                     "contactCentre \(cc.channel.rawValue): maxOccupancy in (0, 1], shrinkage in [0, 1)")
            try need(cc.openMinute < cc.closeMinute && cc.intervalMinutes > 0, "contactCentre \(cc.channel.rawValue): open before close, interval > 0")
        }
    }

    /// Parses a user file (JSON); errors name the file.
    public static func parse(_ bytes: [UInt8], source: String) throws(SalesError) -> SalesConfig {
        let config: SalesConfig
        do { config = try ConfigKeys.decoder().decode(SalesConfig.self, from: Data(bytes)) } catch {
            throw SalesError.config("\(source): \(ConfigKeys.describe(error))")
        }
        try config.validate()
        return config
    }
}

/// Daily contacts per channel (indexed by `SalesChannel.code`). `field` unset (the default)
/// means "what the reps can do": see `SalesConfig.channelCapacity(reps:)`.
public struct ChannelCapacity: Codable, Sendable, Equatable {
    public var field: Int? = nil
    public var outboundCC = 300
    public var inboundCC = 200
    public var ecomAssisted = 300
    public var ecomSelf = 600

    public init() {}

    package enum CodingKeys: String, CodingKey, CaseIterable { case field, outboundCC, inboundCC, ecomAssisted, ecomSelf }

    public init(from decoder: any Decoder) throws {
        try ConfigKeys.rejectUnknown(decoder, known: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self), d = ChannelCapacity()
        field = try c.decodeIfPresent(Int.self, forKey: .field); outboundCC = try c.value(.outboundCC, d.outboundCC)
        inboundCC = try c.value(.inboundCC, d.inboundCC); ecomAssisted = try c.value(.ecomAssisted, d.ecomAssisted)
        ecomSelf = try c.value(.ecomSelf, d.ecomSelf)
    }
}

/// What the models must reach; a miss is a warning in the trace and a MISSED KPI.
public struct ModelTargets: Codable, Sendable, Equatable {
    public var churnAUC = 0.75
    /// Expected calibration error of the churn probabilities.
    public var churnECE = 0.05
    /// RMSE of ln(1 + 6-month spend).
    public var valueRMSELog = 0.60
    public init() {}

    package enum CodingKeys: String, CodingKey, CaseIterable { case churnAUC, churnECE, valueRMSELog }

    public init(from decoder: any Decoder) throws {
        try ConfigKeys.rejectUnknown(decoder, known: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self), d = ModelTargets()
        churnAUC = try c.value(.churnAUC, d.churnAUC); churnECE = try c.value(.churnECE, d.churnECE)
        valueRMSELog = try c.value(.valueRMSELog, d.valueRMSELog)
    }
}

/// One staffed channel of the contact centre.
public struct ContactCentreChannel: Codable, Sendable, Equatable {
    public var channel: SalesChannel
    /// Agents rostered for the day (before shrinkage).
    public var agents: Int
    public var handleSeconds: Double
    /// Share answered within `answerSeconds` (80 % in 20 s by default).
    public var serviceLevel = 0.8
    public var answerSeconds = 20.0
    public var maxOccupancy = 0.85
    public var shrinkage = 0.30
    public var openMinute = 9 * 60
    public var closeMinute = 18 * 60
    public var intervalMinutes = 30

    public init(channel: SalesChannel, agents: Int, handleSeconds: Double) {
        self.channel = channel; self.agents = agents; self.handleSeconds = handleSeconds
    }

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case channel, agents, handleSeconds, serviceLevel, answerSeconds, maxOccupancy, shrinkage, openMinute, closeMinute, intervalMinutes
    }

    public init(from decoder: any Decoder) throws {
        try ConfigKeys.rejectUnknown(decoder, known: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(channel: try c.decode(SalesChannel.self, forKey: .channel), agents: try c.decode(Int.self, forKey: .agents),
                  handleSeconds: try c.decode(Double.self, forKey: .handleSeconds))
        serviceLevel = try c.value(.serviceLevel, serviceLevel); answerSeconds = try c.value(.answerSeconds, answerSeconds)
        maxOccupancy = try c.value(.maxOccupancy, maxOccupancy); shrinkage = try c.value(.shrinkage, shrinkage)
        openMinute = try c.value(.openMinute, openMinute); closeMinute = try c.value(.closeMinute, closeMinute)
        intervalMinutes = try c.value(.intervalMinutes, intervalMinutes)
    }
}

extension SalesChannel: Codable {}
