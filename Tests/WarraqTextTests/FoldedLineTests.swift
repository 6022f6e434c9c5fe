import Testing
@testable import WarraqText

@Suite("Folded lines and line shapes")
struct FoldedLineTests {
    static let texts = [
        "اقرأ أيضا",
        "اقرأ أيضا - - - - - - - - - - - - - - - - - - - - - - - - -",
        "•  اقرأ أيضا  :",
        "ـــ اقـــرأ أيـضـاً ـــ",
        String(repeating: "ـ", count: 300) + "اقرأ أيضا",
        "Read More: " + String(repeating: "Lorem ipsum dolor sit amet. ", count: 20),
        String(repeating: "كلمة ", count: 60) + "!!!",
        "İSTANBUL — Kelvin \u{212A} and Ω " + String(repeating: "x", count: 100),
        "تابعونا على",
    ]

    /// A long line's fold keeps what matching reads: a prefix of the whole fold, and the bare
    /// line when it is short enough to be a phrase.
    @Test("a partly folded line agrees with the whole fold", arguments: texts, [0, 5, 12, 40])
    func partial(text: String, longest: Int) {
        let whole = Folding.fold(text)
        let line = FoldedLine(text, whole: false, longest: longest)
        #expect(whole.utf8.starts(with: line.head.utf8))
        #expect(line.isWhole ? line.head == whole : line.head.utf8.count >= longest + FoldedLine.reach)
        let bare = LineClassifier.trimmingMarks(whole)
        #expect(line.bare.map(String.init) == (line.isWhole || bare.utf8.count <= longest ? String(bare) : nil))
    }

    @Test("widths measured up to a limit", arguments: ["plain", "عربي مع تشكيل: كَتَبَ", "中文宽字符", String(repeating: "word ", count: 80)], [0, 3, 10, 251])
    func width(text: String, limit: Int) {
        #expect(DisplayWidth.of(Substring(text), upTo: limit) == min(DisplayWidth.of(Substring(text)), limit))
    }

    @Test("wide gaps between headlines", arguments: [
        ("a  b  c  d  e", 4), ("  a  b", 1), ("a  b   ", 1), ("a\u{A0}\u{A0}b  c", 2), ("a \u{2009}b\t\tc", 2),
        ("a\u{200B}\u{200B}b", 0), ("“a”  “b”", 1), ("one two", 0),
    ])
    func wideGaps(raw: String, gaps: Int) {
        #expect(TextShape.wideGaps(Substring(raw)) == gaps)
    }
}
