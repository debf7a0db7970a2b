/// A label column's distinct cells, interned from their bytes: each gets a code, its `String`
/// (made once) and a slot for what the importer worked out about it (a status's meaning, a
/// rating), so a million cells of a handful of labels cost one hash each.
package struct InternedLabels<Payload> {
    private var interner = ByteInterner()
    package private(set) var strings: [String] = []
    /// Per code: nil until the importer stores something.
    package var payload: [Payload?] = []

    package init() {}

    package var count: Int { strings.count }

    package mutating func code(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let (c, isNew) = interner.code(bytes)
        if isNew {
            strings.append(String(decoding: bytes, as: UTF8.self))
            payload.append(nil)
        }
        return Int(c)
    }

    package subscript(code: Int) -> String { strings[code] }
}
