import Core
/// One SLA policy of a desk's ordered list (a `[policy NAME]` section of sla.conf): the
/// tickets it covers, by conditions that must all hold, and its targets per metric and
/// priority. The first policy whose conditions a ticket meets is its policy (Zendesk's
/// "position"); a policy without conditions covers every ticket that reaches it.
public struct SLAPolicyRule: Sendable, Equatable {
    public var name: String
    /// All must hold (an empty list always holds).
    public var conditions: [SLACondition]
    /// Per metric (`SLAMetric.rawValue`): target hours by priority label. A priority absent
    /// here has no target for that metric under this policy.
    public var targetHours: [LabelTable<Double>]
    /// Whose business hours its clock counts.
    public var calendar: CalendarReference

    public enum CalendarReference: Sendable, Equatable {
        /// The desk's calendar (the top-level `calendar.*` lines; none: around the clock).
        case desk
        /// Around the clock whatever the desk's calendar (`calendar = none`).
        case none
        /// A `[calendar NAME]` section.
        case named(String)
    }

    public init(name: String, conditions: [SLACondition] = [], targetHours: [LabelTable<Double>] = [LabelTable(), LabelTable()],
                calendar: CalendarReference = .desk) {
        self.name = name
        self.conditions = conditions
        self.targetHours = targetHours
        self.calendar = calendar
    }

    public func target(_ metric: SLAMetric) -> LabelTable<Double> {
        metric.rawValue < targetHours.count ? targetHours[metric.rawValue] : LabelTable()
    }
}

/// A condition on one ticket field: the field's value is (or, negated, is not) one of the
/// listed labels, compared as `LabelTable` compares (any case, spaces, `-` and `_` ignored).
/// A tag field (tags, labels) holds several tags separated by spaces or commas: it matches
/// when any of them is listed.
public struct SLACondition: Sendable, Equatable {
    /// The field as written in the file (`group`, `tags`, `organization`, `priority`…).
    public var field: String
    /// Normalised labels.
    public var values: Set<String>
    public var negated: Bool

    public init(field: String, values: [String], negated: Bool = false) {
        self.field = field
        self.values = Set(values.map { normaliseLabel(Substring($0)) })
        self.negated = negated
    }

    /// Whether a ticket whose field reads `cell` meets it.
    public func holds(for cell: String) -> Bool {
        let hit: Bool
        if SLACondition.isTagField(field) {
            hit = cell.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" })
                .contains { values.contains(normaliseLabel($0)) }
        } else {
            hit = values.contains(normaliseLabel(Substring(cell)))
        }
        return hit != negated
    }

    package static func isTagField(_ field: String) -> Bool {
        let k = normaliseLabel(Substring(field))
        return k == "tags" || k == "tag" || k == "labels"
    }

    /// Built-in ticket fields a condition may name.
    package static let ticketFields = ["priority", "channel", "type", "product", "status", "customer"]

    /// Other spellings of the fields help desks export, so `if.group` finds Zendesk's
    /// `group_name` or ServiceNow's `assignment_group`, and `if.tier` a CRM's `customer tier`.
    package static let aliases: [String: [String]] = [
        "group": ["group", "groupname", "assignmentgroup", "team", "queue"],
        "organization": ["organization", "organisation", "organizationname", "organisationname", "org", "company", "account"],
        "tier": ["tier", "customertier", "supporttier", "plan", "segment"],
        "tags": ["tags", "tag", "labels"],
    ]

    /// The extra column `field` names among `columns` (normalised names), if any.
    package static func column(for field: String, among columns: [String]) -> Int? {
        let k = normaliseLabel(Substring(field))
        let canonical = aliases.first { $0.key == k || $0.value.contains(k) }
        let names = [k] + (canonical?.value ?? [])
        for n in names { if let j = columns.firstIndex(of: n) { return j } }
        return nil
    }
}
