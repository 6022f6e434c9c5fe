import WarraqCore

/// The language of a document as TEI's `@xml:lang` and `language/@ident` take it: an
/// `xsd:language` tag (`ar`, `en-GB`).
enum TEILanguage {
    /// The document's own `language`, mended where it is only spelled wrong (`ar_EG` → `ar-EG`);
    /// else `ar` when most letters of its title and first blocks are Arabic script; else nil,
    /// because absent means unknown.
    static func tag(for document: Document) -> String? {
        if let language = document.language.flatMap(normalized) { return language }
        var arabic = 0, other = 0
        let sample = ([document.title ?? ""] + document.body.prefix(5).map(\.plainText)).joined()
        for scalar in sample.unicodeScalars {
            switch letterScript(scalar) {
            case .arabic?: arabic += 1
            case .other?: other += 1
            case nil: break
            }
        }
        return arabic > other ? "ar" : nil
    }

    enum LetterScript { case arabic, other }

    /// The script of an alphabetic scalar, or nil for one that is not: ASCII and the Arabic
    /// letters U+0620–U+064A are told by range, as most of a page's scalars are one or the
    /// other; the rest by their Unicode property, which costs a table lookup each.
    static func letterScript(_ scalar: Unicode.Scalar) -> LetterScript? {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A: .other
        case 0..<0x80: nil
        case 0x0620...0x064A: .arabic
        default: scalar.properties.isAlphabetic ? (isArabicScript(scalar) ? .arabic : .other) : nil
        }
    }

    /// `[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*` after trimming and turning `_` into `-`, or nil.
    static func normalized(_ language: String) -> String? {
        let tag = language.trimmingWhitespace().replacing("_", with: "-")
        let subtags = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = subtags.first, first.utf8.allSatisfy(isASCIILetter) else { return nil }
        let valid = subtags.allSatisfy { (1...8).contains($0.utf8.count) && $0.utf8.allSatisfy { isASCIILetter($0) || (0x30...0x39).contains($0) } }
        return valid ? tag : nil
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }

    private static func isArabicScript(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0600...0x06FF, 0x0750...0x077F, 0x0870...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: true
        default: false
        }
    }
}
