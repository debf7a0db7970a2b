import Engine

/// Everything screens 2–6 draw, loaded once from a saved run: the loader reads the run's
/// artifacts and datasets, the screens only draw (none recomputes a model).
public struct SalesScreens: Sendable {
    public var runId: Int64
    public var customers: CustomersModel
    public var territories: TerritoriesModel
    public var routes: RoutesModel
    public var channels: ChannelsModel
    public var models: ModelsRunModel

    public init(runId: Int64, customers: CustomersModel, territories: TerritoriesModel, routes: RoutesModel, channels: ChannelsModel,
                models: ModelsRunModel) {
        self.runId = runId; self.customers = customers; self.territories = territories; self.routes = routes
        self.channels = channels; self.models = models
    }

    /// The five screens, in tab order.
    public func screens(decisions: RouteDecisions, export: CustomerScriptExport) -> [any Screen] {
        [TerritoriesScreen(model: territories),
         RepsScreen(routes: routes, customers: customers, region: territories.region, decisions: decisions, export: export),
         CustomersScreen(model: customers, export: export),
         ChannelsScreen(model: channels),
         ModelsScreen(model: models)]
    }
}

/// Why a saved run could not be opened on the sales screens, in one line.
public struct SalesScreensError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ message: String) { description = message }
}

/// A saved CSV artifact as a header and rows, with columns found by name.
struct SavedTable {
    let header: [String]
    let rows: [[String]]

    init(text: String, name: String) throws(SalesScreensError) {
        let reader = CSVReader(text: text, name: name)
        var header: [String] = [], rows: [[String]] = []
        do {
            if try reader.next() { header = reader.strings }
            while try reader.next() { rows.append(reader.strings) }
        } catch {
            throw SalesScreensError("\(name): \(error)")
        }
        self.header = header
        self.rows = rows
    }

    func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// The named field of a row ("" when the column or the field is missing).
    func text(_ row: [String], _ name: String) -> String {
        guard let c = column(name), c < row.count else { return "" }
        return row[c]
    }

    func number(_ row: [String], _ name: String) -> Double { Double(text(row, name)) ?? 0 }
    func int(_ row: [String], _ name: String) -> Int { Int(text(row, name)) ?? 0 }
}
