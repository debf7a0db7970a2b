import Core
extension PrepScriptTemplate {
    /// The template compiled into the binary; users override it with a file of their own
    /// (see `userPath`). Plain text: nothing is HTML-escaped.
    public static let defaultText = """
    PREP SCRIPT · {{account}} · {{contact_kind}} via {{channel}} · day {{day}}{{#stop}} · stop {{sequence}} at {{arrival}} ({{rep}}){{/stop}}

    == Context
    {{tier}} account in {{industry}}, segment {{segment}}, interested in {{product}}.
    Churn risk {{churn_pct}}, predicted 6-month value €{{potential_eur}}, NBA {{nba_score}} (rank {{nba_rank}}).
    {{#has_tickets}}
    Open tickets:
    {{#tickets}}
    - {{id}} {{priority}} {{type}}, open {{age_days}} days{{#overdue}} (past its SLA){{/overdue}}
    {{/tickets}}
    {{/has_tickets}}
    {{^has_tickets}}
    No open tickets.
    {{/has_tickets}}

    == NBA rationale
    {{#reasons}}
    - {{text}}
    {{/reasons}}

    == Action items
    {{#actions}}
    - {{text}}
    {{/actions}}

    == Objection handling
    {{#objections}}
    - "{{objection}}" → {{response}}
    {{/objections}}

    == Compliance reminder
    {{#compliance}}
    - {{text}}
    {{/compliance}}

    """
}
