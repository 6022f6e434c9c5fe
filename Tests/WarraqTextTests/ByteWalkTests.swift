import Testing
@testable import WarraqText

/// Line shapes the assembler reads on UTF-8 bytes, checked against the `Character` rules they
/// stand for.
@Suite("Byte walks over line shapes")
struct ByteWalkTests {
    @Test("unquoting on bytes agrees with the Character walk", arguments: [
        "\"عنوان الخبر\"", "«عنوان»", "“Title”", "‘Title’", "'it's'", "\"a \"b\" c\"", "\"قال \"نعم\"", "\"", "", "plain text",
        "  \"x\"  ", "ends with a quote\"", "\"starts with one", "‹a›", "„a“", "`code`", "\"\"double\"\"", " \u{A0}\"x\" ",
        "\"\u{064B}x\"", "x\u{0600}\"", "\"x\u{0301}\"", "\u{200B}\"x\"", "”عنوان“", "«قال: \"نعم\"»", "\"…\"", "عنوان…",
        "\"We will fight,\" he said", "he said \"no\"", "\"a\" \"b\"", "x\"\"", "\"\"x", "\"x\"\"", "\"\"x\"", "\"\"", "\"\"\"", "'a' b 'c'",
        "\"a \u{0600}\" b\"", "\"a \"\u{301} b\"", "\"a\u{301}\" b\"", "«Новости» и «мир»", "«Новости»", "「ニュース」", "“朝日”と“新聞”", "\"x\"y\"",
        "«a«", "»a»b»", "\"a\"\u{301}", "\"\u{0600}\"a\"", "' '", "\" \" x \"", "x \"a\" \"", "\"a\"\u{0600}b\"", "\"a\u{0600}\"b\"",
    ])
    func unquoted(text: String) {
        #expect(TextShape.unquoted(text) == TextShape.unquotedByCharacters(text))
    }

    @Test("spaces counted sixteen bytes at a time are the space bytes", arguments: [0, 1, 15, 16, 17, 31, 32, 33, 255 * 16 - 1, 255 * 16, 255 * 16 + 17, 9_000])
    func spaces(length: Int) {
        // Spaces, an Arabic letter's bytes and bytes one off the space's, in a pattern that
        // falls on every lane.
        let pattern: [UInt8] = [0x20, 0xD8, 0xB9, 0x21, 0x20, 0x20, 0x1F, 0x61]
        let bytes = (0..<length).map { pattern[($0 * 7 + $0 / 5) % pattern.count] }
        let count = bytes.withUnsafeBufferPointer { TextShape.spaces(in: $0) }
        #expect(count == bytes.filter { $0 == 0x20 }.count)
        #expect(TextShape.wordCount(String(repeating: "كلمة ", count: length) + "x") == length + 1)
    }

    @Test("a sentence end read on bytes agrees with the Character walk", arguments: [
        "Fin de l'été.", "été", "Ende.»", "«قال.»", "قال ذلك.", "x\u{0600}.", "x\u{0600}a", "\u{0600}é", "Why?", "لماذا؟", "a\u{301}.",
        "a.\u{301}", "end)", "end.)", "end ]", "end\u{A0}", "end\u{2028}", "Живые.", "Живые", "終わり。", "x…", "\"quoted\"", "—", "a —",
        "x\u{0600}?", "", " ", "۔", "a\u{200D}.", "x\u{06DD}.", "1.", "١٢.", "قال: «نعم.»", "end.)  ", "x\u{0600})", "a.\u{301})", "(\u{0600}.)",
        "“Why?”", "end.\r\n", "word »", ". )", "\"\"", " »", "a\u{0600}»", "نعم.\u{A0}»\u{2028}", "e\u{301}»", "x\u{200D}”", "No.]'",
    ])
    func endsSentence(text: String) {
        let last = TextShape.lastMeaningful(text)
        #expect(TextShape.endsSentence(text) == (last.map(TextShape.sentenceEnds.contains) ?? false))
    }

    /// The segments of a raw line as strings, walked scalar by scalar: the rule `wideSegments` reads on bytes.
    static func segmentTexts(_ raw: String) -> [String] {
        var segments: [String] = []
        var current = ""
        var spaces = 0
        for scalar in raw.unicodeScalars {
            if scalar.properties.isWhitespace {
                spaces += 1
                continue
            }
            if spaces >= 2, !current.isEmpty {
                segments.append(current)
                current = ""
            } else if spaces == 1, !current.isEmpty {
                current += " "
            }
            spaces = 0
            current.unicodeScalars.append(scalar)
        }
        if !current.isEmpty { segments.append(current) }
        return segments
    }

