import Mustache
import Core

/// The prep-script template: checked against the fields a script provides, then compiled once
/// and rendered per contact with swift-mustache.
public struct PrepScriptTemplate: Sendable {
    public let source: String
    package let template: MustacheTemplate
    /// The template's text uses a character `PrepScriptPlan` marks holes with: render directly.
    package let markerInText: Bool

    /// Every name a template may use. Inside `{{#tickets}}`, `{{#reasons}}` … the item's names.
    public static let fields: [String: TemplateField] = [
        "account": .text, "tier": .text, "industry": .text, "segment": .text, "product": .text,
        "channel": .text, "contact_kind": .text, "day": .text, "churn_pct": .text, "potential_eur": .text,
        "nba_score": .text, "nba_rank": .text, "has_tickets": .flag,
        "tickets": .list(["id": .text, "priority": .text, "type": .text, "age_days": .text, "overdue": .flag]),
        "stop": .object(["rep": .text, "sequence": .text, "arrival": .text, "day": .text]),
        "reasons": .list(["text": .text]),
        "actions": .list(["text": .text]),
        "objections": .list(["objection": .text, "response": .text]),
        "compliance": .list(["text": .text]),
    ]

    /// Checks then compiles `text`; `source` names it in errors (a path or "built-in template").
    public init(text: String, source: String) throws(SalesError) {
        try TemplateChecker.check(text, fields: Self.fields, source: source)
        do {
            template = try MustacheTemplate(string: "{{%CONTENT_TYPE:TEXT}}" + text)
        } catch {
            throw SalesError.template("\(source): \(error)")
        }
        self.source = source
        markerInText = text.unicodeScalars.contains { $0 == PrepScriptPlan.open || $0 == PrepScriptPlan.close }
    }

    public static func builtIn() throws(SalesError) -> PrepScriptTemplate {
        try PrepScriptTemplate(text: defaultText, source: "built-in template")
    }

    /// `$XDG_CONFIG_HOME/opsdeck/templates/prep_script.mustache`, else under `~/.config`.
    public static func userPath(environment env: [String: String]) -> String? {
        UserPaths.configFile("templates/prep_script.mustache", environment: env)
    }

    /// The user's template when the file exists, else the built-in one.
    public static func load(environment env: [String: String]) throws(SalesError) -> PrepScriptTemplate {
        guard let path = userPath(environment: env), FileSystem.exists(path) else { return try builtIn() }
        let bytes: [UInt8]
        do { bytes = try FileSystem.read(path) } catch { throw SalesError.template("\(path): \(error.description)") }
        return try PrepScriptTemplate(text: String(decoding: bytes, as: UTF8.self), source: path)
    }

    public func render(_ script: PrepScript) -> String { render(PrepScriptFill(script)) }

    package func render(_ fill: PrepScriptFill) -> String { template.render(fill.node) }

    /// The plan for `fill`'s shape (see `PrepScriptPlan`); nil when the template's own text holds
    /// a marker character. A plan that only puts texts in as they are is exact by construction:
    /// the checker refuses partials, delimiter changes and transforms, and a text never steers a
    /// section (`MustacheText` is never null, whatever it holds). A plan that escapes texts is
    /// used only if it gives `fill`'s own script byte for byte as a direct render does, since
    /// the escaping is then ours.
    package func plan(checkedOn fill: PrepScriptFill) -> PrepScriptPlan? {
        guard !markerInText else { return nil }
        let markers = PrepScriptFill(shape: fill.shape, texts: fill.texts.indices.map(PrepScriptPlan.marker))
        guard let plan = PrepScriptPlan(output: template.render(markers.node), texts: fill.texts.count) else { return nil }
        if plan.escapes, !plan.fill(fill.texts).utf8.elementsEqual(render(fill).utf8) { return nil }
        return plan
    }

    /// The reference rendering: the same template over `PrepScript.dictionaryContext`.
    package func renderReference(_ script: PrepScript) -> String { template.render(script.dictionaryContext) }
}
