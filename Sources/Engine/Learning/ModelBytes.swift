/// The dialect of model bytes (`ODGB`, `ODRF`, `ODIF`, `ODLR`, and the store's category
/// columns): the engine's codec (`Common/ByteCodec.swift`) with 8-byte string lengths, and
/// `LearningError.invalidModelBytes` for anything short or out of range.
enum ModelBytes: ByteFormat {
    static let lengthPrefixBytes = 8
    static func truncated(at: Int) -> LearningError { .invalidModelBytes("truncated at byte \(at)") }
    static func invalid(_ what: String) -> LearningError { .invalidModelBytes(what) }
}

typealias ByteWriter = LittleEndianWriter<ModelBytes>
typealias ByteReader = LittleEndianReader<ModelBytes>
