/// A support ticket. Times are seconds since 1970-01-01 00:00 UTC. A ticket not yet
/// answered or resolved has nil there. Priority, channel and status are the desk's own
/// labels; `state` is what the status means for the SLA clock.
public struct Ticket: Sendable, Equatable {
    public var id: String
    public var createdAt: Int64
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
    public var state: TicketState
    public var firstResponseAt: Int64?
    public var resolvedAt: Int64?
    /// Who raised it (email, account id or name), when known: feeds customer history.
    public var customerKey: String?
    /// 1–5 when the customer rated the resolution.
    public var satisfaction: Double?
    public var subject: String?
    /// The requester's e-mail address, when the export has one: links the ticket to the
    /// account whose web domain it is (`AccountLink`).
    public var requesterEmail: String?

    public init(id: String, createdAt: Int64, priority: String, channel: String, type: String,
                product: String, status: String, state: TicketState, firstResponseAt: Int64? = nil, resolvedAt: Int64? = nil,
                customerKey: String? = nil, satisfaction: Double? = nil, subject: String? = nil, requesterEmail: String? = nil) {
        self.id = id; self.createdAt = createdAt; self.priority = priority; self.channel = channel
        self.type = type; self.product = product; self.status = status; self.state = state
        self.firstResponseAt = firstResponseAt; self.resolvedAt = resolvedAt; self.customerKey = customerKey
        self.satisfaction = satisfaction; self.subject = subject; self.requesterEmail = requesterEmail
    }

    /// Resolved tickets carry their outcome; open, waiting and held ones are still in the queue.
    public var isResolved: Bool { resolvedAt != nil && state == .solved }
}
