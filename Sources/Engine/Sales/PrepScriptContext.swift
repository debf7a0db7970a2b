import Mustache
import Core

/// One contact's script as data: every text it can print, in a fixed order, and its shape —
/// the only things that steer a template's sections (which flags are set, how long each list
/// is, whether there is a route stop). Text never steers swift-mustache: a text is always
/// "present", so two contacts with the same shape differ only in the texts printed.
package struct PrepScriptFill: Sendable {
    package struct Shape: Hashable, Sendable {
        package var overdue: [Bool]
        package var stop: Bool
        package var reasons: Int, actions: Int, objections: Int, compliance: Int
    }

    package var shape: Shape
    /// The 12 account and contact texts (`rootNames`), then the stop's 4 (`stopNames`) when there
    /// is one, 4 per ticket (`ticketNames`), one per reason and action, 2 per objection, one per
    /// compliance line.
    package var texts: [String]

    package static let rootNames = ["account", "tier", "industry", "segment", "product", "channel", "contact_kind", "day",
                            "churn_pct", "potential_eur", "nba_score", "nba_rank"]
    package static let stopNames = ["rep", "sequence", "arrival", "day"]
    package static let ticketNames = ["id", "priority", "type", "age_days"]

    package init(shape: Shape, texts: [String]) { self.shape = shape; self.texts = texts }

    package init(_ s: PrepScript) {
        let objections = s.objections, actions = s.actions, compliance = s.compliance
        shape = Shape(overdue: s.tickets.map(\.overdue), stop: s.stop != nil, reasons: s.reasons.count, actions: actions.count,
                      objections: objections.count, compliance: compliance.count)
        var t = [s.account, s.tier, s.industry, s.segment, s.product, s.channel.rawValue, s.contactKind,
                 String(s.day + 1), NBAReasons.percent(s.churnProbability), NBAReasons.grouped(s.potential),
                 NBAReasons.oneDecimal(s.nba), String(s.nbaRank)]
        t.reserveCapacity(t.count + 4 + 4 * s.tickets.count + s.reasons.count + actions.count + 2 * objections.count + compliance.count)
        if let stop = s.stop { t += [stop.rep, String(stop.sequence), PrepScript.clock(stop.arrivalMinute), String(stop.day + 1)] }
        for k in s.tickets { t += [k.id, k.priority, k.type, String(k.ageDays)] }
        t += s.reasons
        t += actions
        for o in objections { t += [o.0, o.1] }
        t += compliance
        texts = t
    }

    /// The typed context swift-mustache renders: the same names and kinds of value as
    /// `PrepScript.dictionaryContext`.
    package var node: PrepScriptNode {
        var next = texts.makeIterator()
        func take(_ names: [String]) -> [String: MustacheText] {
            var out: [String: MustacheText] = [:]
            for name in names { out[name] = MustacheText(next.next() ?? "") }
            return out
        }
        let root = take(Self.rootNames)
        let stop = shape.stop ? PrepScriptNode(texts: take(Self.stopNames)) : nil
        let tickets = shape.overdue.map { PrepScriptNode(texts: take(Self.ticketNames), flags: ["overdue": $0]) }
        let reasons = (0..<shape.reasons).map { _ in PrepScriptNode(texts: take(["text"])) }
        let actions = (0..<shape.actions).map { _ in PrepScriptNode(texts: take(["text"])) }
        let objections = (0..<shape.objections).map { _ in PrepScriptNode(texts: take(["objection", "response"])) }
        let compliance = (0..<shape.compliance).map { _ in PrepScriptNode(texts: take(["text"])) }
        return PrepScriptNode(texts: root, flags: ["has_tickets": !tickets.isEmpty],
                              lists: ["tickets": tickets, "reasons": reasons, "actions": actions, "objections": objections,
                                      "compliance": compliance],
                              objects: stop.map { ["stop": $0] } ?? [:])
    }
}

/// A text as swift-mustache sees it: rendered through `MustacheCustomRenderable` (what a
/// String would print), pushed by a section like any present value, with no children.
package struct MustacheText: MustacheCustomRenderable, MustacheParent, Sendable {
    package let value: String
    package init(_ value: String) { self.value = value }
    package var renderText: String { value }
    package var isNull: Bool { false }
    /// A String on the context stack has no children either (its mirror is empty).
    package func child(named: String) -> Any? { nil }
}

/// One object of the context (the script, a ticket, a list item, the stop). Texts, flags,
/// lists and objects are kept apart so each name answers with the same kind of value as the
/// dictionary tree: `MustacheText`, `Bool`, an array of nodes, a node; an absent name is nil.
package final class PrepScriptNode: MustacheParent, Sendable {
    private let texts: [String: MustacheText]
    private let flags: [String: Bool]
    private let lists: [String: [PrepScriptNode]]
    private let objects: [String: PrepScriptNode]

    package init(texts: [String: MustacheText], flags: [String: Bool] = [:], lists: [String: [PrepScriptNode]] = [:],
         objects: [String: PrepScriptNode] = [:]) {
        self.texts = texts; self.flags = flags; self.lists = lists; self.objects = objects
    }

    package func child(named name: String) -> Any? {
        if let t = texts[name] { return t }
        if let f = flags[name] { return f }
        if let l = lists[name] { return l }
        if let o = objects[name] { return o }
        return nil
    }
}
