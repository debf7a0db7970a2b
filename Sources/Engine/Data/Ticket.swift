/// A support ticket. Times are seconds since 1970-01-01 00:00 in the desk's local time
/// (files carry no zone; see `CivilDate`). A ticket not yet answered or resolved has nil there.
public struct Ticket: Sendable, Equatable {
    public var id: String
    public var createdAt: Int64
    public var priority: Priority
    public var channel: TicketChannel
    /// Ticket type, e.g. "Technical issue", "Billing inquiry". Open vocabulary.
    public var type: String
    public var product: String
    public var status: TicketStatus
    public var firstResponseAt: Int64?
    public var resolvedAt: Int64?
    /// Who raised it (email, account id or name), when known: feeds customer history.
    public var customerKey: String?
    /// 1–5 when the customer rated the resolution.
    public var satisfaction: Double?
    public var subject: String?

    public init(id: String, createdAt: Int64, priority: Priority, channel: TicketChannel, type: String,
                product: String, status: TicketStatus, firstResponseAt: Int64? = nil, resolvedAt: Int64? = nil,
                customerKey: String? = nil, satisfaction: Double? = nil, subject: String? = nil) {
        self.id = id; self.createdAt = createdAt; self.priority = priority; self.channel = channel
        self.type = type; self.product = product; self.status = status; self.firstResponseAt = firstResponseAt
        self.resolvedAt = resolvedAt; self.customerKey = customerKey; self.satisfaction = satisfaction
        self.subject = subject
    }

    /// Resolved tickets carry their outcome; open and pending ones are still in the queue.
    public var isResolved: Bool { resolvedAt != nil && status == .closed }
}
