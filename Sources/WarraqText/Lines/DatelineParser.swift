import WarraqCore

/// Finds a dateline at the start of a paragraph: `موسكو-سانا`, `سمارت ــ تركيا`,
/// `القاهرة (رويترز) -`, `LONDON (Reuters) -`. Which side is the agency comes from the profile's
/// agency list; without a known agency only the `PLACE (AGENCY) -` form is trusted.
struct DatelineParser: Sendable {
    let profile: ScrapeProfile

    /// Dash-like characters that separate place and agency; tatweel doubles as a dash in scrapes.
    static let dashes: Set<Character> = ["-", "–", "—", "ـ", "‐", "−"]
    private static let dashScalars = Set(dashes.map { $0.unicodeScalars.first!.value })

    /// The dateline and the text after it, from the raw (not space-folded) line.
    func parse(_ raw: String) -> (dateline: Dateline, rest: String)? {
        parenthesized(raw) ?? dashed(raw)
    }

    /// `PLACE (AGENCY) - text`
    private func parenthesized(_ raw: String) -> (Dateline, String)? {
        // The place before the bracket has at most three words.
        guard let words = TextShape.words(raw, before: [0x28], limit: 4), words < 4 else { return nil }
        guard let open = raw.firstIndex(of: "("), let close = raw[open...].firstIndex(of: ")") else { return nil }
        let place = TextShape.foldSpaces(raw[..<open])
        let agency = TextShape.foldSpaces(raw[raw.index(after: open)..<close])
        guard (1...3).contains(place.split(separator: " ").count), (1...3).contains(agency.split(separator: " ").count),
              !place.contains(where: { TextShape.sentenceEnds.contains($0) || $0 == "," || $0 == "،" || $0 == ":" })
        else { return nil }
        var rest = raw[raw.index(after: close)...].drop { $0.isWhitespace }
        guard let dash = rest.first, Self.dashes.contains(dash) else { return nil }
        rest = rest.drop { Self.dashes.contains($0) || $0.isWhitespace }
        let text = TextShape.foldSpaces(raw[..<raw.index(after: close)]) + " " + String(dash)
        return (Dateline(place: place, agency: agency, text: text), TextShape.foldSpaces(rest))
    }

    /// The first words of `text` (split at ASCII spaces), at most `limit` of them.
    private static func leadingWords(_ text: Substring, limit: Int) -> [Substring] {
        var words: [Substring] = []
        var rest = text[...]
        while words.count < limit {
            rest = rest.drop { $0 == " " }
            guard !rest.isEmpty else { break }
            let end = rest.utf8.firstIndex(of: 0x20) ?? rest.endIndex
            words.append(rest[..<end])
            rest = rest[end...]
        }
        return words
    }

    /// Where the first double space is, else the first NBSP.
    private static func firstWideSpace(_ text: Substring) -> String.Index? {
        let offset: Int? = UTF8Scalars.withBytes(text) { bytes in
            var nbsp: Int?
            for index in bytes.indices.dropFirst() {
                if bytes[index - 1] == 0x20, bytes[index] == 0x20 { return index - 1 }
                if nbsp == nil, bytes[index - 1] == 0xC2, bytes[index] == 0xA0 { nbsp = index - 1 }
            }
            return nbsp
        }
        return offset.map { text.utf8.index(text.utf8.startIndex, offsetBy: $0) }
    }

    /// `A - B text`, one side a known agency.
    private func dashed(_ raw: String) -> (Dateline, String)? {
        // The name before the dash has at most two words.
        guard let words = TextShape.words(raw, before: Self.dashScalars, limit: 3), words < 3 else { return nil }
        let trimmed = raw.drop { $0.isWhitespace }
        guard let dashStart = trimmed.firstIndex(where: Self.dashes.contains) else { return nil }
        let left = TextShape.foldSpaces(trimmed[..<dashStart])
        guard (1...2).contains(left.split(separator: " ").count),
              !left.contains(where: { !$0.isLetter && $0 != " " && $0 != "." }) else { return nil }
        let afterDash = trimmed[dashStart...].drop { Self.dashes.contains($0) }
        guard afterDash.first?.isLetter == true || afterDash.first?.isWhitespace == true else { return nil }
        let right = afterDash.drop { $0.isWhitespace }
        // A place or agency has at most three words: the rest of the line is not split.
        let rightWords = Self.leadingWords(right, limit: 4)
        guard let firstWord = rightWords.first else { return nil }

        let leftKnown = profile.agencies.contains(Folding.fold(left))
        var placeWords = 1
        // A double space after the place ends it; else a place prefix ("ريف") takes one more word.
        if let wide = Self.firstWideSpace(right), Self.leadingWords(right[..<wide], limit: 4).count <= 3 {
            placeWords = Self.leadingWords(right[..<wide], limit: 4).count
        } else if profile.placePrefixes.contains(Folding.fold(firstWord)), rightWords.count > 1 {
            placeWords = 2
        }
        let rightName = rightWords.prefix(placeWords).joined(separator: " ")
        let agency: String, place: String, nameWords: Int
        if leftKnown {
            (agency, place, nameWords) = (left, rightName, placeWords)
        } else if profile.agencies.contains(Folding.fold(rightName)) {
            (agency, place, nameWords) = (rightName, left, placeWords)
        } else if profile.agencies.contains(Folding.fold(firstWord)) {
            (agency, place, nameWords) = (String(firstWord), left, 1)
        } else {
            return nil
        }
        var rest = right[...]
        for _ in 0..<nameWords {
            rest = rest.drop { !$0.isWhitespace }.drop { $0.isWhitespace }
        }
        let consumed = trimmed[..<rest.startIndex]
        let cleanedRest = rest.drop { Self.dashes.contains($0) || $0.isWhitespace || $0 == ":" }
        return (Dateline(place: place, agency: agency, text: TextShape.foldSpaces(consumed)), TextShape.foldSpaces(cleanedRest))
    }
}
