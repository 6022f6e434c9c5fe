import Testing
@testable import WarraqText

/// The classifier finds brackets, colons and keyword separators on bytes, and asks the
/// `Character`s only when a mark or a prepended scalar may join one to its neighbour: both
/// ways must read a line alike.
@Suite("Classifier byte paths read as Characters do")
struct ClassifierBytePathTests {
    @Test("debris read on bytes agrees with the Character rule", arguments: [
        "", "TT", "20", "abc", "abcd", "ab1Z9", "abcdef", "a b", "a bc", "ab-cd", "@#$%", "\r\n\r\nab", "a\r\nb", "ab\r\ncd",
        "عن", "عنوان", "e\u{301}abc", "x\u{301}", "naïve", "ABCDEFGHIJKLMNOPQRSTU", "a[z]", "Z`{}", "AZaz09",
        "新聞", "ニュース", "Мир", "Москва", "é\r\n", "é\r", "ab\u{0600}1", "ا\u{064B}ب", "한국", "हिन्दी", "नया", "«»", "é€1", "ÄÖ", "ÄÖÜ", "ÄÖÜß",
    ])
    func debris(text: String) {
        #expect(LineClassifier.isDebris(text) == LineClassifier.isDebrisByCharacters(text))
    }

    @Test("a date's words cut on bytes are those the Character split finds", arguments: [
        "الجمعة 16 ديسمبر 2016", "  16 ديسمبر  2016 x", "a b c d e", "a  b c", "a b  c d", " a b", "a b ", "a \u{301}b c d", "a\u{0600} b c d",
        "x \u{200D}y z w", "16 ديسمبر", "", " ", "a\u{A0}b c d", "a b c\u{301} d",
    ])
    func span(text: String) {
        for before in 0...3 {
            for count in 0...3 {
                let match = NewsDateParser.Match(iso: "", wordCount: count, wordsBefore: before)
                #expect(LineClassifier.span(of: match, in: text) == LineClassifier.spanByCharacters(of: match, in: text), "\(before) \(count)")
            }
        }
    }

    @Test("a caption's credit is in its last bracket")
    func caption() {
        #expect(LineClassifier.caption("Smoke over the city (AFP)")! == ("Smoke over the city", "AFP"))
        #expect(LineClassifier.caption("دخان فوق المدينة (رويترز)")! == ("دخان فوق المدينة", "رويترز"))
        #expect(LineClassifier.caption("朝日新聞出版 の 写真(AERA dot.)")! == ("朝日新聞出版 の 写真", "AERA dot."))
        // A bracket under a combining mark is another Character: the credit opens earlier.
        #expect(LineClassifier.caption("Smoke over the city (AFP (\u{301}x)")! == ("Smoke over the city", "AFP (\u{301}x"))
        #expect(LineClassifier.caption("Smoke over the city") == nil)
    }

    @Test("a caption read on bytes agrees with the Character rule", arguments: [
        "Smoke over the city (AFP)", "دخان فوق المدينة (رويترز)", " Smoke  over\u{A0}(  AFP  )", "One (AFP)", "Smoke over the city. (AFP)",
        "Smoke over the city (a b c d e f g)", "Smoke over the city ()", "Smoke over the city ( )", "x\u{0600})", "Smoke (x\u{0600})",
        "Smoke over (AFP\u{0600})", "Smoke over\u{0600}(AFP)", "Smoke over (\u{301}AFP)", "(AFP)", ")", "Smoke over the city (AFP) (Reuters)",
        "Smoke (over) the city (AFP)", "Smoke over the city \u{2028}(AFP)\u{2029})",
    ])
    func captionOnBytes(text: String) {
        let (bytes, characters) = (LineClassifier.caption(text), LineClassifier.captionByCharacters(text))
        #expect(bytes?.0 == characters?.0)
        #expect(bytes?.1 == characters?.1)
        #expect(LineClassifier.isCaption(text) == (characters != nil))
    }

    @Test("an address read on bytes agrees with the Character rule", arguments: [
        "Watch: https://youtube.com/watch?v=1 now", "(https://x.com/a/status/1)", "see http://t.co/x\"", "https://x.com/a”", "no address here",
        "http://a.com and https://b.com", "https://", "xhttps://a.com", "a\u{0600}https://a.com", "https://a.com/\u{0301}b c", "https://a.com)\u{0301} c",
        "https://a.com/شارع c", "https://a.com\u{A0}c", "https://a.com\r\nb", "http://\u{301}a.com",
    ])
    func url(text: String) {
        #expect(LineClassifier.url(in: text) == LineClassifier.urlByCharacters(text))
    }

    @Test("keywords are cut at separators that stand alone")
    func keywords() {
        #expect(LineClassifier.splitKeywords("سياسة، اقتصاد؛ World | Tech #news") == ["سياسة", "اقتصاد", "World", "Tech", "news"])
        #expect(LineClassifier.splitKeywords("one,\u{301}two, three") == ["one,\u{301}two", "three"])
        #expect(LineClassifier.splitKeywords("no separators here") == ["no separators here"])
    }

    @Test("a label's value follows its first colon")
    func labeledValue() {
        let classifier = LineClassifier(profile: .builtIn)
        let keywords = "Tags: Politics, Economy"
        guard case .keywords(let found) = classifier.labeled(text: keywords, folded: FoldedLine(whole: Folding.fold(keywords), phrases: classifier.phrases)) else {
            Issue.record("no keywords in \(keywords)")
            return
        }
        #expect(found == ["Politics", "Economy"])
    }
}
