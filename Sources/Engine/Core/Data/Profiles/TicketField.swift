/// The fields a ticket import can fill, whatever the desk's export calls them. A profile
/// (`TicketProfile`) names the header columns of each; `--map column=field` overrides.
public enum TicketField: Int, CaseIterable, Sendable {
    case id, created, priority, channel, type, product, status
    case firstResponse, resolved, closed
    case customer, customerFallback, satisfaction, subject
    /// Durations from creation, for exports that give a metric instead of a time.
    case firstResponseMinutes, resolutionMinutes, firstResponseHours, resolutionHours
    /// ServiceNow's On Hold reason: "Awaiting Caller" means waiting on the customer.
    case holdReason

    /// The generic schema's name of the field (what `--map` targets and `TicketCSV.write` writes).
    public var name: String {
        switch self {
        case .id: "ticket_id"
        case .created: "created_at"
        case .priority: "priority"
        case .channel: "channel"
        case .type: "type"
        case .product: "product"
        case .status: "status"
        case .firstResponse: "first_response_at"
        case .resolved: "resolved_at"
        case .closed: "closed_at"
        case .customer: "customer"
        case .customerFallback: "customer_fallback"
        case .satisfaction: "satisfaction"
        case .subject: "subject"
        case .firstResponseMinutes: "first_response_minutes"
        case .resolutionMinutes: "resolution_minutes"
        case .firstResponseHours: "first_response_hours"
        case .resolutionHours: "resolution_hours"
        case .holdReason: "hold_reason"
        }
    }
}
