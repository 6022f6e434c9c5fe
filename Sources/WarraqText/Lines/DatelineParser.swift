import WarraqCore

/// Finds a dateline at the start of a paragraph: `موسكو-سانا`, `سمارت ــ تركيا`,
/// `القاهرة (رويترز) -`, `LONDON (Reuters) -`. Which side is the agency comes from the profile's
/// agency list; without a known agency only the `PLACE (AGENCY) -` form is trusted.
///
/// The assembler asks this of every article's first paragraph and the classifier of every
/// short line, so the line is read as UTF-8 scalars and only as far as a dateline can reach:
/// a line whose first words hold no dash or bracket is turned away after them.
struct DatelineParser: Sendable {
    let profile: ScrapeProfile

    /// Dash-like characters that separate place and agency; tatweel doubles as a dash in scrapes.
    static let dashes: Set<Character> = ["-", "–", "—", "ـ", "‐", "−"]
    /// The scalars of `dashes`, asked of every scalar of a line's first words: a switch, as
    /// cheap as the byte tests around it.
    static func isDashScalar(_ value: UInt32) -> Bool {
        switch value {
        case 0x2D, 0x0640, 0x2010, 0x2013, 0x2014, 0x2212: true
        default: false
        }
    }

    /// What may not stand in the place before a bracket: a sentence end, a comma or a colon.
    static func isPlaceBreak(_ value: UInt32) -> Bool {
        TextShape.isSentenceEnd(value) || value == 0x2C || value == 0x060C || value == 0x3A
    }

    /// The dateline and the text after it, from the raw (not space-folded) line.
    func parse(_ raw: Substring) -> (dateline: Dateline, rest: String)? {
        opening(raw).map { ($0.dateline, TextShape.foldSpaces($0.rest)) }
    }

    /// The dateline the raw (not space-folded) line opens with, and the raw text after it: a
    /// slice, folded by the caller if at all, since an article's first paragraph runs long.
    func opening(_ raw: Substring) -> (dateline: Dateline, rest: Substring)? {
        UTF8Scalars.withBytes(raw) { bytes in
            let line = RawLine(text: raw, bytes: bytes)
            guard let (dateline, rest) = parenthesized(line) ?? dashed(line) else { return nil }
            return (dateline, line.substring(rest..<bytes.count))
        }
    }

    /// `PLACE (AGENCY) - text`
    private func parenthesized(_ line: RawLine) -> (Dateline, rest: Int)? {
        // The place before the bracket and the agency in it have at most three words each.
        guard let (open, placeWords) = line.first(from: 0, withinWords: 3, where: { line.bytes[$0] == 0x28 }), placeWords >= 1,
              let (close, agencyWords) = line.first(from: open + 1, withinWords: 3, where: { line.bytes[$0] == 0x29 }), agencyWords >= 1,
              !line.contains(0..<open, where: { Self.isPlaceBreak(line.scalar(at: $0).value) })
        else { return nil }
        let dashStart = line.skip(from: close + 1, while: line.isWhitespace)
        guard line.isDash(at: dashStart) else { return nil }
        let rest = line.skip(from: dashStart) { line.isDash(at: $0) || line.isWhitespace(at: $0) }
        let place = line.folded(0..<open)
        let agency = line.folded((open + 1)..<close)
        let text = line.folded(0..<(close + 1)) + " " + line.string(dashStart..<(dashStart + line.scalar(at: dashStart).length))
        return (Dateline(place: place, agency: agency, text: text), rest)
    }

