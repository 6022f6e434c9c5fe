import Testing
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
    @Test("an item found on bytes is the item the Character rule finds", arguments: [
        "  • News", "* Sports", "- quoted speech", "– dash", "1. First", "12) Twelfth", "123. no", "1.no", "1 . no", "  ·  middle dot",
        "•\u{301} mark", "• \u{301}x", "1\u{301}. x", "12\u{301}. x", " \u{301}• x", "\t\t■ square", "□ ", "•", "", "   ", "2024 was a year",
        "«quoted»", "“quoted”", "سياسة", "9.\u{A0}x", "9. x", "‣ triangle", "●● two",
    ])
    func item(line: String) {
        #expect(ListMarker.item(Substring(line)) == ListMarker.itemByCharacters(Substring(line)))
        let first = line.first { $0 != " " && $0 != "\t" }
        let menuRule = first == "-" || first == "–" ? nil : ListMarker.itemByCharacters(Substring(line))
        #expect(ListMarker.menuItem(Substring(line)) == menuRule)
    }
}
