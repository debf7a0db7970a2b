import Testing
import OpsDeckTestSupport
import Core
import Synthetic
import Sales

@Suite struct PrepScriptTemplateTests {
    let script = PrepScript(
        account: "C0000042", tier: Tier.strategic.rawValue, industry: Industry.saas.rawValue, product: Product.cxSuite.rawValue, segment: "V3·P2", channel: .field, day: 0,
        churnProbability: 0.37, potential: 15_250, nba: 1.83, nbaRank: 4, reasons: ["high churn risk (37%)", "segment V3·P2"],
        reasonTerms: [.churn, .segment],
        tickets: [.init(id: "T9", priority: DemoPriority.high.rawValue, type: "Billing inquiry", ageDays: 3, overdue: true)],
        stop: .init(rep: "Rep 3", sequence: 2, arrivalMinute: 9 * 60 + 5, day: 0))

    @Test func builtInRendersEverySection() throws {
        let text = try PrepScriptTemplate.builtIn().render(script)
        for section in ["== Context", "== NBA rationale", "== Action items", "== Objection handling", "== Compliance reminder"] {
            #expect(text.contains(section))
        }
        #expect(text.contains("stop 2 at 09:05 (Rep 3)"))
        #expect(text.contains("- high churn risk (37%)"))
        #expect(text.contains("T9 High Billing inquiry, open 3 days (past its SLA)"))
        #expect(text.contains("account director"))
        #expect(!text.contains("{{"))
    }

    @Test func unknownFieldFailsWithItsLine() {
        let bad = "Hello {{account}}\n{{#reasons}}\n- {{txt}}\n{{/reasons}}\n"
        #expect(throws: SalesError.self) { try PrepScriptTemplate(text: bad, source: "my.mustache") }
        do {
            _ = try PrepScriptTemplate(text: bad, source: "my.mustache")
        } catch {
            #expect(error.description.contains("my.mustache line 3: unknown field \"txt\""))
        }
    }

    @Test func unbalancedSectionsAndPartialsFail() {
        #expect(throws: SalesError.self) { try PrepScriptTemplate(text: "{{#tickets}}\n{{id}}\n", source: "t") }
        #expect(throws: SalesError.self) { try PrepScriptTemplate(text: "{{#tickets}}{{/reasons}}", source: "t") }
        #expect(throws: SalesError.self) { try PrepScriptTemplate(text: "{{> header}}", source: "t") }
    }

    @Test func userTemplateOverridesTheBuiltIn() throws {
        let t = try PrepScriptTemplate(text: "{{account}} & {{channel}}: {{#stop}}{{rep}}{{/stop}}", source: "user")
        #expect(t.render(script) == "C0000042 & field: Rep 3")
        #expect(PrepScriptTemplate.userPath(environment: ["XDG_CONFIG_HOME": "/x"]) == "/x/opsdeck/templates/prep_script.mustache")
        #expect(PrepScriptTemplate.userPath(environment: ["HOME": "/h"]) == "/h/.config/opsdeck/templates/prep_script.mustache")
    }
}
