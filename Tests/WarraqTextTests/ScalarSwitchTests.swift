import Testing
import WarraqCore
@testable import WarraqText

/// The classifier's hot tests ask switches, not hashed sets, for the marks a line starts or ends
/// with: each switch must hold exactly the scalars (or lead bytes) of the set it stands for.
@Suite("Scalar switches agree with the sets they stand for")
struct ScalarSwitchTests {
    /// Every scalar of the Basic Multilingual Plane and a few beyond.
    static let scalars: [UInt32] = Array(0..<0xD800) + Array(0xE000..<0x10000) + [0x1_F600, 0x2_0000, 0x10_FFFF]

    static func values(_ characters: Set<Character>) -> Set<UInt32> {
        Set(characters.map { $0.unicodeScalars.first!.value })
    }

    @Test("sentence ends, question marks, quotes and closing marks")
    func lineEnds() {
        let (ends, questions, quotes) = (Self.values(TextShape.sentenceEnds), Self.values(TextShape.questionMarks), Self.values(TextShape.quotes))
        for value in Self.scalars {
            #expect(TextShape.isSentenceEnd(value) == ends.contains(value))
            #expect(TextShape.isQuestionMark(value) == questions.contains(value))
            #expect(TextShape.isQuote(value) == quotes.contains(value))
            #expect(TextShape.isClosing(value) == (quotes.contains(value) || value == 0x29 || value == 0x5D))
        }
    }

    @Test("dashes and the marks that end a dateline's place")
    func datelineMarks() {
        let dashes = Self.values(DatelineParser.dashes)
        let breaks = Self.values(TextShape.sentenceEnds.union([",", "،", ":"]))
        for value in Self.scalars {
            #expect(DatelineParser.isDashScalar(value) == dashes.contains(value))
            #expect(DatelineParser.isPlaceBreak(value) == breaks.contains(value))
        }
    }

    @Test("label marks and keyword separators")
    func classifierMarks() {
        let separators = Self.values(LineClassifier.keywordSeparators)
        for value in Self.scalars {
            #expect(LineClassifier.isLabelMark(value) == LineClassifier.labelMarks.contains(value))
            #expect(LineClassifier.isKeywordSeparator(value) == separators.contains(value))
        }
    }

    @Test("a scalar that never joins is no mark a dash could carry")
    func neverJoins() {
        // Prepended signs (Grapheme_Cluster_Break=Prepend) of the Basic Multilingual Plane.
        let prepended: Set<UInt32> = [0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x0605, 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x0D4E]
        for value in Self.scalars where TextShape.neverJoins(value) {
            let properties = Unicode.Scalar(value)!.properties
            #expect(!properties.isGraphemeExtend && properties.generalCategory != .spacingMark && value != 0x200D)
            #expect(!prepended.contains(value) && !(0x1100...0x11FF).contains(value) && !(0xD7B0...0xD7FF).contains(value))
        }
    }

    @Test("a mark between two scalars that never join is a Character of its own")
    func neverJoinsAMark() {
        for value in Self.scalars where TextShape.neverJoins(value) {
            let scalar = String(Unicode.Scalar(value)!)
            for mark in [".", ":", " ", ")", "\"", "«", "\u{2019}", "?"] {
                #expect((scalar + mark + scalar).count == 3, "U+\(String(value, radix: 16)) \(mark)")
            }
        }
    }

    @Test("the lead bytes of list markers")
    func markerLeads() {
        let leads = Set(ListMarker.bullets.map { $0.utf8.first! } + Array(0x30...0x39))
        for byte in UInt8.min...UInt8.max {
            #expect(ListMarker.isMarkerLead(byte) == leads.contains(byte))
        }
    }
}

/// `ListMarker` turns lines away on their bytes before reading `Character`s.
@Suite("List markers read on bytes")
struct ListMarkerBytesTests {
    @Test("the bullet switch finds exactly the bullets, each by its length")
    func bulletLengths() {
        for value in ScalarSwitchTests.scalars {
            let scalar = String(Unicode.Scalar(value)!)
            for text in [scalar, scalar + " x"] {
                let length = Array(text.utf8).withUnsafeBufferPointer { ListMarker.bulletLength($0, at: 0) }
                // By bytes: `String`'s `==` would take U+0387 for its canonical equivalent `·`.
                let bullet = ListMarker.bulletTexts.contains { $0.utf8.elementsEqual(scalar.utf8) } ? scalar.utf8.count : nil
                #expect(length == bullet, "U+\(String(value, radix: 16))")
            }
        }
        // Cut short: a lead byte with its bullet's last bytes missing.
        for bullet in ListMarker.bulletTexts {
            let bytes = Array(bullet.utf8.dropLast())
            #expect(bytes.isEmpty || bytes.withUnsafeBufferPointer { ListMarker.bulletLength($0, at: 0) } == nil)
        }
    }

