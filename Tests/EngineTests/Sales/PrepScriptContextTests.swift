import Testing
@testable import Engine

/// The typed context (`PrepScriptContactNode`) must render every template exactly as
/// swift-mustache renders the plain `[String: Any]` tree (`PrepScript.dictionaryContext`).
@Suite struct PrepScriptContextTests {
    /// Scripts that take every branch: each channel, strategic or not, tickets (overdue or not)
    /// or none, a route stop or none, every reason term, no reasons at all, and text that HTML
    /// would escape.
    static let scripts: [PrepScript] = {
        let tickets: [PrepScript.OpenTicket] = [
            .init(id: "T9", priority: .high, type: "Billing <inquiry>", ageDays: 3, overdue: true),
            .init(id: "T12", priority: .low, type: "Access & \"login\"", ageDays: 0, overdue: false),
        ]
        let stop = PrepScript.Stop(rep: "Rep 'Ana'", sequence: 2, arrivalMinute: 9 * 60 + 5, day: 1)
        let termSets: [[NBATerm]] = [[.churn, .segment], [.potential, .recency, .engagement], [.friction], [], [.churn, .friction]]
        var out: [PrepScript] = []
        for (k, channel) in SalesChannel.allCases.enumerated() {
            for tier in Tier.allCases {
                let terms = termSets[(k + Int(tier.code)) % termSets.count]
                out.append(PrepScript(
                    account: "C\(k)\(tier.rawValue)", tier: tier, industry: Industry.allCases[k % Industry.allCases.count],
                    product: Product.allCases[(k + 1) % Product.allCases.count], segment: "V\(k)·P2", channel: channel,
                    day: k % 3, churnProbability: 0.37 + Double(k) / 10, potential: 15_250 * Double(k + 1), nba: 1.83 - Double(k),
                    nbaRank: 4 + k, reasons: terms.map { "reason <\($0)>" }, reasonTerms: terms,
                    tickets: Array(tickets.prefix((k + Int(tier.code)) % 3)), stop: channel == .field ? stop : nil))
            }
        }
        return out
    }()

    /// A template a user might write: sections, inverted sections, nested lists reaching
    /// outer names, dotted names, `{{.}}` on a text, flags printed, unescaped tags.
    static let userTemplate = """
    # {{account}} ({{ tier }}) — {{contact_kind}}/{{channel}} day {{day}}
    {{#stop}}Stop {{sequence}} @ {{arrival}} by {{rep}}, route day {{day}}, account day {{stop.day}}{{/stop}}
    {{^stop}}no route stop for {{account}}{{/stop}}
    {{stop.rep}}|{{stop.arrival}}|{{{industry}}}|{{&segment}}|{{product}}
    {{#account}}[{{.}}]{{/account}}{{^account}}never{{/account}}
    churn={{churn_pct}} value={{potential_eur}} nba={{nba_score}}#{{nba_rank}} tickets?={{has_tickets}}
      {{#has_tickets}}
      {{#tickets}}
        * {{id}}/{{priority}}/{{type}}/{{age_days}} overdue={{overdue}} {{#overdue}}LATE for {{account}}{{/overdue}}{{^overdue}}ok{{/overdue}}
          {{#actions}}{{text}} | {{/actions}}
      {{/tickets}}
      {{/has_tickets}}
    {{^tickets}}
    (no tickets on {{account}})
    {{/tickets}}
    {{#reasons}}- {{text}} [{{segment}}]{{#text}}({{.}}){{/text}}
    {{/reasons}}{{^reasons}}no reasons{{/reasons}}
    {{#objections}}
    Q: {{objection}}
    A: {{response}}{{#compliance}} / {{text}}{{/compliance}}
    {{/objections}}
    {{! a comment }}
    {{#compliance}}{{text}}{{#stop}} @{{rep}}{{/stop}};{{/compliance}}
    """

    /// A template naming every field of `PrepScriptTemplate.fields`, each in every way it can appear.
    static var everyFieldTemplate: String {
        func tags(_ fields: [String: TemplateField], depth: Int) -> String {
            fields.keys.sorted().map { name -> String in
                switch fields[name] {
                case .text?: return "\(name)=[{{\(name)}}] "
                case .flag?: return "{{\(name)}}:{{#\(name)}}yes{{/\(name)}}{{^\(name)}}no{{/\(name)}} "
                case .list(let inner)?, .object(let inner)?:
                    return "\n{{#\(name)}}\n(\(tags(inner, depth: depth + 1)))\n{{/\(name)}}\n{{^\(name)}}no \(name){{/\(name)}}\n"
                case nil: return ""
                }
            }.joined()
        }
        return tags(PrepScriptTemplate.fields, depth: 0)
    }

    func expectSameAsReference(_ text: String) throws {
        let template = try PrepScriptTemplate(text: text, source: "test")
        for script in Self.scripts {
            let typed = template.render(script), reference = template.renderReference(script)
            #expect(typed == reference, "\(script.account) \(script.channel)")
            #expect(!typed.isEmpty)
        }
    }

    @Test func builtInTemplateRendersAsTheDictionaryReference() throws {
        try expectSameAsReference(PrepScriptTemplate.defaultText)
    }

    @Test func userTemplateRendersAsTheDictionaryReference() throws {
        try expectSameAsReference(Self.userTemplate)
        try expectSameAsReference("{{%CONTENT_TYPE:HTML}}" + Self.userTemplate)
    }

    @Test func everyFieldRendersAsTheDictionaryReference() throws {
        let text = Self.everyFieldTemplate
        for name in ["account", "tickets", "overdue", "stop", "arrival", "objection", "compliance"] { #expect(text.contains("{{\(name)}}") || text.contains("{{#\(name)}}")) }
        try expectSameAsReference(text)
        try expectSameAsReference("{{%CONTENT_TYPE:HTML}}" + text)
    }

    /// An account with a visit and a call shares one account node; each contact still gets its
    /// own channel, day, stop and compliance.
    @Test func sharedAccountNodeKeepsEachContactsOwnFields() throws {
        let template = try PrepScriptTemplate.builtIn()
        var call = Self.scripts[0]
        call.channel = .outboundCC; call.day = 0; call.stop = nil
        let account = PrepScriptAccountNode(Self.scripts[0])
        for script in [Self.scripts[0], call] {
            let node = PrepScriptContactNode(account: account, channel: script.channel, day: script.day, stop: script.stop)
            #expect(template.render(node) == template.renderReference(script))
        }
    }

    @Test func printingAWholeObjectFailsClearly() {
        for bad in ["{{tickets}}", "{{stop}}", "{{.}}", "{{#tickets}}{{.}}{{/tickets}}", "{{#has_tickets}}{{.}}{{/has_tickets}}",
                    "{{^reasons}}{{{.}}}{{/reasons}}"] {
            #expect(throws: SalesError.self, "\(bad)") { try PrepScriptTemplate(text: bad, source: "t") }
        }
        do {
            _ = try PrepScriptTemplate(text: "ok\n{{reasons}}", source: "my.mustache")
            Issue.record("{{reasons}} was accepted")
        } catch {
            #expect(error.description.contains("my.mustache line 2: \"reasons\" is not a text"))
        }
        // A text pushed by its section is fine, also under a flag section.
        #expect(throws: Never.self) { try PrepScriptTemplate(text: "{{#account}}{{#has_tickets}}{{.}}{{/has_tickets}}{{/account}}", source: "t") }
    }
}
