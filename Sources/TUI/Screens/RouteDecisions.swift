import Engine

/// Where a screen's decisions go: the loader hands the screens a closure that writes a row
/// to the store's `decisions` table (tests hand one that keeps them). Returns an error line
/// when the decision could not be recorded.
public struct RouteDecisions: Sendable {
    public var record: @Sendable (_ action: String, _ subject: String, _ value: String) -> String?
    /// The run's field-day decisions already in the store, oldest first (this and other
    /// command centers'): the route screens rebuild the day from them when they open.
    public var history: @Sendable () -> [Decision]
    /// The newest decision's id in the store (any command center's): the route screens ask on
    /// their idle tick and rebuild the day when it grew. Nil: no shared store to watch.
    public var newest: (@Sendable () -> Int64)?
    /// Who this command center records decisions as (another user's change is named on screen).
    public var user: String

    public init(record: @escaping @Sendable (_ action: String, _ subject: String, _ value: String) -> String?,
                history: @escaping @Sendable () -> [Decision] = { [] }, newest: (@Sendable () -> Int64)? = nil,
                user: String = "") {
        self.record = record
        self.history = history
        self.newest = newest
        self.user = user
    }

    /// Keeps nothing: for screens opened without a store.
    public static let none = RouteDecisions { _, _, _ in "no store is open; the decision was not recorded" }
}

/// Where `x` writes a prep script: returns the path written, or throws a one-line reason.
public struct CustomerScriptExport: Sendable {
    public var write: @Sendable (_ accountId: String, _ text: String) throws -> String

    public init(write: @escaping @Sendable (_ accountId: String, _ text: String) throws -> String) {
        self.write = write
    }
}
