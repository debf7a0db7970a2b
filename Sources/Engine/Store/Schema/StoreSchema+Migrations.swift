import Core

extension StoreSchema {
    /// Every migration, in the order stores run them. Names are the ones SQLite stores
    /// created before PostgreSQL existed already carry.
    package static let migrations: [StoreMigration] = [v1, models, customerExtras, openLabels, importMappings, domains,
                                                       alerts, ticketIds, ticketBlocks]

    private static let immutable = "a saved run is immutable"

    static let v1 = StoreMigration(name: "v1", steps: [
        .table("dataset", [
            identity(),
            column("kind", .text, oneOf: ["customers", "reps", "tickets"]),
            column("source", .text), column("created_at", .text), column("row_count", .integer),
            column("gate_report", .text, default: "''"),
        ], primaryKey: [], withoutRowID: false),
        .table("customer", [
            datasetParent(), column("row", .integer),
            column("id", .text), column("lat", .real), column("lon", .real),
            column("last_purchase_day", .integer, null: true), column("amount", .real, null: true),
            column("lifetime_value", .real), column("company_size", .integer), column("industry", .text),
            column("tier", .text), column("preferred_channel", .text), column("last_contact_channel", .text),
            column("digital_engagement", .real), column("inbound_calls_30d", .integer),
            column("outbound_connect_rate", .real), column("web_sessions_30d", .integer),
            column("abandoned_carts_30d", .integer), column("ecom_orders_30d", .integer),
            column("support_tickets_90d", .integer), column("csat", .real, null: true), column("recent_issue", .integer),
            column("touches_30d", .integer), column("product_interest", .text),
            column("churned", .integer, null: true), column("future_spend", .real, null: true),
            column("churn_logit", .real, null: true),
        ], primaryKey: ["dataset_id", "row"], withoutRowID: true),
        .table("rep", [
            datasetParent(), column("row", .integer),
            column("id", .text), column("name", .text), column("home_lat", .real), column("home_lon", .real),
            column("day_start", .integer), column("day_end", .integer), column("working_days", .integer),
        ], primaryKey: ["dataset_id", "row"], withoutRowID: true),
        .table("ticket", [
            datasetParent(), column("row", .integer),
            column("id", .text), column("created_at", .integer), column("priority", .text), column("channel", .text),
            column("type", .text), column("product", .text), column("status", .text),
            column("first_response_at", .integer, null: true), column("resolved_at", .integer, null: true),
            column("customer_key", .text, null: true), column("satisfaction", .real, null: true),
            column("subject", .text, null: true),
        ], primaryKey: ["dataset_id", "row"], withoutRowID: true),
        .table("run", [
            identity(), column("created_at", .text), column("seed", .integer), column("config", .text),
            column("customers_dataset", .integer, null: true, references: "dataset"),
            column("reps_dataset", .integer, null: true, references: "dataset"),
            column("tickets_dataset", .integer, null: true, references: "dataset"),
            column("kpis", .text), column("trace", .text),
        ], primaryKey: [], withoutRowID: false),
        .table("artifact", [
            column("run_id", .integer, references: "run"), column("name", .text), column("data", .blob),
        ], primaryKey: ["run_id", "name"], withoutRowID: false),
        .table("decision", [
            identity(), column("run_id", .integer, null: true, references: "run"), column("at", .text),
            column("user", .text), column("action", .text), column("subject", .text), column("value", .text, default: "''"),
        ], primaryKey: [], withoutRowID: false),
        .index("decision_run", table: "decision", columns: ["run_id", "subject"]),
        .table("audit_log", [
            identity(), column("at", .text), column("user", .text), column("event", .text), column("detail", .text, default: "''"),
        ], primaryKey: [], withoutRowID: false),
        // A saved run and its artifacts never change: decisions are the only way to act on them.
        .refuse(trigger: "run_immutable", table: "run", event: "UPDATE", message: immutable),
        .refuse(trigger: "artifact_immutable", table: "artifact", event: "UPDATE", message: immutable),
        .refuse(trigger: "artifact_no_delete", table: "artifact", event: "DELETE", message: immutable),
    ])

