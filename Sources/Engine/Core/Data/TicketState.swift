/// What a ticket's status means for the SLA clock. Tickets keep their desk's own status
/// label; this is the meaning the engine acts on.
public enum TicketState: String, Sendable, CaseIterable, Codable {
    /// Someone on the desk owes the next step: the clock runs.
    case open
    /// The desk asked the customer and waits (Zendesk pending, Freshdesk Waiting on Customer).
    case waitingOnCustomer = "waiting"
    /// Parked on someone outside the desk (Zendesk hold, Waiting on Third Party).
    case onHold = "hold"
    /// Solved, resolved or closed: the clock stopped at the resolution time.
    case solved
}

/// Status label → meaning, with the common help desks' vocabularies as defaults and
/// overrides from config (`status.<label> = open|waiting|hold|solved` in sla.conf).
/// A label nobody knows reads as solved when the row has a resolution time, else open,
/// and the import report lists it.
public struct StatusMapping: Sendable, Equatable {
    private var meaning: [String: TicketState]
    /// The user's own lines (`status.<label>`): they win over any profile's default.
    private var overrides: [String: TicketState] = [:]

    public init(overrides: [String: TicketState] = [:]) {
        meaning = Self.defaults
        for (label, state) in overrides {
            meaning[Self.key(label)] = state
            self.overrides[Self.key(label)] = state
        }
    }

    /// The meaning the user's config gives a label, if it names it.
    public func override(of label: String) -> TicketState? { overrides[Self.key(label)] }

    /// The meaning of a known label; nil for one the mapping has never seen.
    public func state(of label: String) -> TicketState? { meaning[Self.key(label)] }

    /// The meaning used for a row: known labels as mapped, unknown ones by whether the row
    /// has a resolution time.
    public func state(of label: String, resolved: Bool) -> TicketState {
        state(of: label) ?? (resolved ? .solved : .open)
    }

    package static func key(_ label: String) -> String { normaliseLabel(Substring(label)) }

    public static func == (a: StatusMapping, b: StatusMapping) -> Bool { a.meaning == b.meaning && a.overrides == b.overrides }

    /// Zendesk (new, open, pending, hold, solved, closed), Freshdesk (Open, Pending,
    /// Resolved, Closed, Waiting on Customer, Waiting on Third Party), Jira Service Management
    /// (Waiting for support, Waiting for customer, In progress, Pending, Escalated, Resolved,
    /// Closed, Canceled, Done), ServiceNow incident states (New, In Progress, On Hold,
    /// Resolved, Closed, Canceled) and the demo's own.
    package static let defaults: [String: TicketState] = {
        var m: [String: TicketState] = [:]
        for l in ["new", "open", "opened", "reopened", "inprogress", "waitingforsupport", "escalated", "assigned",
                  "active", "workinprogress", "todo", "triage", "1", "2"] { m[key(l)] = .open }
        for l in ["pending", "pendingcustomerresponse", "waitingoncustomer", "waitingforcustomer", "awaitingcustomer",
                  "awaitingcaller", "awaitinguserinfo", "needsinfo", "pendingcustomer"] {
            m[key(l)] = .waitingOnCustomer
        }
        for l in ["hold", "onhold", "waitingonthirdparty", "waitingforthirdparty", "awaitingvendor", "awaitingchange",
                  "awaitingproblem", "pendingvendor", "blocked", "3"] { m[key(l)] = .onHold }
        for l in ["solved", "closed", "resolved", "done", "canceled", "cancelled", "completed", "complete", "6", "7", "8"] {
            m[key(l)] = .solved
        }
        return m
    }()
}

extension TicketState {
    /// A stable byte for binary artifacts (independent of case order in source).
    public var code: UInt8 {
        switch self {
        case .open: 0
        case .waitingOnCustomer: 1
        case .onHold: 2
        case .solved: 3
        }
    }

    public init?(code: UInt8) {
        switch code {
        case 0: self = .open
        case 1: self = .waitingOnCustomer
        case 2: self = .onHold
        case 3: self = .solved
        default: return nil
        }
    }
}
