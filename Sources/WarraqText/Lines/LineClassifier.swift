import Foundation
import WarraqCore

/// Judges each line by its shape and the profile's phrases. The longest a title or label is
/// taken to be, and the most a menu item holds, are the only numbers here.
struct LineClassifier: Sendable {
    let profile: ScrapeProfile
    let dates: NewsDateParser
    let datelines: DatelineParser

    /// Lines of at most this many words that do not end a sentence are headings.
    static let headingWords = 18
    /// A bulleted line of at most this many words, not a sentence, is a menu or link item.
    static let menuItemWords = 12
    /// A line of at most this many words with a date in it, not a sentence, is a byline.
    static let bylineWords = 24
    /// A boilerplate phrase ends a line of at most this many words.
    static let boilerplateWords = 14

    /// The first bytes of the profile's ad markers: a line holding none of them (most lines) is
    /// not searched for each marker.
    let adMarkerLeads: [UInt8]
    /// A byte of each embed host that prose seldom holds (`/` in every built-in one): a line
    /// holding none of them (most lines) is not searched for each host.
    private let embedHostKeys: [UInt8]

    /// Every phrase list `classify` matches, in one trie: the four label lists, the related
    /// labels, then the boilerplate rules in the profile's order (from `firstRule` on).
    let phrases: PhraseIndex
    /// The rules' lists in `phrases`, by how their phrases must stand in a line.
    private let rules: RuleLists

    typealias Lists = PhraseIndex.Lists
    static let dateLabels: Lists = 1 << 0
    static let keywordLabels: Lists = 1 << 1
    static let publisherLabels: Lists = 1 << 2
    static let authorLabels: Lists = 1 << 3
    static let labels: Lists = dateLabels | keywordLabels | publisherLabels | authorLabels
    static let relatedLabels: Lists = 1 << 4
    static let firstRule = 5

    init(profile: ScrapeProfile) {
        self.profile = profile
        self.dates = NewsDateParser(profile: profile)
        self.datelines = DatelineParser(profile: profile)
        let lists = [profile.dateLabels, profile.keywordLabels, profile.publisherLabels, profile.authorLabels, profile.relatedLabels]
            + profile.boilerplate.map(\.phrases)
        adMarkerLeads = Array(Set(profile.adMarkers.compactMap(\.utf8.first))).sorted()
        embedHostKeys = Array(Set(profile.embedHosts.compactMap(Self.rareByte))).sorted()
        rules = RuleLists(profile.boilerplate, from: Self.firstRule)
        phrases = PhraseIndex(lists, searchedAnywhere: rules.anywhere)
    }

    /// The line folded as far as `classify` looks: whole when short enough for a phrase
    /// anywhere in it to count (see `boilerplateReason`). `wordCount` is `text`'s.
    func fold(_ text: String, wordCount: Int) -> FoldedLine {
        FoldedLine(text, whole: wordCount <= Self.boilerplateWords, phrases: phrases)
    }

    /// The line's kind; `raw` keeps the original spacing, which tickers and datelines need.
    /// `wordCount` is `text`'s, which the reader has counted already; `wideGapsAtMost` bounds
    /// `raw`'s wide gaps when the reader knows them to be few (none when the line was
    /// `FoldedSpaces.wasSingleSpaced`), so that a line too few for a ticker is not counted.
    func classify(text: String, wordCount: Int, folded: FoldedLine, raw: Substring, wideGapsAtMost: Int?) -> LineKind {
        if let kind = labeled(text: text, folded: folded) { return kind }
        if folded.holding & Self.relatedLabels != 0 { return .relatedLabel }
        if let reason = boilerplateReason(folded: folded, wordCount: wordCount) { return .boilerplate(reason) }
        if Self.isDebris(text) || TextShape.isPlaceholder(text) { return .boilerplate(.widget) }
        var date = LazyDate()
        if let kind = dateLine(text: text, wordCount: wordCount, folded: folded, date: &date) { return kind }
        if wordCount <= 30, Self.holdsAny(of: embedHostKeys, text), profile.embedHosts.contains(where: { ByteSearch.contains($0, in: text) }) {
            return .embedLink(url: Self.url(in: text))
        }
        if wordCount <= 4, let (dateline, rest) = datelines.parse(raw), rest.isEmpty {
            return .dateline(dateline)
        }
        if let (caption, credit) = Self.caption(text) { return .caption(caption, credit: credit) }
        if (wideGapsAtMost ?? .max) >= Self.tickerGaps, isTicker(raw) { return .boilerplate(.navigation) }
        // A line of more words than any of the rules below allows is a paragraph, however it
        // ends: its quotes and its last mark are not looked at.
        guard wordCount <= Self.bylineWords else { return .paragraph }
        let unquoted = TextShape.unquoted(text)
        let sentence = TextShape.endsSentence(unquoted)
        if wordCount <= Self.menuItemWords, !sentence, ListMarker.menuItem(raw) != nil { return .boilerplate(.navigation) }
        if wordCount <= Self.bylineWords, !sentence, let match = date.parsed(text, folded: folded, by: dates) {
            return .bylineDate(match, dateText: Self.span(of: match, in: text))
        }
        if wordCount <= Self.headingWords, !sentence { return .heading }
        return .paragraph
    }

