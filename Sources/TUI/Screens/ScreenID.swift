/// The six screens of the command center, in tab order (DESIGN.md "Screen").
public enum ScreenID: Int, CaseIterable, Hashable, Sendable {
    case sla = 1, territories, repsRoutes, customers, channels, models

    public var number: Int { rawValue }

    public var title: String {
        switch self {
        case .sla: return "SLA queue"
        case .territories: return "Territories"
        case .repsRoutes: return "Reps & routes"
        case .customers: return "Customers"
        case .channels: return "Channels"
        case .models: return "Models"
        }
    }

    /// A one-word label for narrow tab bars.
    public var shortTitle: String {
        switch self {
        case .sla: return "SLA"
        case .territories: return "Terr."
        case .repsRoutes: return "Reps"
        case .customers: return "Cust."
        case .channels: return "Chan."
        case .models: return "Models"
        }
    }

    /// What the screen will show, said plainly while it has no data yet.
    public var placeholder: [String] {
        switch self {
        case .sla:
            return ["Open support tickets ranked by expected loss if they breach their SLA,",
                    "a daily escalation-capacity slider with the suggested capacity marked,",
                    "net savings and ROI recomputed as the slider moves, the capture curve,",
                    "and breach rate by priority and channel."]
        case .territories:
            return ["Balanced sales territories on a map of the region: accounts, workload",
                    "and value per territory, and how far each is from the target balance."]
        case .repsRoutes:
            return ["Each rep matched to a territory, and their visit days: the route, time",
                    "windows, travel and visit minutes, and accounts left unvisited."]
        case .customers:
            return ["Accounts with churn risk, predicted future value, value × potential",
                    "segment, the Next Best Action with its reasons, and a pre-visit script."]
        case .channels:
            return ["Accounts allocated to field, outbound and inbound contact centre, and",
                    "assisted or self-service e-commerce under each channel's capacity,",
                    "with the contact-centre staffing plan (Erlang C)."]
        case .models:
            return ["The last run's stage trace with durations and counts, model quality",
                    "against targets (AUC, calibration, error), and the KPI monitor gates."]
        }
    }

    /// The data the screen is computed from and the commands that bring it in.
    public var needs: [String] {
        switch self {
        case .sla:
            return ["It needs tickets: opsdeck import tickets FILE (Zendesk, Freshdesk, Jira,",
                    "ServiceNow or a generic CSV), then opsdeck run."]
        case .territories, .repsRoutes:
            return ["It needs accounts with coordinates and reps: opsdeck import customers FILE",
                    "and opsdeck import reps FILE (a CRM export), then opsdeck run."]
        case .customers, .channels:
            return ["It needs accounts: opsdeck import customers FILE (Salesforce, HubSpot or",
                    "a generic CSV), then opsdeck run."]
        case .models:
            return ["It needs a run: opsdeck run (on the store's imports, or --demo)."]
        }
    }

    public func next() -> ScreenID { ScreenID(rawValue: rawValue % ScreenID.allCases.count + 1) ?? .sla }

    public func previous() -> ScreenID {
        let n = ScreenID.allCases.count
        return ScreenID(rawValue: (rawValue + n - 2) % n + 1) ?? .sla
    }
}