    @Test("a ticker's segments read on bytes agree with their strings", arguments: [
        "Home  News  Sport  Weather  About us", "  عاجل:  انفجار في المرفأ.  الرئيس يصل\u{A0}\u{A0}الطقس غداً  «خبر»  ", "a\u{A0}b  c\td  e\u{2028}\u{2029}f",
        "one.\u{301}  two\u{0600}.  three)  four”  five…  six?  x\u{0600}a", "", "   ", "single", "a \u{A0}b", "end.\u{A0}", "x \u{0301}  y",
    ])
    func wideSegments(raw: String) {
        let found = TextShape.wideSegments(Substring(raw))
        let expected = Self.segmentTexts(raw)
        #expect(found.map(\.words) == expected.map(TextShape.wordCount))
        #expect(found.map(\.endsSentence) == expected.map(TextShape.endsSentence))
    }

    @Test("wide gaps counted on bytes are the gaps between a line's segments", arguments: [
        "Home  News  Sport  Weather  About us", "  عاجل:  انفجار في المرفأ.  الرئيس يصل\u{A0}\u{A0}الطقس غداً  «خبر»  ", "a\u{A0}b  c\td  e\u{2028}\u{2029}f",
        "", "   ", "single", "a \u{A0}b", "end.\u{A0}\u{A0}", "\u{A0}\u{A0}start", "a\u{200B}\u{200B}b", "a \u{200B} b", "a\u{3000}\u{3000}b\u{1680} c",
        "a\u{FEFF}  b", "«a»\u{A0} \u{A0}·b  ©c", "a\r\n\tb", "x \u{0301}  y", "one  two\u{A0}three\u{2003}\u{2003}four",
        "abcdefghijklmno  p", "abcdefghijklmnop  q   r", "first headline here  second headline text  third   one  fourth\tx  fifth item ",
        "  lead  sixteen bytes.  seventeen b  ", "عنوان الخبر الأول  عنوان الخبر الثاني  ثالث\u{A0}\u{A0}رابع",
    ])
    func wideGaps(raw: String) {
        #expect(TextShape.wideGaps(Substring(raw)) == max(Self.segmentTexts(raw).count - 1, 0))
    }

    @Test("wrapping quotes and spaces come off", arguments: [
        ("«عنوان الخبر»", "عنوان الخبر"), ("\"Title\"", "Title"), ("“قال”", "قال"), ("عنوان", "عنوان"), (" \"Title", "\"Title"),
    ])
    func unquotedTitles(text: String, title: String) {
        #expect(TextShape.unquoted(text) == title)
    }

    @Test("a tweet glued to a sentence end is split off", arguments: [
        ("قال المتحدث إن القرار دستوري.الكرملين يرد على التصريحات", "قال المتحدث إن القرار دستوري.", "الكرملين يرد على التصريحات"),
        ("Is it over?Then more words follow here", "Is it over?", "Then more words follow here"),
        ("Wait... 3.5 percent...Then the words came here", "Wait... 3.5 percent...", "Then the words came here"),
    ])
    func gluedTail(text: String, head: String, tail: String) {
        let split = ArticleAssembler.gluedTail(text)
        #expect(split?.head == head)
        #expect(split?.tail == tail)
    }

    /// The label is found on the first words alone; the whole of both split gives the same.
    @Test("a teaser's section label is split off as splitting every word would", arguments: [
        ("World News Photo of the flood", "World News The river rose in the night"),
        ("World  News Photo", "World News  The river rose   "),
        ("A B C D E long caption", "A B C D the title words"),
        ("A B C long caption", "A B C one two"),
        ("A B C long caption", "A B C one two three"),
        ("تقارير ميدانية صورة من القرية", "تقارير ميدانية الطرق الجبلية تعزل قرى"),
        ("x \u{0301}y caption", "x \u{0301}y a b c"),
        ("Other caption", "Title with four words"),
        (" ", " "),
    ])
    func sectionLabel(caption: String, title: String) {
        let shared = zip(caption.split(separator: " "), title.split(separator: " ")).prefix { $0 == $1 }.count
        let titleWords = title.split(separator: " ")
        let expected = (1...3).contains(shared) && titleWords.count - shared >= 3
            ? (titleWords.prefix(shared).joined(separator: " "), titleWords.dropFirst(shared).joined(separator: " ")) : nil
        let found = ArticleAssembler.sectionLabel(caption: caption, title: title)
        #expect(found?.section == expected?.0)
        #expect(found?.title == expected?.1)
    }

    /// After a capital it is an abbreviation; a stop a sign before it takes into its
    /// `Character` is no stop; too short a tail is no tweet.
    @Test("no tweet is split off", arguments: ["Made in the U.S.A today and more", "كلمة \u{0600}.الكرملين يرد على التصريحات", "قال ذلك.نعم",
                                              "Prices rose 3.5 percent.\"Markets follow the news here", "It ended...(see more words here)"])
    func noGluedTail(text: String) {
        #expect(ArticleAssembler.gluedTail(text) == nil)
    }
}