    /// `A - B text`, one side a known agency.
    private func dashed(_ line: RawLine) -> (Dateline, rest: Int)? {
        // The name before the dash has one or two words, of letters (and dots) only.
        guard let (dashStart, leftWords) = line.first(from: 0, withinWords: 2, where: line.isDash), leftWords >= 1 else { return nil }
        let start = line.skip(from: 0, while: line.isWhitespace)
        guard !line.contains(start..<dashStart, where: { offset in
            let value = line.scalar(at: offset).value
            return !Self.isLetter(value) && !isFoldableSpace(value) && value != 0x2E
        }) else { return nil }
        let afterDash = line.skip(from: dashStart, while: line.isDash)
        guard afterDash < line.bytes.count, case let next = line.scalar(at: afterDash).value, Self.isLetter(next) || isWhiteSpaceProperty(next) else { return nil }
        let right = line.skip(from: afterDash, while: line.isWhitespace)
        // A place or agency has at most three words: the rest of the line is not split.
        let rightWords = line.spacedWords(from: right, before: line.bytes.count)
        guard let firstWord = rightWords.first else { return nil }

        let left = line.folded(start..<dashStart)
        let leftKnown = profile.agencies.contains(folding: left)
        var placeWords = 1
        // A double space after the place ends it; else a place prefix ("ريف") takes one more word.
        // The place's words are the right side's that start before the wide space.
        if let words = line.wordsBeforeWideSpace(rightWords, from: right) {
            placeWords = words
        } else if profile.placePrefixes.contains(folding: line.substring(firstWord)), rightWords.count > 1 {
            placeWords = 2
        }
        // A one-word place, nearly every one, is copied without an array of words to join.
        let rightName = placeWords == 1 ? line.string(firstWord) : rightWords.prefix(placeWords).map { line.string($0) }.joined(separator: " ")
        let agency: String, place: String, nameWords: Int
        if leftKnown {
            (agency, place, nameWords) = (left, rightName, placeWords)
        } else if profile.agencies.contains(folding: rightName) {
            (agency, place, nameWords) = (rightName, left, placeWords)
        } else if profile.agencies.contains(folding: line.substring(firstWord)) {
            (agency, place, nameWords) = (line.string(firstWord), left, 1)
        } else {
            return nil
        }
        var end = right
        for _ in 0..<nameWords {
            end = line.skip(from: line.skip(from: end) { !line.isWhitespace(at: $0) }, while: line.isWhitespace)
        }
        let rest = line.skip(from: end) { line.isDash(at: $0) || line.isWhitespace(at: $0) || line.bytes[$0] == 0x3A }
        return (Dateline(place: place, agency: agency, text: line.folded(start..<end)), rest)
    }

    /// A letter, or a mark that joins the letter before it; ASCII and the Arabic letters
    /// answered without a property look-up.
    private static func isLetter(_ value: UInt32) -> Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0x0621...0x064A: return true
        case 0..<0x80: return false
        default:
            let properties = Unicode.Scalar(value)!.properties
            return properties.isAlphabetic || properties.isGraphemeExtend
        }
    }
}

/// A raw line and its UTF-8 bytes, walked by byte offsets.
private struct RawLine {
    let text: Substring
    let bytes: UnsafeBufferPointer<UInt8>

    func scalar(at offset: Int) -> (value: UInt32, length: Int) { UTF8Scalars.decode(bytes, at: offset) }

    @inline(__always)
    func isWhitespace(at offset: Int) -> Bool { isWhiteSpaceProperty(scalar(at: offset).value) }

    /// Whether a dash starts at `offset` and stands alone: tatweel under a vowel sign is part
    /// of a letter, not a dash, as the `Character`s read.
    @inline(__always)
    func isDash(at offset: Int) -> Bool {
        guard offset < bytes.count else { return false }
        let (value, length) = scalar(at: offset)
        guard DatelineParser.isDashScalar(value) else { return false }
        // A scalar that never joins a mark (an Arabic letter, nearly always) asks no property.
        guard offset + length < bytes.count, case let next = scalar(at: offset + length).value, !TextShape.neverJoins(next) else { return true }
        let properties = Unicode.Scalar(next)!.properties
        return !properties.isGraphemeExtend && properties.generalCategory != .spacingMark && next != 0x200D
    }

    /// The offset of the first scalar from `start` on where `isStop` holds, and the words
    /// (runs of non-space) before it, when there are at most `limit` of them.
    @inline(__always)
    func first(from start: Int, withinWords limit: Int, where isStop: (Int) -> Bool) -> (offset: Int, words: Int)? {
        var words = 0
        var inWord = false
        var offset = start
        while offset < bytes.count {
            let (value, length) = scalar(at: offset)
            if isStop(offset) { return (offset, words) }
            if isFoldableSpace(value) {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
                if words > limit { return nil }
            }
            offset += length
        }
        return nil
    }

