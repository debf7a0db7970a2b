import Engine

/// One finished model of the sales screens, in the order a staged load builds them.
public enum SalesScreensPart: Sendable {
    case channels(ChannelsModel)
    case models(ModelsRunModel)
    case customers(CustomersModel)
    case territories(TerritoriesModel)
    case routes(RoutesModel)
}

/// The parts of a staged load gathered into the whole (the eager `SalesScreens.load`).
struct SalesScreensParts {
    var channels: ChannelsModel?
    var models: ModelsRunModel?
    var customers: CustomersModel?
    var territories: TerritoriesModel?
    var routes: RoutesModel?

    mutating func add(_ part: SalesScreensPart) {
        switch part {
        case .channels(let m): channels = m
        case .models(let m): models = m
        case .customers(let m): customers = m
        case .territories(let m): territories = m
        case .routes(let m): routes = m
        }
    }

    func assembled(runId: Int64) -> SalesScreens? {
        guard let channels, let models, let customers, let territories, let routes else { return nil }
        return SalesScreens(runId: runId, customers: customers, territories: territories, routes: routes, channels: channels,
                            models: models)
    }
}

/// How a staged load's progress line is split among its steps: by what each step reads and
/// builds, in rows of the run's customers and tickets (the small tables count as a few
/// thousand rows).
struct LoadPlan {
    enum Step: Int, CaseIterable {
        case channels, models, customers, tickets, scores, territories, routes
    }

    private let starts: [Double]

    init(customers: Int, tickets: Int) {
        let c = Double(max(customers, 1)), t = Double(max(tickets, 1))
        // Relative cost per step, from `opsdeck bench first-frame` (release) at 100 000 and 1 000 000 rows:
        // customers, tickets and the account table dominate; routes take a tenth.
        let cost: [Step: Double] = [.channels: 1_000, .models: 2_000, .customers: 1.0 * c, .tickets: 1.0 * t,
                                    .scores: 1.0 * c, .territories: 0.05 * c, .routes: 0.35 * c]
        let total = Step.allCases.reduce(0) { $0 + (cost[$1] ?? 0) }
        var at = 0.0, starts: [Double] = []
        for step in Step.allCases {
            starts.append(at / total)
            at += cost[step] ?? 0
        }
        self.starts = starts
    }

    /// The fraction of the whole load done when `step` starts.
    func at(_ step: Step) -> Double { starts[step.rawValue] }
}

extension SalesScreens {
    /// The screens a staged load delivers, in the order it delivers them.
    public static let loadOrder: [ScreenID] = [.channels, .models, .customers, .territories, .repsRoutes]

    /// Loads the sales screens behind the first frame: each screen is built and handed to
    /// `feed` as soon as its data is read, with the progress line moving between steps. `rows`
    /// (the run's customer and ticket counts, as the context already has them) weighs the
    /// steps. Nothing is delivered when the run saved no sales stages (the screens then become
    /// placeholders). Every artifact and dataset is read once.
    public static func load(store: Store, run: RunRecord, demo: Bool? = nil, rows: (customers: Int, tickets: Int),
                            decisions: RouteDecisions, export: CustomerScriptExport,
                            feed: ScreenLoadingFeed) throws(SalesScreensError) {
        var customers: CustomersModel?
        var region: Region?
        do {
            _ = try loadParts(store: store, run: run, demo: demo, plan: LoadPlan(customers: rows.customers, tickets: rows.tickets),
                              progress: { feed.report($0, $1) }) { part in
                switch part {
                case .channels(let m): try feed.deliver([ChannelsScreen(model: m)])
                case .models(let m): try feed.deliver([ModelsScreen(model: m)])
                case .customers(let m):
                    customers = m
                    try feed.deliver([CustomersScreen(model: m, export: export)])
                case .territories(let m):
                    region = m.region
                    try feed.deliver([TerritoriesScreen(model: m)])
                case .routes(let m):
                    guard let customers, let region else { throw SalesScreensError("run \(run.id): routes before customers") }
                    try feed.deliver([RepsScreen(routes: m, customers: customers, region: region, decisions: decisions,
                                                 export: export)])
                }
            }
        } catch let error as SalesScreensError {
            throw error
        } catch let error as RunArtifactError {
            throw SalesScreensError(error.description)
        } catch {
            throw SalesScreensError("run \(run.id): \(error)")
        }
    }
}
