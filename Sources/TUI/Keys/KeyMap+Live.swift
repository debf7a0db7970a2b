extension KeyMap {
    /// Keys of the running SLA clock (screen 1 on a store-backed run), in the one binding table.
    static let liveClock: [Binding] = [
        Binding([.char("F")], .custom("freeze-clock"), label: "freeze",
                "Freeze the SLA clock for a what-if (the queue stays as of now); press again to let it run",
                scope: .liveClock),
        Binding([.char("u")], .custom("tick-now"), label: "update",
                "Re-clock the queue now instead of at the next minute (age, time left, p, expected loss)",
                scope: .liveClock, inBar: false),
        Binding([.char("!")], .custom("alerts"), label: "alerts",
                "List the alerts of alerts.conf: rule, ticket, when, the values it saw and its hook (Esc closes)",
                scope: .liveClock),
        Binding([.char("E")], .custom("deescalate"), label: "de-escalate",
                "Withdraw the selected ticket's escalation: saved as a decision with your name and the time",
                scope: .liveClock, inBar: false),
    ]
}
