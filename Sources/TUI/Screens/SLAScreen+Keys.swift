extension KeyMap {
    /// Keys of screen 1 (SLA queue), in the one binding table (`KeyMap.standard`).
    static let sla: [Binding] = [
        Binding([.char("e")], .custom("escalate"), label: "escalate",
                "Escalate the selected ticket: saved as a decision with your name and the time",
                scope: .screen(.sla)),
        Binding([.char("c")], .custom("edit-cost"), label: "cost",
                "Type the cost of one escalation (Enter sets it; KPIs and the suggestion follow)", scope: .screen(.sla)),
        Binding([.char("%")], .custom("edit-effectiveness"), label: "effect",
                "Type the share of breaches an escalation prevents, in % (Enter sets it)", scope: .screen(.sla)),
        Binding([.char("P")], .custom("replay-policy"), label: "replay",
                "Policy replay: price proposed-sla.conf against sla.conf on the run's tickets (Esc closes)",
                scope: .screen(.sla), inBar: false),
        Binding([.char("R")], .custom("refit"), label: "refit",
                "With --follow: a full refit on the followed data in the background, swapped in when done",
                scope: .screen(.sla), inBar: false),
    ]
}
