import Testing
@testable import WarraqText
import WarraqCore

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

    /// The table for two-byte scalars and the range tests for the rest give each scalar the
    /// width `DisplayWidth.of(_:)` gives it alone.
    @Test("widths are the sum of the scalars' widths", arguments: [
        "", "plain ascii", "\u{0}\u{1}\t", "عربي مع تشكيل: كَتَبَ ٱلْوَلَدُ ـــ ؟ ، ؛", "پژوهش گاه ی ے", "שָׁלוֹם", "Café é\u{301} ñ ø",
        "“quoted” — dash… \u{200B}\u{200F}\u{FEFF}", "中文宽字符 한국어 ｶﾅ", "emoji 🙂 𠀀", "Ελληνικά Кириллица",
    ])
    func scalarWidths(text: String) {
        #expect(DisplayWidth.of(Substring(text)) == text.unicodeScalars.map(DisplayWidth.of).reduce(0, +))
    }

    /// A line the reader takes to be single-spaced from its fold must have no wide gap, and
    /// every line with a wide gap must be told apart.
    @Test("single spacing read from the fold", arguments: [
        ("a b c", true), ("  a b  ", true), ("a\tb", true), ("a  b", false), ("a\u{A0}b", false), ("\ta b", false),
        ("a  b  c  d  e", false), ("a\u{200B}b", false), ("", true),
    ])
    func singleSpaced(raw: String, expected: Bool) {
        let single = TextShape.isSingleSpaced(Substring(raw), folded: TextShape.foldSpaces(Substring(raw)))
        #expect(single == expected)
        if single { #expect(TextShape.wideGaps(Substring(raw)) == 0) }
    }

    @Test("a fold kept only within a limit agrees with the fold", arguments: texts, [0, 5, 12, 40, 400])
    func foldWithin(text: String, limit: Int) {
        let whole = Folding.fold(text)
        let within = UTF8Scalars.withBytes(text) { Folding.fold($0, within: limit) }
        #expect(within == (whole.utf8.count <= limit ? whole : nil))
    }

    @Test("wide gaps between headlines", arguments: [
        ("a  b  c  d  e", 4), ("  a  b", 1), ("a  b   ", 1), ("a\u{A0}\u{A0}b  c", 2), ("a \u{2009}b\t\tc", 2),
        ("a\u{200B}\u{200B}b", 0), ("“a”  “b”", 1), ("one two", 0),
    ])
    func wideGaps(raw: String, gaps: Int) {
        #expect(TextShape.wideGaps(Substring(raw)) == gaps)
    }
}
