import Core
/// The dialect of model bytes (`ODGB`, `ODRF`, `ODIF`, `ODLR`, and the store's category
/// columns): the engine's codec (`Common/ByteCodec.swift`) with 8-byte string lengths, and
/// `LearningError.invalidModelBytes` for anything short or out of range.
package enum ModelBytes: ByteFormat {
    package static let lengthPrefixBytes = 8
    package static func truncated(at: Int) -> LearningError { .invalidModelBytes("truncated at byte \(at)") }
    package static func invalid(_ what: String) -> LearningError { .invalidModelBytes(what) }
}

package typealias ByteWriter = LittleEndianWriter<ModelBytes>
package typealias ByteReader = LittleEndianReader<ModelBytes>
