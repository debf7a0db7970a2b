import Core

/// A value crossing the store's seam: what both SQLite and PostgreSQL hold for OpsDeck's
/// columns (integers, reals, texts, blobs, NULL). Booleans are integers 0/1 in both, as SQLite
/// has them, so one schema and one set of queries serve both.
package enum SQLValue: Sendable, Equatable {
    case null
    case int(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

/// What a query's argument can be.
package protocol SQLBindable: Sendable {
    var sqlValue: SQLValue { get }
}

extension Int64: SQLBindable { package var sqlValue: SQLValue { .int(self) } }
extension Int: SQLBindable { package var sqlValue: SQLValue { .int(Int64(self)) } }
extension Bool: SQLBindable { package var sqlValue: SQLValue { .int(self ? 1 : 0) } }
extension String: SQLBindable { package var sqlValue: SQLValue { .text(self) } }
extension Array: SQLBindable where Element == UInt8 { package var sqlValue: SQLValue { .blob(self) } }
/// NaN is stored as NULL, as SQLite does with it; PostgreSQL would keep a NaN.
extension Double: SQLBindable { package var sqlValue: SQLValue { isNaN ? .null : .real(self) } }
extension Optional: SQLBindable where Wrapped: SQLBindable { package var sqlValue: SQLValue { self?.sqlValue ?? .null } }
extension SQLValue: SQLBindable { package var sqlValue: SQLValue { self } }

/// One result row, its values by column name (lower case, as both databases report them).
package struct SQLRow: Sendable {
    package var names: [String]
    package var values: [SQLValue]

    package init(names: [String], values: [SQLValue]) {
        self.names = names
        self.values = values
    }

    private func value(_ name: String) throws(StoreError) -> SQLValue {
        guard let i = names.firstIndex(of: name) else { throw StoreError("the store's result has no column \(name)") }
        return values[i]
    }

    private func missing(_ name: String) -> StoreError {
        StoreError("the store holds no value in \(name) where one is required; was the database edited by hand?")
    }

    private func wrongType(_ name: String, _ v: SQLValue, _ expected: String) -> StoreError {
        StoreError("the store holds \(v) in \(name) where \(expected) was expected; was the database edited by hand?")
    }

    package func int64OrNil(_ name: String) throws(StoreError) -> Int64? {
        switch try value(name) {
        case .null: return nil
        case .int(let v): return v
        case .real(let v) where v == v.rounded() && abs(v) < 9.2e18: return Int64(v)
        case let v: throw wrongType(name, v, "an integer")
        }
    }

    package func int64(_ name: String) throws(StoreError) -> Int64 {
        guard let v = try int64OrNil(name) else { throw missing(name) }
        return v
    }

    package func int(_ name: String) throws(StoreError) -> Int { Int(try int64(name)) }
    package func intOrNil(_ name: String) throws(StoreError) -> Int? { try int64OrNil(name).map { Int($0) } }
    package func bool(_ name: String) throws(StoreError) -> Bool { try int64(name) != 0 }

    package func doubleOrNil(_ name: String) throws(StoreError) -> Double? {
        switch try value(name) {
        case .null: return nil
        case .real(let v): return v
        case .int(let v): return Double(v)
        case let v: throw wrongType(name, v, "a number")
        }
    }

    package func stringOrNil(_ name: String) throws(StoreError) -> String? {
        switch try value(name) {
        case .null: return nil
        case .text(let v): return v
        case .blob(let b): return String(decoding: b, as: UTF8.self)
        case let v: throw wrongType(name, v, "a text")
        }
    }

    package func string(_ name: String) throws(StoreError) -> String {
        guard let v = try stringOrNil(name) else { throw missing(name) }
        return v
    }

    /// A blob; NULL reads as empty (an empty blob may come back as NULL).
    package func bytes(_ name: String) throws(StoreError) -> [UInt8] {
        switch try value(name) {
        case .null: return []
        case .blob(let b): return b
        case .text(let t): return Array(t.utf8)
        case let v: throw wrongType(name, v, "bytes")
        }
    }
}
