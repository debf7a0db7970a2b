extension KeyMap {
    /// Keys of the sales screens (2–6): map zoom and pan, the rep's day (week days, lock a
    /// stop, re-plan), the customer card's script export.
    static let salesScreens: [Binding] = [
        Binding([.char("+"), .char("=")], .custom("zoomIn"), label: "zoom", "Zoom the map in", scope: .screen(.territories)),
        Binding([.char("-"), .char("_")], .custom("zoomOut"), label: "zoom out", "Zoom the map out",
                scope: .screen(.territories), inBar: false),
        Binding([.left, .char("h")], .custom("panLeft"), label: "pan",
                "Pan the map: Left/h west, Right/l east, Up/k north, Down/j south (up and down once the map has the focus: f)",
                scope: .screen(.territories), keyLabel: "arrows hjkl"),
        Binding([.right, .char("l")], .custom("panRight"), label: "pan", "Pan the map east", scope: .screen(.territories),
                inBar: false),
        Binding([.up, .char("k")], .custom("panUp"), label: "pan", "Pan the map north (when the map has the focus)",
                scope: .screen(.territories), inBar: false),
        Binding([.down, .char("j")], .custom("panDown"), label: "pan", "Pan the map south (when the map has the focus)",
                scope: .screen(.territories), inBar: false),
        Binding([.char("0")], .custom("resetMap"), label: "whole map", "Show the whole region again",
                scope: .screen(.territories), inBar: false),
        Binding([.char("]"), .right], .custom("nextDay"), label: "day",
                "Next day of the rep's week with ] or Right, the previous with [ or Left", scope: .screen(.repsRoutes),
                keyLabel: "[ ]"),
        Binding([.char("["), .left], .custom("previousDay"), label: "day", "Previous day of the rep's week",
                scope: .screen(.repsRoutes), inBar: false),
        Binding([.char("l")], .custom("lockStop"), label: "lock", "Lock the selected stop (a decision in the store)",
                scope: .screen(.repsRoutes)),
        Binding([.char("r")], .custom("replan"), label: "re-plan",
                "Re-plan this day with the routing engine (bounded in time; locked stops stay)", scope: .screen(.repsRoutes)),
        Binding([.char("x")], .custom("exportScript"), label: "export", "Write the prep script to a file",
                scope: .screen(.customers)),
    ]
}
