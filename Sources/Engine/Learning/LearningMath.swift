#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// libm names Learning needs beyond Common/Math.swift.
@inline(__always) func _cos(_ x: Double) -> Double { cos(x) }