    /// The offset after the scalars from `start` on where `accept` holds.
    @inline(__always)
    func skip(from start: Int, while accept: (Int) -> Bool) -> Int {
        var offset = start
        while offset < bytes.count, accept(offset) { offset += scalar(at: offset).length }
        return offset
    }

    /// Whether `test` holds at a scalar in `range`.
    @inline(__always)
    func contains(_ range: Range<Int>, where test: (Int) -> Bool) -> Bool {
        var offset = range.lowerBound
        while offset < range.upperBound {
            if test(offset) { return true }
            offset += scalar(at: offset).length
        }
        return false
    }

    /// Up to four words from `start`, split at ASCII spaces only: other spaces stay inside a word.
    func spacedWords(from start: Int, before end: Int) -> FourWords {
        var words = FourWords()
        var offset = start
        while words.count < FourWords.capacity {
            while offset < end, bytes[offset] == 0x20 { offset += 1 }
            guard offset < end else { break }
            let wordEnd = ByteSearch.first(0x20, in: bytes, from: offset, before: end) ?? end
            words.append(offset..<wordEnd)
            offset = wordEnd
        }
        return words
    }

    /// How many of `words` (from `start`) start before the first wide space after `start`, its
    /// first double space, else its first NBSP: where a place ends, when at most three words
    /// come before it; nil when more do, or there is none. A wide space after the fourth
    /// word's start leaves four before it, so the scan stops there, where searching the whole
    /// line walked every article's first paragraph to its end; only an NBSP in the first
    /// words sends it on, since a double space later would still come first.
    func wordsBeforeWideSpace(_ words: FourWords, from start: Int) -> Int? {
        let limit = words.count == FourWords.capacity ? words[FourWords.capacity - 1].lowerBound : bytes.count
        func before(_ wide: Int) -> Int { words.prefix { $0.lowerBound < wide }.count }
        var nbsp: Int?
        var offset = start
        while offset + 1 < bytes.count {
            if bytes[offset] == 0x20, bytes[offset + 1] == 0x20 { return offset <= limit ? before(offset) : nil }
            if offset > limit {
                guard nbsp != nil else { return nil }
            } else if nbsp == nil, bytes[offset] == 0xC2, bytes[offset + 1] == 0xA0 {
                nbsp = offset
            }
            offset += 1
        }
        return nbsp.map(before)
    }

    /// The bytes in `range`, on scalar boundaries, as a slice of the line.
    func substring(_ range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return text[start..<utf8.index(start, offsetBy: range.count)]
    }

    /// The bytes in `range`, on scalar boundaries: copied, as valid UTF-8 needs no validating.
    func string(_ range: Range<Int>) -> String { UTF8Scalars.string(bytes, range) }

    /// The bytes in `range`, white space folded and trimmed: copied as they are, once trimmed,
    /// when folding would keep them (see `singleSpaces`), as a place or agency nearly always is.
    func folded(_ range: Range<Int>) -> String {
        let trimmed = whiteSpaceTrimmed(bytes, range)
        guard singleSpaces(UnsafeBufferPointer(rebasing: bytes[trimmed])) != nil else { return TextShape.foldSpaces(substring(range)) }
        return string(trimmed)
    }
}

/// The byte ranges of up to four words, held inline: `dashed` reads them from every article's
/// first paragraph, and an array of them was an allocation a call.
private struct FourWords: RandomAccessCollection {
    static let capacity = 4
    private var words: (Range<Int>, Range<Int>, Range<Int>, Range<Int>) = (0..<0, 0..<0, 0..<0, 0..<0)
    private(set) var count = 0

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(index: Int) -> Range<Int> {
        precondition(index >= 0 && index < count)
        switch index {
        case 0: return words.0
        case 1: return words.1
        case 2: return words.2
        default: return words.3
        }
    }

    mutating func append(_ word: Range<Int>) {
        precondition(count < Self.capacity)
        switch count {
        case 0: words.0 = word
        case 1: words.1 = word
        case 2: words.2 = word
        default: words.3 = word
        }
        count += 1
    }
}
