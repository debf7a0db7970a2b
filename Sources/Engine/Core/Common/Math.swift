#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Thin names for libm so that Engine files need no platform import of their own. Inlinable:
// the learners in other targets call them once per row.
@inlinable @inline(__always) package func _log(_ x: Double) -> Double { log(x) }
@inlinable @inline(__always) package func _exp(_ x: Double) -> Double { exp(x) }

/// Logistic function, stable for large |x|.
@inlinable @inline(__always)
public func sigmoid(_ x: Double) -> Double {
    if x >= 0 {
        return 1 / (1 + exp(-x))
    }
    let e = exp(x)
    return e / (1 + e)
}
