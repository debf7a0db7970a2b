extension KeyMap {
    /// OpsDeck's keys. Conventions users expect from htop, k9s and lazygit: `q` quits,
    /// `Esc` goes back, `?`/F1 help, Tab/Shift-Tab and digits switch screens, arrows or
    /// j/k move, `/` searches, `+`/`-` adjust, `<`/`>` sort, Ctrl-L redraws.
    public static let standard = KeyMap(bindings: global + tabs + table + slider + sla + liveClock + textEntry + salesScreens + models + help)

    static let global: [Binding] = [
        Binding([.char("q")], .quit, label: "quit", "Quit OpsDeck", scope: .global),
        Binding([.escape], .back, label: "back",
                "Close the open panel or search; at the top level, quit", scope: .global, inBar: false),
        Binding([.char("?"), .function(1)], .help, label: "help", "Show every key (this list)", scope: .global),
        Binding([.tab], .nextTab, label: "next", "Next screen", scope: .global),
        Binding([.backTab], .previousTab, label: "prev", "Previous screen", scope: .global, inBar: false),
        Binding([.char("t")], .cycleTheme, label: "theme",
                "Cycle colour themes (default, light, high-contrast, mono, then your own)", scope: .global),
        Binding([.char("f")], .focusNext, label: "focus",
                "Move the keyboard focus to the next panel (e.g. list, then slider)", scope: .global, inBar: false),
        Binding([.ctrl("l")], .redraw, label: "redraw", "Repaint the whole screen", scope: .global, inBar: false),
    ]

    static let tabs: [Binding] = ScreenID.allCases.map { id in
        Binding([.char(Character(String(id.number)))], .showTab(id.number), label: id.shortTitle,
                "Go to screen \(id.number): \(id.title)", scope: .global, inBar: false)
    }

    static let table: [Binding] = [
        Binding([.up, .char("k")], .moveUp, label: "up", "Move the selection up", scope: .table, inBar: false),
        Binding([.down, .char("j")], .moveDown, label: "down", "Move the selection down", scope: .table, inBar: false),
        Binding([.pageUp], .pageUp, label: "page up", "Scroll one page up", scope: .table, inBar: false),
        Binding([.pageDown], .pageDown, label: "page down", "Scroll one page down", scope: .table, inBar: false),
        Binding([.home, .char("g")], .first, label: "top", "Go to the first row", scope: .table, inBar: false),
        Binding([.end, .char("G")], .last, label: "bottom", "Go to the last row", scope: .table, inBar: false),
        Binding([.enter], .open, label: "open", "Open the selected row", scope: .table),
        Binding([.char("/")], .search, label: "search",
                "Filter rows as you type; Enter keeps the filter, Esc clears it", scope: .table),
        Binding([.char("<")], .sortPrevious, label: "sort", "Sort by the column to the left", scope: .table),
        Binding([.char(">")], .sortNext, label: "sort", "Sort by the column to the right", scope: .table, inBar: false),
        Binding([.char("r")], .reverseSort, label: "reverse", "Reverse the sort order", scope: .table, inBar: false),
    ]

    static let slider: [Binding] = [
        Binding([.char("+"), .char("="), .char(">"), .right], .increase, label: "more",
                "Raise the value by one step", scope: .slider),
        Binding([.char("-"), .char("_"), .char("<"), .left], .decrease, label: "less",
                "Lower the value by one step", scope: .slider),
        Binding([.pageUp], .bigIncrease, label: "big step", "Raise the value by a big step", scope: .slider, inBar: false),
        Binding([.pageDown], .bigDecrease, label: "big step", "Lower the value by a big step", scope: .slider, inBar: false),
        Binding([.home], .minimum, label: "min", "Set the lowest value", scope: .slider, inBar: false),
        Binding([.end], .maximum, label: "max", "Set the highest value", scope: .slider, inBar: false),
        Binding([.char("#")], .enterValue, label: "type",
                "Type a value; Enter sets it, Esc cancels", scope: .slider),
    ]

    static let textEntry: [Binding] = [
        Binding([.enter], .confirm, label: "done", "Keep what you typed", scope: .textEntry),
        Binding([.escape], .cancel, label: "cancel", "Discard what you typed", scope: .textEntry),
        Binding([.backspace, .delete], .deleteBackward, label: "erase", "Erase the last character",
                scope: .textEntry, inBar: false),
    ]

    static let help: [Binding] = [
        Binding([.escape, .char("?")], .back, label: "close", "Close the help (q still quits)", scope: .help),
        Binding([.up, .char("k")], .moveUp, label: "up", "Scroll up", scope: .help, inBar: false),
        Binding([.down, .char("j")], .moveDown, label: "down", "Scroll down", scope: .help, inBar: false),
        Binding([.pageUp], .pageUp, label: "page up", "Scroll one page up", scope: .help, inBar: false),
        Binding([.pageDown, .char(" ")], .pageDown, label: "page down", "Scroll one page down", scope: .help, inBar: false),
    ]
}
