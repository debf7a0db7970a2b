/// A support ticket. Times are seconds since 1970-01-01 00:00 UTC. A ticket not yet
/// answered or resolved has nil there. Priority, channel and status are the desk's own
/// labels; `state` is what the status means for the SLA clock.
///
/// Laid out for a desk of millions: the two optional times are stored as plain Int64s with
/// their presence in one byte beside `state` (an `Int64?` pads to 16 bytes), so a ticket is
/// 184 bytes instead of 208 (issue 21). The public properties are unchanged.
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
    public var subject: String?
    /// The requester's e-mail address, when the export has one: links the ticket to the
    /// account whose web domain it is (`AccountLink`).
    public var requesterEmail: String?
    public var createdAt: Int64
    /// `firstResponseAt` and `resolvedAt` without their Optional (0 when absent, so that
    /// equality compares only what is there); `present` says which exist.
    private var firstResponseRaw: Int64
    private var resolvedRaw: Int64
    /// 1–5 when the customer rated the resolution.
    public var satisfaction: Double?
    public var state: TicketState
    private var present: UInt8

    private static let hasFirstResponse: UInt8 = 1, hasResolved: UInt8 = 2

    public var firstResponseAt: Int64? {
        @inline(__always) get { present & Self.hasFirstResponse != 0 ? firstResponseRaw : nil }
        set {
            firstResponseRaw = newValue ?? 0
            present = newValue == nil ? present & ~Self.hasFirstResponse : present | Self.hasFirstResponse
        }
    }

    public var resolvedAt: Int64? {
        @inline(__always) get { present & Self.hasResolved != 0 ? resolvedRaw : nil }
        set {
            resolvedRaw = newValue ?? 0
            present = newValue == nil ? present & ~Self.hasResolved : present | Self.hasResolved
        }
    }

    public init(id: String, createdAt: Int64, priority: String, channel: String, type: String,
                product: String, status: String, state: TicketState, firstResponseAt: Int64? = nil, resolvedAt: Int64? = nil,
                customerKey: String? = nil, satisfaction: Double? = nil, subject: String? = nil, requesterEmail: String? = nil) {
        self.id = id; self.createdAt = createdAt; self.priority = priority; self.channel = channel
        self.type = type; self.product = product; self.status = status; self.state = state
        self.firstResponseRaw = firstResponseAt ?? 0; self.resolvedRaw = resolvedAt ?? 0
        self.present = (firstResponseAt == nil ? 0 : Self.hasFirstResponse) | (resolvedAt == nil ? 0 : Self.hasResolved)
        self.customerKey = customerKey
        self.satisfaction = satisfaction; self.subject = subject; self.requesterEmail = requesterEmail
    }

    /// Resolved tickets carry their outcome; open, waiting and held ones are still in the queue.
    public var isResolved: Bool { present & Self.hasResolved != 0 && state == .solved }
}