    /// Widget debris: a line of one to three characters, or a short token of Latin letters and
    /// digits in no sentence (`TT`, `20`).
    /// Read on the bytes when they are ASCII without a carriage return, one `Character` each
    /// (nearly always), or other scalars that never join (`TextShape.neverJoins`), again one
    /// `Character` each, of which none is ASCII: counting a string's `Character`s cost
    /// hundreds of instructions a line.
    static func isDebris(_ text: String) -> Bool {
        guard text.utf8.count <= 20 else { return false }
        let byBytes: Bool? = UTF8Scalars.withBytes(text) { bytes in
            if bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
                return bytes.count <= 3 || (bytes.count <= 5 && bytes.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x7A).contains($0 | 0x20) })
            }
            var scalars = 0
            var offset = 0
            while offset < bytes.count {
                let (value, length) = UTF8Scalars.decode(bytes, at: offset)
                guard value != 0x0D, TextShape.neverJoins(value) else { return nil }
                scalars += 1
                offset += length
            }
            return scalars <= 3
        }
        return byBytes ?? isDebrisByCharacters(text)
    }

    /// `isDebris` read `Character` by `Character`: the rule itself.
    static func isDebrisByCharacters(_ text: String) -> Bool {
        guard text.utf8.count <= 20 else { return false }
        if text.count <= 3 { return true }
        return text.count <= 5 && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    func labeled(text: String, folded line: FoldedLine) -> LineKind? {
        let folded = line.head
        // The label lists the line may start with: for most lines, none.
        let found = line.leading & Self.labels
        guard found != 0 else { return nil }
        // The longest label of `list` the line starts with: the line's own first bytes.
        func label(_ list: Lists) -> String? {
            guard found & list != 0 else { return nil }
            return UTF8Scalars.withBytes(folded) { UTF8Scalars.string($0, 0..<phrases.leading($0, in: list).longest) }
        }
        func value(after label: String) -> String? {
            guard let colon = Self.firstColon(in: text) else { return nil }
            guard Folding.fold(text[..<colon.lowerBound]).trimmingWhitespace() == label else { return nil }
            let rest = TextShape.foldSpaces(text[colon.upperBound...])
            return rest.isEmpty ? nil : rest
        }
        if let label = label(Self.dateLabels) {
            let rest = value(after: label) ?? String(text.dropFirst(label.count)).trimmingWhitespace()
            if let match = dates.parse(rest) { return .labeledDate(match, dateText: text) }
        }
        if let label = label(Self.keywordLabels), let rest = value(after: label) {
            return .keywords(Self.splitKeywords(rest))
        }
        if let label = label(Self.publisherLabels), let rest = value(after: label), Self.spaceSeparatedWords(rest) <= 6 {
            return .publisher(rest)
        }
        if let label = label(Self.authorLabels), Self.spaceSeparatedWords(text) <= 8 {
            let rest = value(after: label) ?? TextShape.foldSpaces(text.dropFirst(label.count))
            if !rest.isEmpty { return .author(rest) }
        }
        return nil
    }

    /// `text.split(separator: " ").count`, counted on the bytes when every space is a `Character`
    /// of its own (see `TextShape.standsAlone`), nearly always: the split made an array of slices
    /// of every labelled line.
    private static func spaceSeparatedWords(_ text: String) -> Int {
        let words: Int? = UTF8Scalars.withBytes(text) { bytes in
            var words = 0
            for offset in bytes.indices {
                if bytes[offset] == 0x20 {
                    guard TextShape.standsAlone(bytes, at: offset, length: 1) else { return nil }
                } else if offset == 0 || bytes[offset - 1] == 0x20 {
                    words += 1
                }
            }
            return words
        }
        return words ?? text.split(separator: " ").count
    }

    /// Keywords separated by commas or similar; a run with no separator stays one keyword,
    /// since multi-word tags cannot be told apart by spaces.
    static func splitKeywords(_ text: String) -> [String] {
        let parts = keywordPieces(text).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        return parts.isEmpty ? [text] : parts
    }

    /// The marks that separate the keywords of a keyword line.
    static let keywordSeparators: Set<Character> = [",", "،", "؛", ";", "|", "#", "•"]

    /// Whether `value` is the scalar of one of `keywordSeparators`, asked of every scalar of a
    /// keyword line.
    static func isKeywordSeparator(_ value: UInt32) -> Bool {
        switch value {
        case 0x23, 0x2C, 0x3B, 0x7C, 0x060C, 0x061B, 0x2022: true
        default: false
        }
    }

    /// `text` cut at its keyword separators (empty pieces kept), on the bytes when each
    /// separator stands alone (see `standsAlone`): hashing every `Character` into a set cost
    /// tens of thousands of instructions a line.
    private static func keywordPieces(_ text: String) -> [Substring] {
        let cuts: [Range<Int>]? = UTF8Scalars.withBytes(text) { bytes in
            var cuts: [Range<Int>] = []
            var offset = 0
            while offset < bytes.count {
                let (value, length) = UTF8Scalars.decode(bytes, at: offset)
                if isKeywordSeparator(value) {
                    guard TextShape.standsAlone(bytes, at: offset, length: length) else { return nil }
                    cuts.append(offset..<offset + length)
                }
                offset += length
            }
            return cuts
        }
        guard let cuts else { return text.split(whereSeparator: keywordSeparators.contains) }
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var start = 0
        var pieces: [Substring] = []
        for cut in cuts {
            pieces.append(text[index(start)..<index(cut.lowerBound)])
            start = cut.upperBound
        }
        pieces.append(text[index(start)...])
        return pieces
    }

    /// Why the line is boilerplate by its phrases; a phrase anywhere counts in a short line,
    /// which is then folded whole. The rules are tried in the profile's order: of the rules
    /// whose phrases stand in the line as theirs must, the first gives the reason.
    func boilerplateReason(folded line: FoldedLine, wordCount: Int) -> RemovalReason? {
        let short = wordCount <= Self.boilerplateWords && line.isWhole
        let bare = line.holding
        let leading = line.leading & rules.all
        let fired = UTF8Scalars.withBytes(line.head) { head -> Lists in
            var fired = (bare | leading & rules.anyLength | (short ? leading & rules.shortLeading : 0)) & rules.all
            guard short else { return fired }
            // The costlier tests only for rules before the first that holds already.
            let counters = leading & rules.withNumber & Self.before(fired)
            if counters != 0, line.head.contains(where: \.isNumber) { fired |= counters }
            let anywhere = rules.anywhere & Self.before(fired)
            if anywhere != 0 { fired |= phrases.occurring(in: head, in: anywhere) }
            return fired
        }
        guard fired != 0 else { return nil }
        return rules.reasons[fired.trailingZeroBitCount - Self.firstRule]
    }

    /// The lists before the first of `lists` (all lists when there is none).
    private static func before(_ lists: Lists) -> Lists {
        lists == 0 ? ~0 : (lists & (0 &- lists)) - 1
    }

    /// The index's lists of the rules with `reason`.
    func rules(for reason: RemovalReason) -> Lists {
        rules.reasons.indices.reduce(0) { lists, index in rules.reasons[index] == reason ? lists | 1 << (index + Self.firstRule) : lists }
    }

    /// The folded line without the colons, bars, dashes and dots that decorate labels.
    static func trimmingMarks(_ folded: String) -> Substring {
        UTF8Scalars.withBytes(folded) { bytes in
            let kept = trimmingMarks(bytes)
            // A slice, not a new string: it is only compared with phrases.
            let utf8 = folded.utf8
            return folded[utf8.index(utf8.startIndex, offsetBy: kept.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: kept.upperBound)]
        }
    }

    /// The bytes of the folded line without the marks around it (see `trimmingMarks`).
    static func trimmingMarks(_ folded: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        UTF8Scalars.trimmed(folded, 0..<folded.count, while: isLabelMark)
    }

    static let labelMarks = Set([":", "|", "-", "–", "—", "•", "·", ".", "!", " "].map { Unicode.Scalar($0)!.value })

    /// Whether `value` is one of `labelMarks`: a switch, asked at both ends of every line,
    /// where hashing into the set cost a hundred instructions a scalar.
    static func isLabelMark(_ value: UInt32) -> Bool {
        switch value {
        case 0x20, 0x21, 0x2D, 0x2E, 0x3A, 0x7C, 0xB7, 0x2013, 0x2014, 0x2022: true
        default: false
        }
    }

    /// The date of a line, parsed once, when first needed: the date-line and the byline tests
    /// read the same date. A value passed `inout`, not a closure over a variable, whose every
    /// read the runtime checked for exclusive access; it holds no copy of the line, which
    /// every line would retain and release though most are never asked for a date.
    private struct LazyDate {
        private var match: NewsDateParser.Match?? = nil

        /// The date in `text`, whose fold `line` is (whole, or only its head).
        mutating func parsed(_ text: String, folded line: FoldedLine, by dates: NewsDateParser) -> NewsDateParser.Match? {
            if let match { return match }
            let found = dates.parse(text, folded: line.isWhole ? line.head : nil)
            match = .some(found)
            return found
        }
    }

    /// A line that is mostly a date: at most two words before it (a place, a weekday) and a
    /// link or label after a bar. `date` is `text`'s.
    private func dateLine(text: String, wordCount: Int, folded: FoldedLine, date: inout LazyDate) -> LineKind? {
        guard wordCount <= 9, let match = date.parsed(text, folded: folded, by: dates), match.wordsBefore <= 2 else { return nil }
        // No `|` byte, no `|` character: the line is not split into pieces.
        if ByteSearch.contains("|", in: text) {
            let pieces = text.split(separator: "|", maxSplits: 1).map { $0.trimmingWhitespace() }
            if pieces.count == 2, dates.parse(pieces[0]) != nil {
                return .date(match, dateText: pieces[0], rest: "| " + pieces[1])
            }
        }
        let remaining = wordCount - match.wordsBefore - match.wordCount
        guard remaining <= 1 else { return nil }
        return .date(match, dateText: text, rest: nil)
    }

    /// The words of `text` the date match spans. Read on the bytes when every space up to the
    /// span's end stands alone (see `TextShape.standsAlone`), so that the space bytes are the
    /// `Character`s the rule splits at, and the span is single-spaced: then it is a slice.
    static func span(of match: NewsDateParser.Match, in text: String) -> String {
        let (first, end) = (match.wordsBefore, match.wordsBefore + match.wordCount)
        let slice: Range<Int>?? = UTF8Scalars.withBytes(text) { bytes in
            guard first < end else { return nil }
            var words = 0
            var lower = 0
            var offset = 0
            while offset < bytes.count {
                let space = ByteSearch.first(0x20, in: bytes, from: offset, before: bytes.count) ?? bytes.count
                if space < bytes.count, !TextShape.standsAlone(bytes, at: space, length: 1) { return nil }
                if space > offset {
                    if words == first { lower = offset }
                    words += 1
                    if words == end { return .some(lower..<space) }
                } else if words > first {
                    // Two spaces in the span: the words are joined by one.
                    return nil
                }
                offset = space + 1
            }
            return .some(nil)
        }
        guard let slice else { return spanByCharacters(of: match, in: text) }
        guard let slice else { return text }
        let utf8 = text.utf8
        return String(text[utf8.index(utf8.startIndex, offsetBy: slice.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: slice.upperBound)])
    }

    /// `span` read `Character` by `Character`: the rule itself.
    static func spanByCharacters(of match: NewsDateParser.Match, in text: String) -> String {
        let words = text.split(separator: " ")
        guard match.wordsBefore + match.wordCount <= words.count else { return text }
        return words[match.wordsBefore..<(match.wordsBefore + match.wordCount)].joined(separator: " ")
    }

    /// `caption text (credit)`: the credit in the last brackets, at most six words.
    static func caption(_ text: String) -> (String, String)? {
        switch captionRead(text) {
        case .none: nil
        case .ask: captionByCharacters(text)
        case .found(let caption, let credit): (String(slice(of: text, caption)), String(slice(of: text, credit)))
        }
    }

    /// Whether `text` is a caption (see `caption`), for callers that need no more: no string
    /// is made of a caption either.
    static func isCaption(_ text: String) -> Bool {
        switch captionRead(text) {
        case .none: false
        case .ask: captionByCharacters(text) != nil
        case .found: true
        }
    }

    /// What a line's bytes tell of its caption.
    private enum CaptionRead {
        /// No caption.
        case none
        /// The caption and the credit at these byte ranges.
        case found(caption: Range<Int>, credit: Range<Int>)
        /// A neighbour may join a bracket: the `Character`s decide.
        case ask
    }

    /// `caption` on the bytes when both brackets stand alone (see `standsAlone`), which is
    /// nearly always: no string is made for a line that is no caption.
    private static func captionRead(_ text: String) -> CaptionRead {
        // The last byte first: most lines end otherwise.
        guard UTF8Scalars.withBytes(text, { $0.last }) == 0x29 else { return .none }
        return UTF8Scalars.withBytes(text) { bytes in
            guard let open = bytes.lastIndex(of: 0x28) else { return .none }
            let close = bytes.count - 1
            let closeAlone = close == 0 || TextShape.neverJoins(UTF8Scalars.decode(bytes, at: UTF8Scalars.start(before: close, in: bytes)).value)
            guard closeAlone && TextShape.standsAlone(bytes, at: open, length: 1) else { return .ask }
            let credit = trimmed(bytes, (open + 1)..<close)
            guard !credit.isEmpty, words(bytes, credit) <= 6 else { return .none }
            let caption = trimmed(bytes, 0..<open)
            let captionWords = words(bytes, caption)
            guard captionWords >= 2, captionWords <= 40 else { return .none }
            // Asked of the slice: a line whose caption ends a sentence is not copied.
            guard !TextShape.endsSentence(slice(of: text, caption)) else { return .none }
            return .found(caption: caption, credit: credit)
        }
    }

    /// The bytes `range` of `text`, cut at scalar boundaries: a copy of the slice is not
    /// validated again, as a string made from bytes is (a dozen instructions an Arabic byte).
    private static func slice(of text: String, _ range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        return Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
    }

    /// `caption` read `Character` by `Character`: the rule itself, for the lines whose brackets
    /// a neighbour may join.
    static func captionByCharacters(_ text: String) -> (String, String)? {
        guard text.hasSuffix(")"), let open = lastOpeningBracket(in: text) else { return nil }
        let credit = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmingWhitespace()
        // Spaces are folded already: words are spaces plus one.
        guard !credit.isEmpty, TextShape.wordCount(credit) <= 6 else { return nil }
        let caption = text[..<open].trimmingWhitespace()
        let captionWords = TextShape.wordCount(caption)
        guard captionWords >= 2, captionWords <= 40,
              !TextShape.endsSentence(caption) else { return nil }
        return (caption, credit)
    }

    /// `range` of `bytes` without the white space at its ends, as `trimmingWhitespace` cuts it.
    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, case let (value, length) = UTF8Scalars.decode(bytes, at: start), isWhiteSpaceProperty(value) { start += length }
        while end > start, case let last = UTF8Scalars.start(before: end, in: bytes), isWhiteSpaceProperty(UTF8Scalars.decode(bytes, at: last).value) {
            end = last
        }
        return start..<end
    }

    /// `TextShape.wordCount` of the text `range` of `bytes` holds.
    private static func words(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        range.isEmpty ? 0 : bytes[range].reduce(1) { $1 == 0x20 ? $0 + 1 : $0 }
    }

    /// The last `(` in `text` as a `Character`, found on the bytes when it stands alone (see
    /// `standsAlone`), which is nearly always: walking `Character`s back from the end was most
    /// of `caption`'s cost.
    private static func lastOpeningBracket(in text: String) -> String.Index? {
        let byte: (offset: Int, alone: Bool)? = UTF8Scalars.withBytes(text) { bytes in
            guard let offset = bytes.lastIndex(of: 0x28) else { return nil }
            return (offset, TextShape.standsAlone(bytes, at: offset, length: 1))
        }
        guard let byte else { return nil }
        guard byte.alone else { return text.lastIndex(of: "(") }
        return text.utf8.index(text.utf8.startIndex, offsetBy: byte.offset)
    }

    /// The first `:` or `：` in `text` as a `Character`, found on the bytes when it stands alone
    /// (see `standsAlone`): walking `Character`s through a long line with no colon was most of
    /// a labelled line's cost, and stepping a `Character` past it hundreds of instructions.
    private static func firstColon(in text: String) -> Range<String.Index>? {
        let byte: (offset: Int, length: Int, alone: Bool)? = UTF8Scalars.withBytes(text) { bytes in
            for offset in bytes.indices {
                if bytes[offset] == 0x3A { return (offset, 1, TextShape.standsAlone(bytes, at: offset, length: 1)) }
                if bytes[offset] == 0xEF, offset + 2 < bytes.count, bytes[offset + 1] == 0xBC, bytes[offset + 2] == 0x9A {
                    return (offset, 3, TextShape.standsAlone(bytes, at: offset, length: 3))
                }
            }
            return nil
        }
        guard let byte else { return nil }
        guard byte.alone else {
            return text.firstIndex(where: { $0 == ":" || $0 == "：" }).map { $0..<text.index(after: $0) }
        }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: byte.offset)
        return start..<utf8.index(start, offsetBy: byte.length)
    }

    /// The fewest wide gaps a ticker has: its five headlines or more.
    static let tickerGaps = 4

    /// A line of many short headlines glued by wide spaces: a ticker or a menu.
    private func isTicker(_ raw: Substring) -> Bool {
        // Gaps counted first: few lines that reach here have four, while nearly all have a
        // wide space (the reader passes over those it knows to have fewer gaps).
        guard TextShape.wideGaps(raw) >= Self.tickerGaps, TextShape.hasWideSpace(raw) else { return false }
        let segments = TextShape.wideSegments(raw)
        guard segments.count >= 5 else { return false }
        let short = segments.filter { $0.words <= 16 }.count
        let sentences = segments.filter(\.endsSentence).count
        return short * 10 >= segments.count * 8 && sentences * 10 < segments.count * 3
    }

    /// The first byte of `host` that is no ASCII letter, digit, space, dot or comma, nor part
    /// of a non-ASCII scalar, else its first byte.
    private static func rareByte(_ host: String) -> UInt8? {
        host.utf8.first { byte in
            byte < 0x80 && byte != 0x20 && byte != 0x2E && byte != 0x2C && !(0x30...0x39).contains(byte) && !(0x61...0x7A).contains(byte | 0x20)
        } ?? host.utf8.first
    }

    /// Whether the text has one of `bytes`, each found by `memchr`.
    private static func holdsAny(of bytes: [UInt8], _ text: String) -> Bool {
        UTF8Scalars.withBytes(text) { line in
            bytes.contains { ByteSearch.first($0, in: line, from: 0, before: line.count) != nil }
        }
    }

    /// The first http(s) address in a line, read on the bytes when the scheme and the address's
    /// end stand alone (see `standsAlone`) and the address is ASCII, which is nearly always:
    /// Foundation's `range(of:)` cost tens of thousands of instructions a line.
    static func url(in text: String) -> String? {
        let scheme = ByteSearch.offsets(of: "https://", in: text).first.map { ($0, 8) } ?? ByteSearch.offsets(of: "http://", in: text).first.map { ($0, 7) }
        guard let (start, length) = scheme else { return nil }
        let address: Range<Int>? = UTF8Scalars.withBytes(text) { bytes in
            guard TextShape.standsAlone(bytes, at: start, length: length) else { return nil }
            var end = start + length
            while end < bytes.count, bytes[end] < 0x80, !isAddressEnd(bytes[end]) { end += 1 }
            guard end == bytes.count || (bytes[end] < 0x80 && TextShape.standsAlone(bytes, at: end, length: 1)) else { return nil }
            return start..<end
        }
        guard let address else { return urlByCharacters(text) }
        let utf8 = text.utf8
        return String(text[utf8.index(utf8.startIndex, offsetBy: address.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: address.upperBound)])
    }

    /// The ASCII bytes that end an address: white space, `"` and `)`.
    private static func isAddressEnd(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte) || byte == 0x22 || byte == 0x29
    }

    /// `url` read `Character` by `Character`: the rule itself.
    static func urlByCharacters(_ text: String) -> String? {
        guard let start = text.range(of: "https://") ?? text.range(of: "http://") else {
            return nil
        }
        let tail = text[start.lowerBound...]
        return String(tail.prefix { !$0.isWhitespace && $0 != "\"" && $0 != "”" && $0 != ")" })
    }
}
