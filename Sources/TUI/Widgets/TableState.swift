/// Selection, scroll, sort and search of a table. Holds row indices, never copies rows,
/// and recomputes the order only when the sort or the filter changes.
public struct TableState: Sendable {
    /// Position of the selection within `order`.
    public private(set) var selected: Int = 0
    /// First row of `order` on screen.
    public private(set) var offset: Int = 0
    public private(set) var sortColumn: Int?
    public private(set) var ascending: Bool = true
    public private(set) var query: String = ""
    public private(set) var isSearching: Bool = false
    /// Indices into `TableData.rows`, filtered and sorted.
    public private(set) var order: [Int] = []

    public init(data: TableData, sortColumn: Int? = nil, ascending: Bool = true) {
        self.sortColumn = sortColumn
        self.ascending = ascending
        refresh(data)
    }

    /// The data row under the selection, if any.
    public var selectedRow: Int? { order.indices.contains(selected) ? order[selected] : nil }

    public var scopes: [KeyScope] { isSearching ? [.textEntry, .table] : [.table] }

    /// Recomputes filter and order after the data or the query changed, keeping the
    /// selected data row when it is still shown.
    public mutating func refresh(_ data: TableData) {
        let keep = selectedRow
        let needle = query.lowercased()
        var rows = Array(data.rows.indices)
        if !needle.isEmpty {
            rows = rows.filter { data.searchText[$0].contains(needle) }
        }
        if let c = sortColumn {
            let keys = data.rows.map { $0.indices.contains(c) ? $0[c].sortKey : SortKey.missing }
            let asc = ascending
            rows.sort { a, b in
                let ka = keys[a], kb = keys[b]
                if ka == kb { return a < b }
                if case .missing = ka { return false }
                if case .missing = kb { return true }
                return asc ? ka < kb : kb < ka
            }
        }
        order = rows
        if let keep, let i = order.firstIndex(of: keep) { selected = i } else { selected = min(selected, max(0, order.count - 1)) }
    }

    /// Handles a table action; `pageSize` is the number of visible rows. Returns false
    /// when the action is not a table's.
    public mutating func handle(_ action: Action, data: TableData, pageSize: Int) -> Bool {
        let page = max(1, pageSize)
        switch action {
        case .moveUp: select(selected - 1, page: page)
        case .moveDown: select(selected + 1, page: page)
        case .pageUp: select(selected - page, page: page)
        case .pageDown: select(selected + page, page: page)
        case .first: select(0, page: page)
        case .last: select(order.count - 1, page: page)
        case .sortNext, .sortPrevious:
            let n = data.columns.count
            guard n > 0 else { return true }
            let step = action == .sortNext ? 1 : n - 1
            sortColumn = sortColumn.map { ($0 + step) % n } ?? (action == .sortNext ? 0 : n - 1)
            refresh(data)
            select(selected, page: page)
        case .reverseSort:
            if sortColumn == nil { sortColumn = 0 } else { ascending.toggle() }
            refresh(data)
            select(selected, page: page)
        case .search:
            isSearching = true
        case .confirm where isSearching:
            isSearching = false
        case .cancel where isSearching, .back where !query.isEmpty:
            isSearching = false
            query = ""
            refresh(data)
            select(selected, page: page)
        case .deleteBackward where isSearching:
            if !query.isEmpty { query.removeLast() }
            refresh(data)
            select(0, page: page)
        default:
            return false
        }
        return true
    }

    /// A typed character while searching; returns false when not searching.
    public mutating func type(_ character: Character, data: TableData, pageSize: Int) -> Bool {
        guard isSearching else { return false }
        query.append(character)
        refresh(data)
        select(0, page: max(1, pageSize))
        return true
    }

    /// Selects the row at visible position `row` (a mouse click).
    public mutating func select(visibleRow row: Int, pageSize: Int) {
        select(offset + row, page: max(1, pageSize))
    }

    /// Selects data row `row`, clearing a search that hides it. Returns false when the data has no such row.
    @discardableResult
    public mutating func select(dataRow row: Int, data: TableData, pageSize: Int) -> Bool {
        guard data.rows.indices.contains(row) else { return false }
        if !order.contains(row) {
            isSearching = false
            query = ""
            refresh(data)
        }
        guard let i = order.firstIndex(of: row) else { return false }
        select(i, page: max(1, pageSize))
        return true
    }

    public mutating func scroll(by rows: Int, pageSize: Int) {
        select(selected + rows, page: max(1, pageSize))
    }

    private mutating func select(_ index: Int, page: Int) {
        selected = max(0, min(index, order.count - 1))
        if selected < offset { offset = selected }
        if selected >= offset + page { offset = selected - page + 1 }
        offset = max(0, min(offset, max(0, order.count - page)))
    }
}