    /// Saved models of `opsdeck model fit --save`: the model card (JSON) beside the model's
    /// bytes. A name is one current model; saving again under it replaces it (audited).
    static let models = StoreMigration(name: "v2-models", steps: [
        .table("model", [
            identity(), column("name", .text, unique: true), column("created_at", .text), column("task", .text),
            column("family", .text), column("target", .text), column("card", .text), column("data", .blob),
        ], primaryKey: [], withoutRowID: false),
    ])

    /// The extra columns of an imported file (those no field maps): one row per dataset and
    /// column, the whole column in one blob (distinct texts and a code per row), so a
    /// million-row import adds a handful of rows, not millions.
    static let customerExtras = StoreMigration(name: "v3-customer-extras", steps: [
        .table("customer_extra", [
            column("dataset_id", .integer, references: "dataset", cascade: true), column("position", .integer),
            column("name", .text), column("row_count", .integer), column("data", .blob),
        ], primaryKey: ["dataset_id", "position"], withoutRowID: false),
    ])

    /// Issue 16: data's own labels. A ticket's status meaning is stored beside its label (a
    /// profile can give a label its own meaning: Jira's Pending is on hold); accounts keep
    /// their CRM name; a dataset says whether OpsDeck generated it, so generated data never
    /// shadows an import.
    static let openLabels = StoreMigration(name: "v4-open-labels", steps: [
        .addColumn(table: "ticket", column("state", .text, null: true)),
        .addColumn(table: "customer", column("name", .text, null: true)),
        .addColumn(table: "customer", column("visit_opens", .integer, null: true)),
        .addColumn(table: "customer", column("visit_closes", .integer, null: true)),
        .addColumn(table: "customer", column("visit_minutes", .integer, null: true)),
        .addColumn(table: "dataset", column("generated", .integer, default: "0")),
        .statement("UPDATE \"dataset\" SET \"generated\" = 1 WHERE \"source\" LIKE 'synthetic seed %'"),
    ])

    /// `--map` pairs remembered per source (its kind and header).
    static let importMappings = StoreMigration(name: "v5-import-mappings", steps: [
        .table("import_mapping", [
            column("source_key", .text), column("pairs", .text), column("saved_at", .text),
        ], primaryKey: ["source_key"], withoutRowID: false),
    ])

    /// Issue 16, item 8: tickets link to accounts by the requester's e-mail domain, so an
    /// account keeps its web domain and a ticket its requester's address.
    static let domains = StoreMigration(name: "v6-domains", steps: [
        .addColumn(table: "customer", column("domain", .text, null: true)),
        .addColumn(table: "ticket", column("requester_email", .text, null: true)),
    ])

    /// Issue 19, item 3: each (ticket, rule) alert fires once, whichever command center saw
    /// it first and across restarts: the first to insert its row runs the hook; the primary
    /// key refuses the others. The audit log keeps the alert itself (`event = 'alert'`).
    static let alerts = StoreMigration(name: "v7-alerts", steps: [
        .table("alert_fired", [
            column("ticket", .text), column("rule", .text), column("run_id", .integer, null: true, references: "run"),
            column("at", .integer), column("user", .text), column("entry", .text),
        ], primaryKey: ["ticket", "rule"], withoutRowID: true),
    ])

    /// Issue 19, item 2: a followed file upserts tickets by id, so each dataset's ids are indexed.
    static let ticketIds = StoreMigration(name: "v7-ticket-ids", steps: [
        .index("ticket_id", table: "ticket", columns: ["dataset_id", "id"]),
    ])

    /// Issue 21: a saved tickets dataset is a few blobs of columns (`TicketBlock`), not a
    /// row per ticket. Datasets saved before keep their rows, and a followed dataset is
    /// rows (a follow updates tickets by id).
    static let ticketBlocks = StoreMigration(name: "v8-ticket-blocks", steps: [
        .table("ticket_block", [
            column("dataset_id", .integer, references: "dataset", cascade: true), column("block", .integer),
            column("row_count", .integer), column("data", .blob),
        ], primaryKey: ["dataset_id", "block"], withoutRowID: false),
    ])
}

package enum StoreSchema {}
