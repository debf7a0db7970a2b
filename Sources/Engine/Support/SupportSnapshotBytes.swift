import Core
/// The SLA snapshot's dialect of the engine's codec (`Common/ByteCodec.swift`): 4-byte
/// string lengths, and `SupportSnapshotError` for truncated or damaged bytes.
package enum SupportSnapshotBytes: ByteFormat {
    package static let lengthPrefixBytes = 4
    package static func truncated(at: Int) -> SupportSnapshotError { .truncated(at: at) }
    package static func invalid(_ what: String) -> SupportSnapshotError { .invalid(what) }
}

package typealias SupportSnapshotWriter = LittleEndianWriter<SupportSnapshotBytes>
package typealias SupportSnapshotReader = LittleEndianReader<SupportSnapshotBytes>

/// Why a stored SLA snapshot could not be read.
public enum SupportSnapshotError: Error, Equatable, Sendable, CustomStringConvertible {
    case notASnapshot
    case unsupportedVersion(UInt32)
    case truncated(at: Int)
    case invalid(String)

    public var description: String {
        switch self {
        case .notASnapshot: return "the SLA snapshot artifact does not start with its signature"
        case .unsupportedVersion(let v):
            return "the SLA snapshot is version \(v); this build reads versions \(SupportSnapshot.plainTablesVersion) and \(SupportSnapshot.version) (re-run the pipeline)"
        case .truncated(let at): return "the SLA snapshot ends early (at byte \(at))"
        case .invalid(let what): return "the SLA snapshot is damaged: \(what)"
        }
    }
}