    @Test("an item found on bytes is the item the Character rule finds", arguments: [
        "  • News", "* Sports", "- quoted speech", "– dash", "1. First", "12) Twelfth", "123. no", "1.no", "1 . no", "  ·  middle dot",
        "•\u{301} mark", "• \u{301}x", "1\u{301}. x", "12\u{301}. x", " \u{301}• x", "\t\t■ square", "□ ", "•", "", "   ", "2024 was a year",
        "«quoted»", "“quoted”", "سياسة", "9.\u{A0}x", "9. x", "‣ triangle", "●● two",
        "  *   spaced item", "1)  x", "• a", "•  \u{301}", "* \r", "   [12]link", "• عنوان", "- \u{200D}x", "3.  ", "+",
        "* Ärger", "1. ‘x’", "• ٣ أيام", "*  \u{0627}\u{0651}x", "* \u{0301}", "* \u{200D}", "2) \u{0915}\u{093F}", "• \u{0600}1",
        "\u{0387} Greek ano teleia",
    ])
    func item(line: String) {
        #expect(ListMarker.item(Substring(line)) == ListMarker.itemByCharacters(Substring(line)))
        let first = line.first { $0 != " " && $0 != "\t" }
        let menuRule = first == "-" || first == "–" ? nil : ListMarker.itemByCharacters(Substring(line))
        #expect(ListMarker.menuItem(Substring(line)) == menuRule)
    }
}

/// `NewsDateParser.hasDigits` tests lanes loosely and hits exactly: it must find exactly the
/// ASCII, Arabic-Indic and Persian digits.
@Suite("Digits found on bytes")
struct DigitBytesTests {
    @Test("every scalar around the digit ranges, alone and in Arabic text")
    func digits() {
        let scalars: [UInt32] = Array(0..<0x80) + Array(0x0600..<0x0700) + [0xA0, 0xB9, 0x0A0, 0x2026, 0xFF10, 0x0966]
        for value in scalars {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let isDigit = (0x30...0x39).contains(value) || (0x0660...0x0669).contains(value) || (0x06F0...0x06F9).contains(value)
            for text in [String(scalar), "نص عربي \(scalar) هنا", "abcdefg\(scalar)", "x\(scalar)ي", "abcdefghijklmno\(scalar) and more text after"] {
                #expect(NewsDateParser.hasDigits(text, atLeast: 1) == isDigit, "U+\(String(value, radix: 16))")
                // Four of it, or three and an ASCII digit: each digit found is counted once.
                #expect(NewsDateParser.hasDigits(text + text + text + text, atLeast: 4) == isDigit, "U+\(String(value, radix: 16))")
                #expect(NewsDateParser.hasDigits(text + text + text + " 7", atLeast: 4) == isDigit, "U+\(String(value, radix: 16))")
            }
        }
        #expect(!NewsDateParser.hasDigits("", atLeast: 1))
        #expect(NewsDateParser.hasDigits("قبل ٣ ساعات", atLeast: 1))
        #expect(!NewsDateParser.hasDigits("قبل ٣ ساعات، 12:4", atLeast: 5))
        #expect(NewsDateParser.hasDigits("قبل ٣ ساعات، 12:4۵", atLeast: 5))
    }
}

/// `NewsDateParser.isoDate` reads an ASCII date's fields off its bytes.
@Suite("ISO dates read on bytes")
struct ISODateBytesTests {
    /// Words whose year is four ASCII digits and a separator, or none the scalar rule reads.
    @Test("the fields agree with the scalar rule", arguments: [
        "2016-12-16", "2016-12-16T15:24:14", "2016/12/16", "2016.12.16t09:05", "2016-12-16T", "2016-12-16Tx", "2016-+1-+5", "2016-12/16",
        "2016-1a-16", "201٦-12-16", "2016-١٢-16", "2016-12-16T١٥:24", "2016-12-1\u{301}6", "2016-12-16\u{301}T10:00", "abcd-12-16", "20161216xx",
    ])
    func fields(word: String) {
        let (bytes, scalars) = (NewsDateParser.standard.isoDate(word), NewsDateParser.isoDateByScalars(word))
        #expect(bytes?.0 == scalars?.0 && bytes?.1 == scalars?.1 && bytes?.2 == scalars?.2 && bytes?.3 == scalars?.3)
    }
}

