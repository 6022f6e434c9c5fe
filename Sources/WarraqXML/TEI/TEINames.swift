import WarraqCore

/// Names TEI constrains: `xml:id` must be an NCName unique in its file, `@reason` and
/// `@subtype` one token.
enum TEINames {
    /// A document id as an `xml:id`. `stem#n` ids whose stem is ASCII letters, digits, `.`, `_`
    /// and `-` read as `d_stem-n`; any other id keeps those characters, the rest as `_`, and ends
    /// with 12 hex digits of its SHA-256, so that distinct ids stay distinct. ASCII
    /// only, because jing and libxml2 disagree with Swift on which other letters a name may hold.
    static func xmlID(for id: String) -> String {
        let bytes = id.utf8
        if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) {
            let number = id[bytes.index(after: hash)...]
            if bytes[..<hash].allSatisfy(isNameByte), !number.isEmpty, number.utf8.allSatisfy(isDigit) {
                return "d_\(id[..<hash])-\(number)"
            }
        }
        let kept = String(id.unicodeScalars.map { $0.isASCII && isNameByte(UInt8($0.value)) ? Character($0) : "_" })
        return "d_\(kept)_\(SHA256.hex(id.utf8).prefix(12))"
    }

    /// The id of a document's `index`th removal (0-based), given the document's `xml:id`.
    static func removalID(_ documentID: String, _ index: Int) -> String {
        documentID + "_rm\(index + 1)"
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    /// ASCII letters, digits, `.`, `_` and `-`.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || isDigit(byte)
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// A value for attributes TEI types as one token (`@subtype`, `@reason`, which must match
    /// `[^\p{C}\p{Z}]+`): white space, controls and anything Unicode 4.0 did not know (libxml2's
    /// character tables are that old) become `-`.
    static func token(_ value: String) -> String {
        // Printable ASCII is all known since Unicode 1.1, and none of it is a control or space.
        if !value.isEmpty, value.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) { return value }
        let token = String(value.unicodeScalars.map { scalar -> Character in
            let properties = scalar.properties
            let known = properties.age.map { $0.major < 4 || ($0.major == 4 && $0.minor == 0) } ?? false
            switch properties.generalCategory {
            case .control, .format, .surrogate, .privateUse, .unassigned, .spaceSeparator, .lineSeparator, .paragraphSeparator: return "-"
            default: return known ? Character(scalar) : "-"
            }
        })
        return token.isEmpty ? "unknown" : token
    }
}
