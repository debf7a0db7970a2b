import ArgumentParser
import Engine
import Foundation

/// Range checks for option values, shared by every command. Each throws ArgumentParser's
/// `ValidationError` (exit 64, usage) with one line naming the option, the range and what
/// was given. Declare numeric options with `parsing: .unconditional` so that `--seconds -1`
/// reaches these checks as a value instead of being taken for an unknown option.
package enum OptionCheck {
    /// A finite number in (0, max]: time budgets, rates, sizes.
    package static func positive(_ v: Double, _ option: String, max: Double) throws {
        guard v.isFinite, v > 0, v <= max else {
            throw ValidationError("\(option) must be a finite number above 0 and at most \(show(max)); found \(show(v))")
        }
    }

    /// A finite number in [-bound, bound]: offsets.
    package static func finite(_ v: Double, _ option: String, within bound: Double) throws {
        guard v.isFinite, v.magnitude <= bound else {
            throw ValidationError("\(option) must be a finite number between \(show(-bound)) and \(show(bound)); found \(show(v))")
        }
    }

    /// A finite number in [0, max].
    package static func nonNegative(_ v: Double, _ option: String, max: Double) throws {
        guard v.isFinite, v >= 0, v <= max else {
            throw ValidationError("\(option) must be a finite number between 0 and \(show(max)); found \(show(v))")
        }
    }

    /// A whole number in `range`: counts, fleet sizes.
    package static func count(_ v: Int, _ option: String, _ range: ClosedRange<Int>) throws {
        guard range.contains(v) else {
            throw ValidationError("\(option) must be a whole number from \(range.lowerBound) to \(range.upperBound); found \(v)")
        }
    }

    package static func show(_ v: Double) -> String {
        v.isFinite && v == v.rounded() && v.magnitude < 1e15 ? String(Int(v)) : "\(v)"
    }
}

/// An input file the user named: refused with one line when it is missing or a folder
/// (opening a folder reads as an empty file on Linux, which would blame the contents).
package enum InputPath {
    package static func check(_ path: String, _ what: String = "file") throws {
        guard !path.isEmpty else { throw CLIError("the \(what) path is empty") }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw CLIError("\(path): no such \(what)")
        }
        if isDir.boolValue { throw CLIError("\(path) is a folder; expected a file") }
        guard FileManager.default.isReadableFile(atPath: path) else { throw CLIError("\(path): the \(what) is not readable") }
    }
}
