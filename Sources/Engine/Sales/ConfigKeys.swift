import Foundation
import Core

/// Strict-but-forgiving JSON config decoding: missing keys keep defaults, unknown keys fail.
package enum ConfigKeys {
    package struct AnyKey: CodingKey {
        package var stringValue: String
        package var intValue: Int? { nil }
        package init(stringValue: String) { self.stringValue = stringValue }
        package init?(intValue: Int) { nil }
    }

    /// `retired` keys are accepted and ignored: runs saved by an older version still open, and a
    /// config file that sets one is not refused for it.
    package static func rejectUnknown(_ decoder: any Decoder, known: [String], retired: [String] = []) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        for key in c.allKeys where !known.contains(key.stringValue) && !retired.contains(key.stringValue) {
            let path = (decoder.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: ".")
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "unknown key \"\(path)\"; known: \(known.joined(separator: ", "))"))
        }
    }

    package static func decoder() -> JSONDecoder { JSONDecoder() }

    package static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let c): return c.debugDescription + at(c.codingPath)
        case DecodingError.typeMismatch(let t, let c): return "expected \(t)" + at(c.codingPath)
        case DecodingError.valueNotFound(let t, let c): return "missing \(t)" + at(c.codingPath)
        case DecodingError.keyNotFound(let k, let c): return "missing key \"\(k.stringValue)\"" + at(c.codingPath)
        default: return "\(error)"
        }
    }

    private static func at(_ path: [any CodingKey]) -> String {
        path.isEmpty ? "" : " at " + path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}

extension KeyedDecodingContainer {
    /// The value when present, else the default.
    package func value<T: Decodable>(_ key: Key, _ fallback: T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? fallback
    }
}
