import Testing
import OpsDeckTestSupport
import Core
import Synthetic
import Sales
import Pipeline

/// The typed context (`PrepScriptNode`) and the per-shape plans (`PrepScriptPlan`) must give
/// every template exactly what swift-mustache renders from the plain `[String: Any]` tree
/// (`PrepScript.dictionaryContext`).
@Suite struct PrepScriptContextTests {
    /// Scripts that take every branch: each channel, strategic or not, tickets (overdue or not)
    /// or none, a route stop or none, every reason term, no reasons at all, and text that HTML
    /// would escape.
    static let scripts: [PrepScript] = {
        let tickets: [PrepScript.OpenTicket] = [
            .init(id: "T9", priority: DemoPriority.high.rawValue, type: "Billing <inquiry>", ageDays: 3, overdue: true),
            .init(id: "T12", priority: DemoPriority.low.rawValue, type: "Access & \"login\"", ageDays: 0, overdue: false),
        ]
        let stop = PrepScript.Stop(rep: "Rep 'Ana'", sequence: 2, arrivalMinute: 9 * 60 + 5, day: 1)
        let termSets: [[NBATerm]] = [[.churn, .segment], [.potential, .recency, .engagement], [.friction], [], [.churn, .friction]]
        var out: [PrepScript] = []
        for (k, channel) in SalesChannel.allCases.enumerated() {
            for tier in Tier.allCases {
                let terms = termSets[(k + Int(tier.code)) % termSets.count]
                out.append(PrepScript(
                    account: "C\(k)\(tier.rawValue)", tier: tier.rawValue, industry: Industry.allCases[k % Industry.allCases.count].rawValue,
                    product: Product.allCases[(k + 1) % Product.allCases.count].rawValue, segment: "V\(k)·P2", channel: channel,
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

    /// A plan made from the marker render alone, without the check `plan(checkedOn:)` adds.
    func uncheckedPlan(_ template: PrepScriptTemplate, _ fill: PrepScriptFill) -> PrepScriptPlan? {
        let markers = PrepScriptFill(shape: fill.shape, texts: fill.texts.indices.map(PrepScriptPlan.marker))
        return PrepScriptPlan(output: template.template.render(markers.node), texts: fill.texts.count)
    }

    /// The same shape with other texts (more characters HTML escapes, a combining mark after `<`).
    func other(_ s: PrepScript) -> PrepScript {
        var o = s
        o.account = "X<\u{301}&'" + s.account; o.segment = "S\"" + s.segment
        o.reasons = s.reasons.map { $0 + " & more" }
        o.tickets = s.tickets.map { var t = $0; t.id += "'"; t.type = "<" + t.type; return t }
        o.stop?.rep = "Rep <b>"
        return o
    }

    /// Compared as bytes throughout: String's == is canonical equivalence.
    func expectSameAsReference(_ text: String) throws {
        let template = try PrepScriptTemplate(text: text, source: "test")
        for script in Self.scripts {
            let reference = template.renderReference(script), fill = PrepScriptFill(script)
            #expect(Array(template.render(script).utf8) == Array(reference.utf8), "\(script.account) \(script.channel)")
            #expect(!reference.isEmpty)
            let plan = try #require(uncheckedPlan(template, fill))
            #expect(Array(plan.fill(fill.texts).utf8) == Array(reference.utf8), "\(script.account) \(script.channel)")
            #expect(template.plan(checkedOn: fill) != nil)
            // The plan of one script serves another of the same shape.
            let o = other(script), oFill = PrepScriptFill(o)
            #expect(oFill.shape == fill.shape)
            #expect(Array(plan.fill(oFill.texts).utf8) == Array(template.renderReference(o).utf8), "\(o.account) \(o.channel)")
            // A text never steers a section, not even an empty one: why a plan that escapes
            // nothing is used unchecked.
            let blank = PrepScriptFill(shape: fill.shape, texts: fill.texts.map { _ in "" })
            #expect(Array(plan.fill(blank.texts).utf8) == Array(template.render(blank).utf8), "\(script.account) \(script.channel)")
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

    @Test func planReadsMarkersBackAndRefusesBrokenOnes() throws {
        let plan = try #require(PrepScriptPlan(output: "a\u{E000}<1>\u{E001}b\u{E000}&lt;0&gt;\u{E001}", texts: 2))
        #expect(plan.pieces == [.literal("a"), .text(1), .literal("b"), .escaped(0)])
        #expect(plan.fill(["<x>", "y"]) == "ayb&lt;x&gt;")
        for broken in ["\u{E000}<1", "\u{E000}<2>\u{E001}", "\u{E000}<>\u{E001}", "x\u{E001}", "\u{E000}1>\u{E001}"] {
            #expect(PrepScriptPlan(output: broken, texts: 2) == nil, "\(broken)")
        }
    }

    /// A template whose own text holds a marker character is rendered directly, still the same.
    @Test func markerCharacterInTheTemplateFallsBackToDirectRendering() throws {
        let template = try PrepScriptTemplate(text: "\u{E000}<0>\u{E001} {{account}}", source: "t")
        let fill = PrepScriptFill(Self.scripts[0])
        #expect(template.plan(checkedOn: fill) == nil)
        #expect(Array(template.render(Self.scripts[0]).utf8) == Array(template.renderReference(Self.scripts[0]).utf8))
    }

    /// A small run's scripts: planned (what the run does), typed and dictionary renders agree,
    /// for the built-in template and a user's.
    @Test func runScriptsAreTheSameEveryWay() throws {
        let config = PipelineConfig(customers: 300, reps: 3, tickets: 600, seed: 5, sales: .fastForTests)
        let outcome = try Pipeline.run(config: config, input: .synthetic, store: nil)
        for template in [try PrepScriptTemplate.builtIn(), try PrepScriptTemplate(text: Self.userTemplate, source: "user")] {
            let reference = PrepScriptBuilder.scripts(for: outcome, template: template, context: .dictionary)
            #expect(reference.count > 20)
            for way in [PrepScriptBuilder.Context.planned, .typed] {
                let scripts = PrepScriptBuilder.scripts(for: outcome, template: template, context: way)
                #expect(scripts == reference)
                #expect(scripts.map { Array($0.text.utf8) } == reference.map { Array($0.text.utf8) })
            }
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
