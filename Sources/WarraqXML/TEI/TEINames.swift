import WarraqCore

/// Names and values TEI constrains: ids must be NCNames, dates W3C dates, languages BCP 47.
enum TEINames {
    /// A document id as an `xml:id`: letters, digits, `-`, `_` and `.` kept, everything else `_`,
    /// prefixed so it never starts with a digit.
    static func xmlID(for id: String) -> String {
        let body = id.unicodeScalars.map { scalar -> String in
            if scalar == "#" { return "-" }
            let ok = scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "-" || scalar == "_" || scalar == "."
            return ok && XMLCharacters.isAllowed(scalar) ? String(scalar) : "_"
        }.joined()
        return "d_" + body
    }

    /// A value for attributes TEI types as one token (`@subtype`, `@reason`): white space and
    /// other separators become `-`.
    static func token(_ value: String) -> String {
        let token = String(value.unicodeScalars.map { scalar -> Character in
            switch scalar.properties.generalCategory {
            case .control, .format, .privateUse, .surrogate, .unassigned, .spaceSeparator, .lineSeparator, .paragraphSeparator: "-"
            default: Character(scalar)
            }
        })
        return token.isEmpty ? "unknown" : token
    }

    /// The document's language, else `ar` when most letters are Arabic script, else nil.
    static func language(of document: Document) -> String? {
        if let language = document.language, !language.isEmpty { return language }
        var arabic = 0, other = 0
        let sample = ([document.title ?? ""] + document.body.prefix(5).map(\.plainText)).joined()
        for scalar in sample.unicodeScalars where scalar.properties.isAlphabetic {
            if (0x0600...0x06FF).contains(scalar.value) || (0x0750...0x077F).contains(scalar.value) { arabic += 1 } else { other += 1 }
        }
        return arabic > other ? "ar" : nil
    }

    /// `date` as a W3C date for `@when`, or nil when it is not one: `2024-12-03`,
    /// `2016-12-16T15:24:14` (seconds added when the source gave none).
    static func when(_ date: String?) -> String? {
        guard let date else { return nil }
        let scalars = Array(date.unicodeScalars)
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= scalars.count && scalars[range].allSatisfy { ("0"..."9").contains($0) }
        }
        guard digits(0..<4), scalars.count >= 10, scalars[4] == "-", digits(5..<7), scalars[7] == "-", digits(8..<10) else { return nil }
        if scalars.count == 10 { return date }
        guard scalars[10] == "T", digits(11..<13), scalars.count >= 16, scalars[13] == ":", digits(14..<16) else { return String(date.prefix(10)) }
        if scalars.count == 16 { return date + ":00" }
        guard scalars.count >= 19, scalars[16] == ":", digits(17..<19) else { return String(date.prefix(10)) }
        return date
    }
}
