import Core
import Sales
/// The schedule of a plan's stops, saved with the routes so the screen reads it rather than
/// recomputing legs: per stop, the road km from the previous one (home first), the wait before
/// the visit starts (after the drive and any lunch), the visit's length and its window (the
/// account's opening hours within the rep's day), on the travel the routing used. The visit's
/// start is the routing's own timeline (`FieldRoutes.Visit.arrivalMinute`).
package enum RouteSchedule {
    package static func stops(_ visits: [FieldRoutes.Visit], customers: [Customer], reps: [Rep], nbaPercentile: [Double],
                      travel: TravelModel, visitMinutes: Int) -> [RouteStopRow] {
        // Each rep-day's stops in visiting order, whatever order the plan lists them in.
        var days: [Int: [Int]] = [:]
        for (k, v) in visits.enumerated() { days[v.rep * 4096 + v.day, default: []].append(k) }
        var out = [RouteStopRow?](repeating: nil, count: visits.count)
        for (_, indices) in days {
            guard let first = indices.first else { continue }
            let r = visits[first].rep
            let rep = r >= 0 && r < reps.count ? reps[r] : nil
            let dayStart = rep?.dayStartMinute ?? 0, dayEnd = rep?.dayEndMinute ?? 1440
            var prevLat = rep?.homeLat ?? 0, prevLon = rep?.homeLon ?? 0, free = dayStart
            for k in indices.sorted(by: { visits[$0].sequence < visits[$1].sequence }) {
                let v = visits[k], c = customers[v.account]
                let km = TravelModel.haversineKm(prevLat, prevLon, c.lat, c.lon) * travel.roadFactor
                // The routing's own leg (the travel matrix's where it has the pair).
                let leg = v.time.travelSeconds / 60
                let service = c.visitWindow?.minutes ?? visitMinutes
                out[k] = RouteStopRow(rep: rep?.id ?? "", day: v.day + 1, sequence: v.sequence, account: c.id, arrivalMinute: v.arrivalMinute,
                                      prize: v.prize, nbaPercentile: nbaPercentile[v.account], fillIn: v.fillIn, travelKm: km,
                                      waitMinutes: max(0, v.arrivalMinute - free - leg), serviceMinutes: service,
                                      windowStart: max(dayStart, c.visitWindow?.opens ?? dayStart),
                                      windowEnd: min(dayEnd, c.visitWindow?.closes ?? dayEnd))
                prevLat = c.lat; prevLon = c.lon; free = v.arrivalMinute + service
            }
        }
        return out.compactMap { $0 }
    }
}
