/// A support ticket. Times are seconds since 1970-01-01 00:00 UTC. A ticket not yet
/// answered or resolved has nil there. Priority, channel and status are the desk's own
/// labels; `state` is what the status means for the SLA clock.
///
/// Laid out for a desk of millions: the two optional times are stored as plain Int64s with
/// their presence in one byte beside `state` (an `Int64?` pads to 16 bytes), and the two
/// texts most exports lack (subject, requester e-mail) sit behind one reference, so a ticket
/// is 160 bytes instead of 208 (issue 21). The public properties are unchanged.
public struct Ticket: Sendable, Equatable {
    public var id: String
    /// The desk's priority label; empty when the row had none (`priority.default` in the
    /// SLA policy then gives its target).
    public var priority: String
    /// The channel label the ticket came in by ("Email", "web", "voice", …).
    public var channel: String
    /// Ticket type, e.g. "Technical issue", "Billing inquiry". Open vocabulary.
    public var type: String
    public var product: String
    /// The status label as the desk wrote it.
    public var status: String
    /// Who raised it (email, account id or name), when known: feeds customer history.
    public var customerKey: String?
    /// The subject and the requester's address, nil when the ticket has neither.
    @usableFromInline var notes: TicketNotes?
    public var createdAt: Int64
    /// `firstResponseAt` and `resolvedAt` without their Optional (0 when absent, so that
    /// equality compares only what is there); `present` says which exist.
    @usableFromInline var firstResponseRaw: Int64
    @usableFromInline var resolvedRaw: Int64
    /// 1–5 when the customer rated the resolution.
    public var satisfaction: Double?
    public var state: TicketState
    @usableFromInline var present: UInt8

    @inlinable static var hasFirstResponse: UInt8 { 1 }
    @inlinable static var hasResolved: UInt8 { 2 }

    // Inlinable: the SLA engine reads them per ticket from other modules, where a call
    // copies the whole ticket (its nine texts retained and released) to read one field.
    @inlinable public var firstResponseAt: Int64? {
        get { present & Self.hasFirstResponse != 0 ? firstResponseRaw : nil }
        set {
            firstResponseRaw = newValue ?? 0
            present = newValue == nil ? present & ~Self.hasFirstResponse : present | Self.hasFirstResponse
        }
    }

    public var subject: String? {
        get { notes?.subject }
        set { notes = TicketNotes.make(subject: newValue, requesterEmail: requesterEmail) }
    }

    /// The requester's e-mail address, when the export has one: links the ticket to the
    /// account whose web domain it is (`AccountLink`).
    public var requesterEmail: String? {
        get { notes?.requesterEmail }
        set { notes = TicketNotes.make(subject: subject, requesterEmail: newValue) }
    }

    @inlinable public var resolvedAt: Int64? {
        get { present & Self.hasResolved != 0 ? resolvedRaw : nil }
        set {
            resolvedRaw = newValue ?? 0
            present = newValue == nil ? present & ~Self.hasResolved : present | Self.hasResolved
        }
    }

    @inlinable  // made in place by the generators and readers of millions, not copied out of a call
    public init(id: String, createdAt: Int64, priority: String, channel: String, type: String,
                product: String, status: String, state: TicketState, firstResponseAt: Int64? = nil, resolvedAt: Int64? = nil,
                customerKey: String? = nil, satisfaction: Double? = nil, subject: String? = nil, requesterEmail: String? = nil) {
        self.id = id; self.createdAt = createdAt; self.priority = priority; self.channel = channel
        self.type = type; self.product = product; self.status = status; self.state = state
        self.firstResponseRaw = firstResponseAt ?? 0; self.resolvedRaw = resolvedAt ?? 0
        self.present = (firstResponseAt == nil ? 0 : Self.hasFirstResponse) | (resolvedAt == nil ? 0 : Self.hasResolved)
        self.customerKey = customerKey
        self.satisfaction = satisfaction
        self.notes = TicketNotes.make(subject: subject, requesterEmail: requesterEmail)
    }

    /// Resolved tickets carry their outcome; open, waiting and held ones are still in the queue.
    // A pattern rather than `==`: inlined elsewhere, a call to the enum's `==` needs the whole
    // ticket held for it, so each read of an array's ticket copied it with its nine texts.
    @inlinable public var isResolved: Bool {
        if case .solved = state { return present & Self.hasResolved != 0 }
        return false
    }
}

/// A ticket's subject and requester address, shared by its copies (both immutable): one
/// reference in the ticket rather than two optional texts, for the many exports without them.
@usableFromInline final class TicketNotes: Sendable, Equatable {
    let subject: String?
    let requesterEmail: String?

    private init(subject: String?, requesterEmail: String?) {
        self.subject = subject
        self.requesterEmail = requesterEmail
    }

    /// Nil when there is neither.
    @usableFromInline static func make(subject: String?, requesterEmail: String?) -> TicketNotes? {
        subject == nil && requesterEmail == nil ? nil : TicketNotes(subject: subject, requesterEmail: requesterEmail)
    }

    @usableFromInline static func == (a: TicketNotes, b: TicketNotes) -> Bool {
        a.subject == b.subject && a.requesterEmail == b.requesterEmail
    }
}
