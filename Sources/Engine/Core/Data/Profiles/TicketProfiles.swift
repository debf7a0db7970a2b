/// The ticket exports OpsDeck reads, most specific first. Column names come from each
/// vendor's published field list (docs/vendor-formats.md); header names match ignoring
/// case, spaces, `-` and `_`, so Zendesk's API names (`created_at`) and its CSV export's
/// (`Created at`) are one profile.
extension TicketProfile {
    public static let all: [TicketProfile] = [supportExport, zendesk, freshdesk, jira, serviceNow, generic]

    /// OpsDeck's own schema (what `opsdeck generate tickets` writes), with common aliases.
    public static let generic = TicketProfile(
        name: "generic", title: "OpsDeck generic ticket schema",
        columns: [
            .id: ["ticket_id", "id", "ticket", "ticket_number", "number"],
            .created: ["created_at", "created", "opened_at", "created_time", "creation_time"],
            .priority: ["priority", "ticket_priority"],
            .channel: ["channel", "ticket_channel", "via", "via_channel", "source", "contact_type"],
            .type: ["type", "ticket_type", "category"],
            .product: ["product"],
            .status: ["status", "ticket_status", "state"],
            .firstResponse: ["first_response_at", "first_response", "first_reply_at", "responded_at"],
            .resolved: ["resolved_at", "solved_at", "resolved", "resolution_time"],
            .closed: ["closed_at", "closed"],
            .customer: ["customer", "customer_id", "customer_key", "account_id", "account", "organization", "company"],
            .customerFallback: ["customer_email", "email", "requester_email", "requester"],
            .satisfaction: ["satisfaction", "csat", "satisfaction_rating"],
            .subject: ["subject", "summary", "title"],
            .holdReason: ["hold_reason"],
        ],
        signature: [], linkNote: "customer (an account id, e-mail or organisation)",
        emailColumns: ["customer_email", "email", "requester_email"])

    /// The public "customer support tickets" data set: no creation time (derived, see
    /// `TicketCSV.CreationRule`), descriptions quoted across lines.
    public static let supportExport = TicketProfile(
        name: "support-export", title: "public customer-support-tickets export",
        columns: [
            .id: ["Ticket ID"], .priority: ["Ticket Priority"], .channel: ["Ticket Channel"], .type: ["Ticket Type"],
            .product: ["Product Purchased"], .status: ["Ticket Status"], .firstResponse: ["First Response Time"],
            .resolved: ["Time to Resolution"], .customer: ["Customer Email"], .customerFallback: ["Customer Name"],
            .satisfaction: ["Customer Satisfaction Rating"], .subject: ["Ticket Subject"],
        ],
        signature: ["Ticket ID", "Ticket Priority"], linkNote: "Customer Email (else Customer Name)", derivesCreation: true)

    /// Zendesk: the Tickets API's field names (flattened: `via_channel`, metric columns from
    /// Ticket Metrics) and the admin CSV export's (`Created at`, `Via`, `Organization`).
    public static let zendesk = TicketProfile(
        name: "zendesk", title: "Zendesk tickets",
        columns: [
            .id: ["id"], .created: ["created_at"], .priority: ["priority"], .channel: ["via_channel", "via"],
            .type: ["type", "ticket_type"], .product: ["product [list]", "product"], .status: ["status"],
            .resolved: ["solved_at"], .customer: ["organization", "organization_id"],
            .customerFallback: ["requester_email", "requester_id", "requester"],
            .satisfaction: ["satisfaction_rating", "satisfaction_score"], .subject: ["subject"],
            .firstResponseMinutes: ["reply_time_in_minutes", "first_reply_time_in_minutes"],
            .resolutionMinutes: ["full_resolution_time_in_minutes"],
        ],
        signature: ["id", "created_at", "requester_id"],
        linkNote: "Organization (organization_id in the API shape), else the requester",
        emailColumns: ["requester_email"])

    /// Freshdesk's ticket export (Tickets › Export): times in the helpdesk's zone.
    public static let freshdesk = TicketProfile(
        name: "freshdesk", title: "Freshdesk ticket export",
        columns: [
            .id: ["Ticket ID"], .created: ["Created time"], .priority: ["Priority"], .channel: ["Source"],
            .type: ["Type"], .product: ["Product"], .status: ["Status"], .firstResponse: ["Initial response time"],
            .resolved: ["Resolved time"], .closed: ["Closed time"], .customer: ["Company Name"],
            .customerFallback: ["Contact ID", "Full name", "Email"], .satisfaction: ["Survey results"],
            .subject: ["Subject"], .firstResponseHours: ["First response time (in hrs)"],
            .resolutionHours: ["Resolution time (in hrs)"],
        ],
        signature: ["Ticket ID", "Created time", "Source"], linkNote: "Company Name, else the contact",
        emailColumns: ["Email", "Contact email"])

    /// Jira Service Management's issue export (Export Excel CSV): `05/Mar/24 2:07 PM`
    /// times, repeated `Labels` columns, `Custom field (…)` names.
    public static let jira = TicketProfile(
        name: "jira", title: "Jira Service Management issue export",
        columns: [
            .id: ["Issue key"], .created: ["Created"], .priority: ["Priority"], .type: ["Issue Type"],
            .product: ["Component/s"], .status: ["Status"], .resolved: ["Resolved"],
            .customer: ["Custom field (Organizations)", "Organizations"], .customerFallback: ["Reporter"],
            .satisfaction: ["Custom field (Satisfaction)", "Custom field (Satisfaction rating)", "Satisfaction rating"],
            .subject: ["Summary"],
        ],
        signature: ["Issue key", "Issue Type", "Created"],
        // Jira's Pending waits on a third party, change or approval (the customer's turn is
        // "Waiting for customer").
        statuses: ["Pending": .onHold],
        linkNote: "Custom field (Organizations), else the reporter")

    /// ServiceNow's incident list export (display values, field names as headers).
    public static let serviceNow = TicketProfile(
        name: "servicenow", title: "ServiceNow incident export",
        columns: [
            .id: ["number"], .created: ["opened_at"], .priority: ["priority"], .channel: ["contact_type"],
            .type: ["category"], .product: ["cmdb_ci", "business_service"], .status: ["state", "incident_state"],
            .resolved: ["resolved_at"], .closed: ["closed_at"], .customer: ["company"],
            .customerFallback: ["caller_id"], .subject: ["short_description"], .holdReason: ["hold_reason"],
        ],
        signature: ["number", "opened_at", "short_description"], linkNote: "company, else the caller",
        emailColumns: ["caller_id.email", "caller_email"])
}
