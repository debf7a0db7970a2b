import Testing
@testable import TUI

@Suite struct TableTests {
    let keys = KeyMap.standard
    let data = TableData(
        columns: [
            TableColumn("Id", minWidth: 3, priority: 0),
            TableColumn("Priority", minWidth: 4, priority: 2),
            TableColumn("Loss", alignment: .right, minWidth: 5, priority: 1),
        ],
        rows: [
            [TableCell("T-3"), TableCell("High"), .number(120, "120.0")],
            [TableCell("T-1"), TableCell("Low"), .number(5, "5.0")],
            [TableCell("T-2"), TableCell("Critical"), .number(900, "900.0")],
            [TableCell("T-4"), TableCell("Medium"), .number(42, "42.0")],
        ]
    )

    private func press(_ action: Action, _ state: inout TableState, page: Int = 2) {
        let key = keys.key(for: action, in: .table)
        guard let resolved = keys.action(for: key, in: state.scopes + [.global]) else {
            Issue.record("no action for \(key)")
            return
        }
        let handled = state.handle(resolved, data: data, pageSize: page)
        #expect(handled)
    }

    private func render(_ state: TableState, width: Int = 24, height: Int = 4) -> String {
        var canvas = Canvas(width: width, height: height, glyphs: .ascii)
        TableView.draw(data, state: state, into: &canvas, in: canvas.bounds)
        return canvas.text()
    }

    @Test func sortsByColumnWithAngleKeys() {
        var state = TableState(data: data)
        #expect(state.order == [0, 1, 2, 3])
        press(.sortNext, &state) // column 0: Id
        #expect(state.order == [1, 2, 0, 3])
        press(.sortPrevious, &state) // wraps to column 2: Loss, numeric not lexical
        #expect(state.order == [1, 3, 0, 2])
        press(.reverseSort, &state)
        #expect(state.order == [2, 0, 3, 1])
        // The selection stays on the row it was on (T-3), so the view keeps it on screen.
        #expect(render(state, height: 3) == "Id  Priority  Lossv\nT-3 High      120.0\nT-4 Medium     42.0\n")
    }

    @Test func scrollsToKeepTheSelectionVisible() {
        var state = TableState(data: data)
        press(.moveDown, &state)
        press(.moveDown, &state)
        #expect(state.selected == 2)
        #expect(state.offset == 1)
        #expect(TableView.position(state) == "3/4")
        press(.last, &state)
        #expect(state.offset == 2 && state.selectedRow == 3)
        press(.pageUp, &state)
        #expect(state.selected == 1 && state.offset == 1)
        press(.first, &state)
        #expect(state.selected == 0 && state.offset == 0)
        press(.moveUp, &state)
        #expect(state.selected == 0)
    }

    @Test func searchFiltersAsYouTypeAndEscClears() {
        var state = TableState(data: data)
        press(.search, &state)
        #expect(state.scopes.first == .textEntry)
        for c in "hi" {
            let typed = state.type(c, data: data, pageSize: 2)
            #expect(typed)
        }
        #expect(state.order == [0])
        #expect(render(state) == "Id  Priority   Loss\nT-3 High      120.0\n\n/hi_  1 of 4\n")
        let erased = state.handle(.deleteBackward, data: data, pageSize: 2)
        #expect(erased)
        #expect(state.order == [0]) // "h" matches only High
        let kept = state.handle(.confirm, data: data, pageSize: 2)
        #expect(kept)
        #expect(!state.isSearching && state.query == "h")
        let cleared = state.handle(.back, data: data, pageSize: 2)
        #expect(cleared) // Esc clears a kept filter first
        #expect(state.query.isEmpty && state.order.count == 4)
        let unhandled = !state.handle(.back, data: data, pageSize: 2)
        #expect(unhandled) // then Esc is not the table's
    }

    @Test func emptyFilterSaysSo() {
        var state = TableState(data: data)
        _ = state.handle(.search, data: data, pageSize: 2)
        for c in "zz" { _ = state.type(c, data: data, pageSize: 2) }
        #expect(render(state).contains("No rows match \"zz\"."))
    }

    @Test func widthsAdaptAndDropLowPriorityColumns() {
        #expect(TableLayout.widths(for: data, available: 24) == [3, 9, 5])
        #expect(TableLayout.widths(for: data, available: 12) == [3, nil, 5]) // Priority goes first
        #expect(TableLayout.widths(for: data, available: 4) == [3, nil, nil])
        let flexible = TableData(columns: [TableColumn("A"), TableColumn("B", flexible: true)], rows: [])
        #expect(TableLayout.widths(for: flexible, available: 20) == [3, 16])
    }
}
