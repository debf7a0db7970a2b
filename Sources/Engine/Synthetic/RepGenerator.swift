import Core
/// Seeded field reps whose homes are drawn from customer locations, as real reps live
/// where their accounts are.
public struct RepGenerator: Sendable {
    public var seed: UInt64

    public init(seed: UInt64) { self.seed = seed }

    package static let firstNames = ["Marta", "Jordi", "Laia", "Pau", "Núria", "Arnau", "Carla", "Marc", "Júlia", "Oriol",
                             "Anna", "Pol", "Mireia", "Sergi", "Clara", "Xavier", "Aina", "Albert", "Berta", "Gerard"]
    package static let lastNames = ["Puig", "Soler", "Vidal", "Ferrer", "Serra", "Font", "Roca", "Casals", "Riera", "Pujol",
                            "Costa", "Mas", "Vila", "Sala", "Camps", "Roig", "Bosch", "Prat", "Valls", "Codina"]

    /// `count` reps; with no customers the homes are drawn from the demo region.
    public func generate(count: Int, customers: [Customer], region: Region = .barcelona) -> [Rep] {
        var rng = SeededRNG(seed: seed).derived(0x4E9)
        var reps = [Rep]()
        reps.reserveCapacity(count)
        for i in 0..<count {
            let home: (lat: Double, lon: Double)
            if customers.isEmpty {
                home = region.samplePoint(&rng)
            } else {
                let c = customers[rng.int(below: customers.count)]
                home = (c.lat, c.lon)
            }
            let first = Self.firstNames[(i + rng.int(below: 7)) % Self.firstNames.count]
            let last = Self.lastNames[rng.int(below: Self.lastNames.count)]
            let start = [8 * 60, 8 * 60 + 30, 9 * 60][rng.int(below: 3)]
            reps.append(Rep(id: CustomerGenerator.code("R", i + 1, 3), name: first + " " + last,
                            homeLat: home.lat, homeLon: home.lon,
                            dayStartMinute: start, dayEndMinute: start + 9 * 60, workingDays: 5))
        }
        return reps
    }
}
