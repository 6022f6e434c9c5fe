/// Turns input bytes into text the way every reader should: a UTF-8 BOM is dropped, UTF-16 with a
/// BOM is decoded, invalid UTF-8 is repaired with U+FFFD and reported with its byte offset, and
/// line ends (CRLF, and a lone CR as old Mac files have) become LF.
public enum TextDecoding {
    public struct Result: Sendable {
        public var text: String
        /// Warnings to pass on, already worded (`invalid UTF-8 at byte 1234, replaced with U+FFFD`).
        public var problems: [String]
    }

    public static func decode(_ bytes: [UInt8]) -> Result {
        var result = decodeCharacters(bytes)
        // By `memchr`: `utf8.contains` walks the view a byte at a time, at thirty instructions a byte.
        if result.text.withUTF8({ ByteSearch.first(0x0D, in: $0, from: 0, before: $0.count) }) != nil {
            result.text = normalizingLineEnds(result.text)
        }
        return result
    }

    private static func normalizingLineEnds(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var afterCR = false
        for byte in text.utf8 {
            if byte == 0x0A, afterCR {
                afterCR = false
                continue
            }
            afterCR = byte == 0x0D
            out.append(afterCR ? 0x0A : byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func decodeCharacters(_ bytes: [UInt8]) -> Result {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return decodeUTF8(bytes[3...], offset: 3)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 2
            while i + 1 < bytes.count {
                let (lo, hi) = little ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
                units.append(UInt16(hi) << 8 | UInt16(lo))
                i += 2
            }
            var problems: [String] = []
            if bytes.count % 2 != 0 { problems.append("UTF-16 input has an odd number of bytes; the last byte was dropped") }
            let text = String(decoding: units, as: UTF16.self)
            if text.unicodeScalars.contains("\u{FFFD}") && !units.contains(0xFFFD) {
                problems.append("invalid UTF-16 replaced with U+FFFD")
            }
            return Result(text: text, problems: problems)
        }
        return decodeUTF8(bytes[...], offset: 0)
    }

    private static func decodeUTF8(_ bytes: ArraySlice<UInt8>, offset: Int) -> Result {
        if let text = bytes.withUnsafeBufferPointer(UTF8Validation.string(validating:)) { return Result(text: text, problems: []) }
        let text = String(decoding: bytes, as: UTF8.self)
        let first = firstInvalidUTF8Offset(bytes).map { $0 + offset } ?? offset
        return Result(text: text, problems: ["invalid UTF-8 at byte \(first), replaced with U+FFFD"])
    }

    /// Whether `bytes` are valid UTF-8, without building a string.
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { UTF8Validation.check($0).valid }
    }

    /// The offset, within `bytes`, of the first byte that does not start or continue a valid sequence.
    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var position = 0
        var scalarStart = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                position = scalarStart + UTF8.width(scalar)
                scalarStart = position
            case .emptyInput: return nil
            case .error: return scalarStart
            }
        }
    }
}
