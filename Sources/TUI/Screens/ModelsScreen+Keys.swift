extension KeyMap {
    /// Keys of screen 6 (Models & run), in the one binding table (`KeyMap.standard`).
    static let models: [Binding] = [
        Binding([.char("m")], .custom("modelCard"), label: "model card",
                "Show the churn and value models' cards (data, features and what was left out, settings, "
                    + "out-of-fold metrics, drivers); m or Esc returns", scope: .screen(.models)),
        Binding([.up, .char("k")], .moveUp, label: "up", "Scroll the model cards up", scope: .screen(.models), inBar: false),
        Binding([.down, .char("j")], .moveDown, label: "down", "Scroll the model cards down", scope: .screen(.models), inBar: false),
        Binding([.pageUp], .pageUp, label: "page up", "Scroll the model cards one page up", scope: .screen(.models), inBar: false),
        Binding([.pageDown, .char(" ")], .pageDown, label: "page down", "Scroll the model cards one page down",
                scope: .screen(.models), inBar: false),
    ]
}
