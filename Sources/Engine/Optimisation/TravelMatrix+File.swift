import Core
/// The travel-time matrix a run used, as saved with the run: its path and the fingerprint of
/// its bytes, so the screen's re-plan reads the same times again (and refuses a file that
/// changed since) without the run copying a matrix of millions of pairs into the store.
public struct TravelMatrixFile: Codable, Sendable, Equatable {
    public var path: String
    /// FNV-1a 64 of the file's bytes (`TravelMatrix.fingerprint`).
    public var fingerprint: String

    public init(path: String, fingerprint: String) {
        self.path = path; self.fingerprint = fingerprint
    }

    /// Reads `path`, checking it (one clear error: file, line or position, what was expected),
    /// and returns the matrix with the reference to save.
    public static func open(_ path: String) throws(InputError) -> (matrix: TravelMatrix, file: TravelMatrixFile) {
        let r = try TravelMatrix.readWithFingerprint(path: path)
        return (r.matrix, TravelMatrixFile(path: path, fingerprint: r.fingerprint))
    }

    /// The matrix again, refused when the file's bytes are no longer the run's.
    public func load() throws(InputError) -> TravelMatrix {
        let r = try TravelMatrix.readWithFingerprint(path: path)
        guard r.fingerprint == fingerprint else {
            throw InputError(file: path, line: 0, column: 0,
                             "expected the travel matrix the run used (fingerprint \(fingerprint)), found one that changed since (\(r.fingerprint))")
        }
        return r.matrix
    }
}
