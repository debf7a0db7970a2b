/// Semantic colour roles. Screens and widgets name a role; a theme gives it a colour.
/// Raw values are the keys of `theme[key]="#RRGGBB"` lines in `themes/*.theme`.
public enum Role: String, CaseIterable, Hashable, Sendable {
    case mainFg = "main_fg"
    case mainBg = "main_bg"
    case title
    case hiFg = "hi_fg"
    case tabActive = "tab_active"
    case tabActiveBg = "tab_active_bg"
    case tabInactive = "tab_inactive"
    case statusBar = "status_bar"
    case statusFg = "status_fg"
    case selection
    case selectionFg = "selection_fg"
    case border
    case axis
    case muted
    case warning
    case breachRiskHigh = "breach_risk_high"
    case breachRiskMedium = "breach_risk_medium"
    case breachRiskLow = "breach_risk_low"
    case savingsPositive = "savings_positive"
    case savingsNegative = "savings_negative"
    case marker
    case chartLine = "chart_line"
    case chartFill = "chart_fill"
    case territory1 = "territory_1"
    case territory2 = "territory_2"
    case territory3 = "territory_3"
    case territory4 = "territory_4"
    case territory5 = "territory_5"
    case territory6 = "territory_6"
    case territory7 = "territory_7"
    case territory8 = "territory_8"
    case heat0 = "heat_0"
    case heat1 = "heat_1"
    case heat2 = "heat_2"
    case heat3 = "heat_3"
    case heat4 = "heat_4"

    /// The eight territory colours in order, for maps and legends.
    public static let territories: [Role] = [
        .territory1, .territory2, .territory3, .territory4,
        .territory5, .territory6, .territory7, .territory8,
    ]

    /// Heat levels from cold to hot.
    public static let heat: [Role] = [.heat0, .heat1, .heat2, .heat3, .heat4]

    /// Attributes that carry the role's meaning when there is no colour (mono theme,
    /// `NO_COLOR`, or a terminal too poor to tell two colours apart) — htop's habit.
    public var monoEmphasis: CellAttributes {
        switch self {
        case .title, .hiFg, .breachRiskHigh, .savingsNegative, .marker, .warning, .heat4:
            return .bold
        case .tabActive, .tabActiveBg:
            return [.reverse, .bold]
        case .statusBar, .statusFg, .selection, .selectionFg:
            return .reverse
        case .muted, .axis, .border, .heat0:
            return .dim
        default:
            return []
        }
    }
}
