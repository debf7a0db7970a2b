import Core
/// What the field's routes changed in the allocation.
public struct FieldHandover: Sendable, Equatable {
    /// Visited accounts the allocation had put on another channel: that contact is released.
    public var takenOver: Int
    /// Field accounts of the horizon the routes did not visit, given to another channel.
    public var handedBack: Int
    /// Field accounts of the horizon the routes did not visit and no channel had room for.
    public var waiting: Int

    package init(takenOver: Int, handedBack: Int, waiting: Int) {
        self.takenOver = takenOver; self.handedBack = handedBack; self.waiting = waiting
    }
}

extension ChannelAllocation {
    /// The field's routes decide which accounts the field serves, and when, so the allocation
    /// is made to agree with them and no account is both visited and called:
    /// - an account the routes visit moves to the field on its visit day, whatever channel
    ///   (and day) the allocation gave it — that contact is released;
    /// - a field account of the horizon the routes leave out goes to its best-fitting other
    ///   channel on the earliest day that channel has room, else waits on the field past the horizon.
    /// `visitDay[i]` is account i's visit day, or -1. Summary counts are recomputed.
    public mutating func applyFieldRoutes(visitDay: [Int32], fit: [Float]) -> FieldHandover {
        let k = ChannelFit.channels, n = channel.count, field = UInt8(SalesChannel.field.code)
        precondition(visitDay.count == n, "one visit day per account")
        var handover = FieldHandover(takenOver: 0, handedBack: 0, waiting: 0)
        var left: [Int] = []
        for i in 0..<n {
            if visitDay[i] >= 0 {
                if channel[i] != field { handover.takenOver += 1 }
                channel[i] = field
                day[i] = visitDay[i]
            } else if channel[i] == field && day[i] >= 0 && day[i] < Int32(days) {
                left.append(i)
            }
        }
        var load = [Int](repeating: 0, count: k * days)
        for i in 0..<n where day[i] >= 0 && day[i] < Int32(days) && (channel[i] != field || visitDay[i] >= 0) {
            load[Int(channel[i]) * days + Int(day[i])] += 1
        }
        for i in left {
            let others = (0..<k).filter { $0 != Int(field) && capacity[$0] > 0 }
                .sorted { fit[i * k + $0] != fit[i * k + $1] ? fit[i * k + $0] > fit[i * k + $1] : $0 < $1 }
            var placed = false
            search: for c in others {
                for d in 0..<days where load[c * days + d] < capacity[c] {
                    load[c * days + d] += 1
                    channel[i] = UInt8(c)
                    day[i] = Int32(d)
                    placed = true
                    break search
                }
            }
            if placed { handover.handedBack += 1 } else { day[i] = Int32(days); handover.waiting += 1 }
        }
        summarise(fit: fit)
        return handover
    }
}
