/// One row of the binding table: the keys, what they do, a short label for the bottom
/// bar, a sentence for help and docs, and where it applies.
public struct Binding: Hashable, Sendable {
    public let keys: [Key]
    public let action: Action
    public let label: String
    public let description: String
    public let scope: KeyScope
    /// Shown in the bottom bar when its scope is active.
    public let inBar: Bool
    /// Overrides the key names in help and docs (e.g. "0-9 . text").
    public let keyLabel: String?

    public init(_ keys: [Key], _ action: Action, label: String, _ description: String,
                scope: KeyScope, inBar: Bool = true, keyLabel: String? = nil) {
        self.keys = keys
        self.action = action
        self.label = label
        self.description = description
        self.scope = scope
        self.inBar = inBar
        self.keyLabel = keyLabel
    }

    /// "Up / k" style text for help and docs.
    public var keyText: String { keyLabel ?? keys.map(\.name).joined(separator: " / ") }

    /// The first key only, for the compact bottom bar.
    public var shortKeyText: String { keyLabel ?? keys.first?.name ?? "" }
}

/// The binding table: the one source for key dispatch, the bottom bar, the `?` help
/// and docs/keys.md (lazygit's and k9s's habit).
public struct KeyMap: Sendable {
    public var bindings: [Binding]

    public init(bindings: [Binding]) {
        self.bindings = bindings
    }

    /// The action for `key`, searching `scopes` from first (innermost) to last.
    public func action(for key: Key, in scopes: [KeyScope]) -> Action? {
        for scope in scopes {
            if let b = bindings.first(where: { $0.scope == scope && $0.keys.contains(key) }) {
                return b.action
            }
        }
        return nil
    }

    /// Bindings of `scopes` shown in the bottom bar, innermost scope first; a key taken
    /// by an inner scope hides the outer binding.
    public func barBindings(for scopes: [KeyScope]) -> [Binding] {
        var taken = Set<Key>()
        var out: [Binding] = []
        for scope in scopes {
            for b in bindings where b.scope == scope {
                let free = b.keys.filter { !taken.contains($0) }
                if b.inBar, !free.isEmpty || b.keys.isEmpty { out.append(b) }
            }
            for b in bindings where b.scope == scope { taken.formUnion(b.keys) }
        }
        return out
    }

    /// Scopes in the order they first appear in the table.
    public var scopesInOrder: [KeyScope] {
        var seen: [KeyScope] = []
        for b in bindings where !seen.contains(b.scope) { seen.append(b.scope) }
        return seen
    }

    /// Keys bound twice within one scope: a table error a test guards against.
    public func conflicts() -> [(KeyScope, Key)] {
        var out: [(KeyScope, Key)] = []
        for scope in scopesInOrder {
            var seen = Set<Key>()
            for b in bindings where b.scope == scope {
                for k in b.keys where !seen.insert(k).inserted { out.append((scope, k)) }
            }
        }
        return out
    }
}
