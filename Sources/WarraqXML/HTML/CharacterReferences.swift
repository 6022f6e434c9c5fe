import CLibXML2
import WarraqCore

/// Character references decoded as libxml2 2.9.14's HTML parser decodes them in text and in
/// attribute values (`htmlParseCharRef`, `htmlParseEntityRef`): `&#…;` and `&#x…;` become
/// their character (the `;` may be missing), `&name;` the HTML 4 entity libxml2's own table
/// names, and anything else stays as written. So `UnreadMarkup` can lift text and values that
/// hold references, and libxml2 need not read them a character at a time.
enum CharacterReferences {
    /// Appends `bytes[range]`, decoded, to `out`. False, with `out` as it was, when a reference
    /// stands for a character XML forbids: libxml2 writes a NUL for it into a value and nothing
    /// into text, so such text is left for libxml2 to read. The range must end where libxml2's
    /// reading of a reference would stop too (a quote, a blank, `<` or `>`).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: inout [UInt8]) -> Bool {
        let start = out.count
        let end = range.upperBound
        var copied = range.lowerBound
        while let ampersand = ByteSearch.first(UInt8(ascii: "&"), in: bytes, from: copied, before: end) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<ampersand]))
            var cursor = ampersand + 1
            if cursor < end, bytes[cursor] == UInt8(ascii: "#") {
                cursor += 1
                let hex = cursor < end && bytes[cursor] | 0x20 == UInt8(ascii: "x")
                if hex { cursor += 1 }
                var value = 0
                while cursor < end, let digit = digit(bytes[cursor], hex: hex) {
                    value = value * (hex ? 16 : 10) + digit
                    // libxml2 stops counting here; the value is refused either way.
                    guard value < 0x110000 else { break }
                    cursor += 1
                }
                guard isXMLCharacter(value) else {
                    out.removeSubrange(start...)
                    return false
                }
                if cursor < end, bytes[cursor] == UInt8(ascii: ";") { cursor += 1 }
                appendUTF8(UInt32(value), to: &out)
            } else if let (value, length) = entity(bytes, at: cursor, before: end) {
                appendUTF8(value, to: &out)
                cursor += length
            } else {
                // Not an entity libxml2 knows: it hands over `&` and the name as written.
                out.append(UInt8(ascii: "&"))
            }
            copied = cursor
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<end]))
        return true
    }

    /// The entity named at `start` and its length with the `;`: a name as `htmlParseName` reads
    /// it (ASCII; one that goes on in other characters is no entity), then `;`.
    private static func entity(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, before end: Int) -> (UInt32, Int)? {
        /// No HTML 4 entity name is longer.
        let longestName = 8
        guard start < end, isNameStart(bytes[start]) else { return nil }
        var nameEnd = start + 1
        while nameEnd < end, isNameByte(bytes[nameEnd]) { nameEnd += 1 }
        guard nameEnd < end, bytes[nameEnd] == UInt8(ascii: ";"), nameEnd - start <= longestName else { return nil }
        let value = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: longestName + 1) { name -> UInt32? in
            for offset in start..<nameEnd { name[offset - start] = bytes[offset] }
            name[nameEnd - start] = 0
            return htmlEntityLookup(name.baseAddress!)?.pointee.value
        }
        return value.map { ($0, nameEnd + 1 - start) }
    }

    private static func digit(_ byte: UInt8, hex: Bool) -> Int? {
        if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { return Int(byte - UInt8(ascii: "0")) }
        let lower = byte | 0x20
        guard hex, lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "f") else { return nil }
        return Int(lower - UInt8(ascii: "a")) + 10
    }

    /// libxml2's `IS_CHAR`: the characters XML 1.0 allows.
    private static func isXMLCharacter(_ value: Int) -> Bool {
        value == 0x09 || value == 0x0A || value == 0x0D || (0x20...0xD7FF).contains(value)
            || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    private static func appendUTF8(_ value: UInt32, to out: inout [UInt8]) {
        switch value {
        case ..<0x80:
            out.append(UInt8(value))
        case ..<0x800:
            out.append(UInt8(0xC0 | value >> 6))
            out.append(UInt8(0x80 | value & 0x3F))
        case ..<0x10000:
            out.append(UInt8(0xE0 | value >> 12))
            out.append(UInt8(0x80 | value >> 6 & 0x3F))
            out.append(UInt8(0x80 | value & 0x3F))
        default:
            out.append(UInt8(0xF0 | value >> 18))
            out.append(UInt8(0x80 | value >> 12 & 0x3F))
            out.append(UInt8(0x80 | value >> 6 & 0x3F))
            out.append(UInt8(0x80 | value & 0x3F))
        }
    }
}
