import WarraqCore

/// Names TEI constrains: `xml:id` must be an NCName unique in its file, `@reason` and
/// `@subtype` one token.
enum TEINames {
    /// A document id as an `xml:id`. `stem#n` ids whose stem is ASCII letters, digits, `.`, `_`
    /// and `-` read as `d_stem-n`; any other id keeps those characters, the rest as `_`, and ends
    /// with 12 hex digits of its SHA-256, so that distinct ids stay distinct. ASCII
    /// only, because jing and libxml2 disagree with Swift on which other letters a name may hold.
    static func xmlID(for id: String) -> String {
        let parts = id.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].unicodeScalars.allSatisfy(isNameCharacter),
           !parts[1].isEmpty, parts[1].unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) {
            return "d_\(parts[0])-\(parts[1])"
        }
        let kept = String(id.unicodeScalars.map { isNameCharacter($0) ? Character($0) : "_" })
        return "d_\(kept)_\(SHA256.hex(id.utf8).prefix(12))"
    }

    /// The id of a document's `index`th removal (0-based).
    static func removalID(_ document: Document, _ index: Int) -> String {
        xmlID(for: document.id) + "_rm\(index + 1)"
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
    }

    /// A value for attributes TEI types as one token (`@subtype`, `@reason`, which must match
    /// `[^\p{C}\p{Z}]+`): white space, controls and anything Unicode 4.0 did not know (libxml2's
    /// character tables are that old) become `-`.
    static func token(_ value: String) -> String {
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
