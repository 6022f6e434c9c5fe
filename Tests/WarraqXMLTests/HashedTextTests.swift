import Testing
@testable import WarraqXML

/// Texts Swift calls equal (canonically equivalent) must hash alike, long or short, so that a
/// repeat written with combining marks is still found.
struct HashedTextTests {
    @Test func canonicallyEqualTextsAreOneEntry() {
        let long = ("Caf\u{E9} am 12. Mai 2024, um 10:30 Uhr: \u{212B}ngstr\u{F6}m und Kelvin (\u{212A})", "Cafe\u{301} am 12. Mai 2024, um 10:30 Uhr: A\u{30A}ngstro\u{308}m und Kelvin (K)")
        let short = ("Caf\u{E9}", "Cafe\u{301}")
        for (composed, decomposed) in [long, short] {
            #expect(composed == decomposed)
            #expect(HashedText(composed).hashValue == HashedText(decomposed).hashValue)
            #expect(Set([HashedText(composed), HashedText(decomposed)]).count == 1)
        }
    }

    @Test func differentTextsWithTheSamePunctuationStayApart() {
        let texts = ["Der Minister sagte am Montag, er komme.", "Die Ministerin sagte am Dienstag, sie gehe."]
        #expect(Set(texts.map(HashedText.init)).count == 2)
    }
}
