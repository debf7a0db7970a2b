/// One help desk's ticket export: which header columns hold which field, how to recognise
/// it from its header, and what its statuses mean where they differ from the common
/// defaults. Profiles are data: adding a desk is adding an entry to `TicketProfile.all`.
public struct TicketProfile: Sendable, Equatable {
    /// The name `--profile` takes.
    public var name: String
    /// As the import report names it.
    public var title: String
    /// Per field, the header names it answers to (matched ignoring case, spaces, `-`, `_`).
    public var columns: [TicketField: [String]]
    /// Header names that together identify the export (all must be present).
    public var signature: [String]
    /// Status meanings that differ from the common defaults (Jira's Pending is on hold).
    public var statuses: [String: TicketState]
    /// How tickets name their account, for the report's link line.
    public var linkNote: String
    /// Whether creation times are missing and derived (the public export).
    public var derivesCreation: Bool
    /// Columns that hold the requester's e-mail, preferred first; the customer-fallback
    /// column (the requester) is tried after them. Its domain links the ticket to an account.
    public var emailColumns: [String]

    public init(name: String, title: String, columns: [TicketField: [String]], signature: [String],
                statuses: [String: TicketState] = [:], linkNote: String, derivesCreation: Bool = false,
                emailColumns: [String] = []) {
        self.name = name; self.title = title; self.columns = columns; self.signature = signature
        self.statuses = statuses; self.linkNote = linkNote; self.derivesCreation = derivesCreation
        self.emailColumns = emailColumns
    }

    /// The schema `ColumnMapping.resolve` matches a header against, in `TicketField` order.
    /// A field is required only where the export always has it.
    package var fieldSpecs: [FieldSpec] {
        TicketField.allCases.map { f in
            let names = columns[f] ?? []
            let required = f == .id || f == .status || (f == .created && !derivesCreation)
            return FieldSpec(f.name, aliases: names.filter { $0 != f.name }, required: required)
        }
    }

    public static func named(_ name: String) -> TicketProfile? {
        let key = normaliseLabel(Substring(name))
        return all.first { normaliseLabel(Substring($0.name)) == key }
    }

    /// The first profile (most specific first) whose signature the header holds; the generic
    /// schema otherwise.
    public static func detect(header: [String]) -> TicketProfile {
        let set = Set(header.map { normaliseLabel(Substring($0)) })
        for p in all where p.name != generic.name {
            if p.signature.allSatisfy({ set.contains(normaliseLabel(Substring($0))) }) { return p }
        }
        return generic
    }

    public static var names: [String] { all.map(\.name) }
}
