#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Region {
    /// Margin around the data on the map, as a fraction of its size on each side.
    public static let fittedMargin = 0.08
    /// The smallest box a fitted region gets each way, km (one account, or all in one spot).
    public static let minimumExtentKm = 5.0

    /// The region of data whose accounts and reps lie at these coordinates: their box with a
    /// margin (at least `minimumExtentKm` each way), named by the data's own extent, no coast,
    /// travel defaults from its size. Coordinates out of range are skipped (the gates report
    /// them), so this can run before the gates; with none left, the whole globe.
    public static func fitted(lat: [Double], lon: [Double]) -> Region {
        guard let data = GeoExtent(lat: lat, lon: lon) else {
            return Region(name: "data area (no coordinates)", centres: [.init(lat: 0, lon: 0)], sigmaLat: 10, sigmaLon: 10,
                          coast: nil, polygon: nil, latRange: -90...90, lonRange: -180...180,
                          travel: TravelModel.defaults(for: GeoExtent(south: 0, north: 0, west: 0, east: 0)), isDemo: false)
        }
        let box = data.padded(fraction: fittedMargin, minimumKm: minimumExtentKm)
        // Synthetic draws (tests, benchmarks) spread round the centre over the box.
        return Region(name: "data area " + data.label, centres: [.init(lat: data.centreLat, lon: data.centreLon)],
                      sigmaLat: (box.north - box.south) / 6, sigmaLon: (box.east - box.west) / 6,
                      coast: nil, polygon: nil, latRange: box.south...box.north, lonRange: box.west...box.east,
                      travel: TravelModel.defaults(for: data), isDemo: false)
    }

    /// The region a run's screens and routes use: the demo's Barcelona for generated data,
    /// else the region fitted to the accounts' and the reps' home coordinates.
    public static func of(customers: [Customer], reps: [Rep], demo: Bool) -> Region {
        guard !demo else { return .barcelona }
        return fitted(lat: customers.map(\.lat) + reps.map(\.homeLat), lon: customers.map(\.lon) + reps.map(\.homeLon))
    }
}