/// `NewsDateParser.time` reads the digits and colons a word opens with off its bytes.
@Suite("Times read on bytes")
struct TimeBytesTests {
    @Test("the time agrees with the Character rule", arguments: [
        "15:24:14", "15:24", "09:05", "24:00", "23:60", "15:24:14:10", "15:2", "5:24", "15::24", ":15:24", "15:24:", "15:24+03", "15:24,",
        "15:24z", "15:24\u{301}", "15:2\u{301}4", "15:24ص", "١٥:٢٤", "15:٢٤", "15", "", ":", "::", "15:24\r", "1524", "15:24:14.5", "15:24–16:00",
    ])
    func time(word: String) {
        #expect(NewsDateParser.time(word) == NewsDateParser.timeByCharacters(word))
    }
}

/// `TextShape.unquoted` keeps a line whole on its end bytes when neither end may be trimmed.
@Suite("Quote ends read on bytes")
struct QuoteEndBytesTests {
    @Test("every scalar that is a quotation mark or white space has a lead byte the test knows")
    func leads() {
        let quotes = Set(TextShape.quotes.map { $0.unicodeScalars.first!.value })
        for value in ScalarSwitchTests.scalars where quotes.contains(value) || isWhiteSpaceProperty(value) {
            let lead = String(Unicode.Scalar(value)!).utf8.first!
            #expect([0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x22, 0x27, 0x60, 0xC2, 0xE1, 0xE2, 0xE3].contains(lead), "U+\(String(value, radix: 16))")
        }
    }

    @Test("a line kept whole on its bytes is what the Character walk keeps", arguments: [
        "عنوان الخبر", "Title", "a\"b", "x\u{0600}", "\u{0600}x", "é", "e\u{301}", "«a» b", "a «b»", "\u{A0}a", "a\u{3000}", "\u{FEFF}a\u{FEFF}", "\u{200B}a",
    ])
    func whole(text: String) {
        #expect(TextShape.unquoted(text) == TextShape.unquotedByCharacters(text))
    }
}

/// `LinkMarkers.isAddressLine` reads a line's bytes once; the rule as the string views read it.
@Suite("Address lines read on bytes")
struct AddressLineBytesTests {
    static func rule(_ text: String) -> Bool {
        let digits = text.utf8.prefix { (0x30...0x39).contains($0) }.count
        let rest = text.utf8.dropFirst(digits)
        guard digits > 0, rest.starts(with: ". ".utf8) else { return text.contains("://") && !text.utf8.contains(0x20) }
        let scheme = rest.dropFirst(2).prefix { (0x61...0x7A).contains($0) }
        return scheme.count >= 3 && rest.dropFirst(2 + scheme.count).first == UInt8(ascii: ":")
    }

    @Test("the byte walk agrees with the rule", arguments: [
        "12. https://example.org/a?b=c", "Read more at https://example.org", "https://example.org", "https://example.org/a b", "1.", "1. ", "1. ab:",
        "1. abc:", "13. mailto:?Subject=x", "12.https://x", "12 . https://x", "", "12", "١٢. https://x", "x://y", "7. HTTP://x", "99. ftp:",
    ])
    func agrees(text: String) {
        #expect(LinkMarkers.isAddressLine(text) == Self.rule(text))
    }
}

/// `NewsDateParser.day` reads ASCII words on their bytes: it must agree with the `Character` rule.
@Suite("Days read on bytes")
struct DayBytesTests {
    @Test("a day found on bytes is the day the Character rule finds", arguments: [
        "3", "3rd,", "16", "31st", "32", "0", "00", "07", "123", "2nd.", "1er", "21th", "3rd,,", "4x", "4xy", "12abc", "",
        "abc", "3º", "3\u{301}", "5،", "٣", "3\r\n", "1.", "29th.,", "14 ", "s3",
    ])
    func day(word: String) {
        #expect(NewsDateParser.day(word) == NewsDateParser.dayByCharacters(word))
    }
}
