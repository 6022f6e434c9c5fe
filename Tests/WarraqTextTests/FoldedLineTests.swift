import Testing
@testable import WarraqText
import WarraqCore
import WarraqTestSupport

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

    /// Phrase lists for `partial`: some the texts start with or are, some they are not.
    static let phraseLists: [[PhraseList]] = [
        [PhraseList(["اقرأ أيضا", "اقرأ"]), PhraseList(["تابعونا على", "read more"])],
        [PhraseList(["Read More:", "kelvin", "İstanbul"]), PhraseList(["كلمة كلمة كلمة", "x"])],
        [PhraseList(texts), PhraseList(texts.map { String($0.prefix(12)) })],
    ]

    /// A long line's fold keeps what matching reads: the prefix look-ups and the whole-line
    /// look-up of every list answer on it as on the whole fold.
    @Test("a partly folded line answers the look-ups of the whole fold", arguments: texts, phraseLists)
    func partial(text: String, lists: [PhraseList]) {
        let index = PhraseIndex(lists, searchedAnywhere: 0)
        let whole = Folding.fold(text)
        let line = FoldedLine(text, whole: false, phrases: index)
        #expect(whole.utf8.starts(with: line.head.utf8))
        if line.isWhole { #expect(line.head == whole) }
        UTF8Scalars.withBytes(line.head) { head in
            UTF8Scalars.withBytes(whole) { whole in
                for lists in [~0] + lists.indices.map({ PhraseIndex.Lists(1) << $0 }) {
                    let (found, longest) = index.leading(head, in: lists)
                    #expect(found == index.leading(whole, in: lists).lists)
                    #expect(longest == index.leading(whole, in: lists).longest)
                }
            }
        }
        let bare = LineClassifier.trimmingMarks(whole)
        let held = UTF8Scalars.withBytes(bare) { index.holding($0) }
        #expect(line.holding == held)
        #expect(line.leading == UTF8Scalars.withBytes(whole) { index.leading($0, in: ~0).lists })
        let folded = FoldedLine(whole: whole, phrases: index)
        #expect(folded.holding == held)
        #expect(folded.leading == line.leading)
    }

    /// A line folded whole keeps as its bare line what trimming its marks leaves, whether or
    /// not it starts and ends with a letter.
    @Test("a whole line's bare line is its fold without the marks", arguments: texts + ["- خبر", "خبر.", "a", "ـ", "", "Ab1", "•", "كلمة ـ"])
    func wholeBare(text: String) {
        let whole = Folding.fold(text)
        let bare = UTF8Scalars.withBytes(whole) { UTF8Scalars.string($0, FoldedLine.bare($0)) }
        #expect(bare == String(LineClassifier.trimmingMarks(whole)))
    }

    @Test("widths measured up to a limit", arguments: ["plain", "عربي مع تشكيل: كَتَبَ", "中文宽字符", String(repeating: "word ", count: 80)], [0, 3, 10, 251])
    func width(text: String, limit: Int) {
        #expect(DisplayWidth.of(Substring(text), upTo: limit) == min(DisplayWidth.of(Substring(text)), limit))
    }

    /// The scalar walk a limit stops, against which the eight-byte steps over ASCII are checked.
    @Test("widths stop at the limit where the scalar walk stops", arguments: [
        String(repeating: "ascii ", count: 30), "short", "abcdefg中文hijklmnop宽字符qrstuvwxyz", "عربي plain words عربي",
    ], [0, 1, 7, 8, 9, 15, 16, 17, 24, 31, 251])
    func widthLimits(text: String, limit: Int) {
        var width = 0
        for scalar in text.unicodeScalars {
            if width >= limit { width = limit; break }
            width += DisplayWidth.of(scalar)
        }
        #expect(DisplayWidth.of(Substring(text), upTo: limit) == width)
    }

    /// Trailing white space is left out of a line's width by `Character`s: a space a prepended
    /// sign (U+0600) joins is no white space `Character`, so it is measured.
    @Test("line widths leave trailing white space out as Characters do", arguments: [
        "plain", "trailing   ", "tab\t", "عربي\u{A0}", "\u{600} ", "x\u{600}\u{A0}", "e\u{301} ", "wide\u{3000}", "\r\n", "",
        "zero\u{200B}", "mark \u{301}",
    ])
    func trailingSpace(line: String) {
        var characters = Substring(line)
        while let last = characters.last, last.unicodeScalars.allSatisfy({ isFoldableSpace($0.value) }) { characters.removeLast() }
        #expect(WrapJoiner.width(Substring(line)) == DisplayWidth.of(characters, upTo: WrapJoiner.maximumColumn + 1))
    }

    /// The sixteen-byte steps and the range tests for longer scalars give each scalar the
    /// width `DisplayWidth.of(_:)` gives it alone.
    @Test("widths are the sum of the scalars' widths", arguments: [
        "", "plain ascii", "\u{0}\u{1}\t", "عربي مع تشكيل: كَتَبَ ٱلْوَلَدُ ـــ ؟ ، ؛", "پژوهش گاه ی ے", "שָׁלוֹם", "Café é\u{301} ñ ø",
        "“quoted” — dash… \u{200B}\u{200F}\u{FEFF}", "中文宽字符 한국어 ｶﾅ", "emoji 🙂 𠀀", "Ελληνικά Кириллица",
    ])
    func scalarWidths(text: String) {
        #expect(DisplayWidth.of(Substring(text)) == text.unicodeScalars.map(DisplayWidth.of).reduce(0, +))
    }

    /// The vector steps count a scalar at its lead and test the byte after it for a mark: a
    /// mark at each offset, a step's last lane and the byte after it among them, is left out.
    @Test("marks at every offset are left out of the width", arguments: [
        "\u{301}", "\u{64E}", "\u{64C}", "\u{670}", "\u{610}", "\u{6D6}", "\u{200B}", "\u{200F}", "\u{202A}", "\u{202E}", "\u{2060}",
        "\u{201C}", "\u{2026}", "\u{2030}", "中",
    ])
    func marksAtEveryOffset(mark: String) {
        // The long line's sixty-four-byte steps meet the mark in every lane, next to commas
        // (D8 8C) that share the mark's continuation byte.
        let long = String(repeating: "كتب، الولد في البيت ", count: 4)
        for base in ["abcdefghijklmnopqrstuvwxyz", "كتبالولدفيالبيتالكبير", "aب cد eف gق iك", long] {
            for offset in 0...base.unicodeScalars.count {
                var scalars = Array(base.unicodeScalars)
                scalars.insert(contentsOf: mark.unicodeScalars, at: offset)
                let text = String(String.UnicodeScalarView(scalars))
                #expect(DisplayWidth.of(Substring(text)) == text.unicodeScalars.map(DisplayWidth.of).reduce(0, +))
            }
        }
    }

    /// Every scalar of one and two bytes, in each lane of a sixteen-byte step and in the bytes
    /// left after the last, is as wide as `DisplayWidth.of(_:)` makes it alone.
    @Test("every two-byte scalar in every lane measures as the scalar rule")
    func twoByteScalarsInEveryLane() {
        var wrong: [String] = []
        for value in UInt32(0x20)..<0x800 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for offset in [0, 7, 15, 16] {
                let text = String(repeating: "a", count: offset) + String(scalar) + String(repeating: "b", count: 17)
                for cut in [text.utf8.count, offset + scalar.utf8.count + 1] {
                    let line = text.utf8.prefix(cut)
                    let expected = String(Substring(line)).unicodeScalars.map(DisplayWidth.of).reduce(0, +)
                    if DisplayWidth.of(Substring(line)) != expected { wrong.append("U+\(String(value, radix: 16)) at \(offset), \(cut) bytes") }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }

    /// Long lines mixing one-column scalars with marks, wide and three-byte scalars, so that
    /// each falls in every lane of the sixteen-byte steps, measured to limits near theirs.
    @Test("long mixed lines measure as the scalar walk does", arguments: 0..<30)
    func mixedWidths(seed: Int) {
        let pieces = ["a", " ", "ب", "ا", "\u{64E}", "\u{60B}", "\u{6C1}", "“", "中", "e\u{301}", "ñ", "\u{200F}", "🙂", "پ"]
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 | 1
        var text = ""
        while text.unicodeScalars.count < 120 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text += pieces[Int(state >> 59) % pieces.count]
            for limit in [1, 15, 16, 17, 31, 32, 33, 60, Int.max] {
                var width = 0
                for scalar in text.unicodeScalars {
                    if width >= limit { width = limit; break }
                    width += DisplayWidth.of(scalar)
                }
                #expect(DisplayWidth.of(Substring(text), upTo: limit) == width, "\(text) up to \(limit)")
            }
        }
    }

    /// A line the reader takes to be single-spaced from its fold must have no wide gap, and
    /// every line with a wide gap must be told apart.
    @Test("single spacing read from the fold", arguments: [
        ("a b c", true), ("  a b  ", true), ("a\tb", true), ("a  b", false), ("a\u{A0}b", false), ("\ta b", false),
        ("a  b  c  d  e", false), ("a\u{200B}b", false), ("", true),
    ])
    func singleSpaced(raw: String, expected: Bool) {
        let single = FoldedSpaces(Substring(raw)).wasSingleSpaced
        #expect(single == expected)
        if single { #expect(TextShape.wideGaps(Substring(raw)) == 0) }
    }

    /// An ad marker made a space joins the white space on either side of it into one run: it
    /// adds one wide gap at most, so a single-spaced line with few markers is no ticker.
    @Test("each marker made a space adds one wide gap at most", arguments: [
        "a AD b AD c", "AD a b", "a b AD", "a ADAD b AD AD c", "x\u{A0}AD\tAD y", "one AD  two", "ADADAD",
        "a - AD - b - AD - c - AD - d - AD - e",
    ])
    func markerGaps(raw: String) {
        let parts = raw.split(separator: "AD", omittingEmptySubsequences: false)
        let spaced = parts.joined(separator: " ")
        let before = TextShape.wideGaps(Substring(raw))
        #expect(TextShape.wideGaps(Substring(spaced)) <= before + parts.count - 1)
    }

    /// The fold's rules scalar by scalar, against which the table the fold looks up for the
    /// scalars of one and two bytes is checked.
    static func foldedScalars(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pending = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if Folding.isSpace(v) {
                pending = !out.isEmpty
                continue
            }
            if Folding.vanishes(v) { continue }
            if pending { out.append(" ") }
            pending = false
            switch v {
            case 0x0622, 0x0623, 0x0625, 0x0671: out.append("\u{0627}")
            case 0x0649: out.append("\u{064A}")
            case 0x0629: out.append("\u{0647}")
            case 0x0660...0x0669: out.append(Unicode.Scalar(v - 0x0660 + 0x30)!)
            case 0x06F0...0x06F9: out.append(Unicode.Scalar(v - 0x06F0 + 0x30)!)
            case 0x41...0x5A: out.append(Unicode.Scalar(v + 0x20)!)
            case 0...0x7F, 0x0590...0x08FF, 0x2000...0x206F, 0x3000...0x9FFF: out.append(scalar)
            default:
                if scalar.properties.isUppercase {
                    out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                } else {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }

    @Test("the fold agrees with its rules scalar by scalar", arguments: texts + trickyStrings + [
        String(String.UnicodeScalarView((0..<0x800).compactMap { Unicode.Scalar(UInt32($0)) })),
        (0..<0x800).compactMap { Unicode.Scalar(UInt32($0)) }.map { "x\($0) " }.joined(),
        "ÀÉÎ ΑΒΓ АБВ İ ǅ \u{1E9E} Ⅻ Ａ 𐐀", "  ﻻ ﷲ ٱلْ ـــ \u{200C}\u{200E}\u{200F} ",
    ])
    func foldRules(text: String) {
        #expect(Folding.fold(text) == Self.foldedScalars(text))
    }

    @Test("a fold stopped at a limit starts the fold, and is whole or holds the limit", arguments: texts, [0, 5, 12, 40, 400])
    func foldStopped(text: String, limit: Int) {
        let whole = Folding.fold(text)
        UTF8Scalars.withBytes(text) { bytes in
            Folding.withFold(bytes, limit: limit) { folded, read in
                #expect(whole.utf8.starts(with: folded))
                #expect(read == bytes.count ? folded.count == whole.utf8.count : folded.count >= limit)
                // What was read folds to what was put out.
                Folding.withFold(UnsafeBufferPointer(rebasing: bytes[..<read]), limit: .max) { readFolded, _ in
                    #expect(readFolded.elementsEqual(folded))
                }
            }
        }
    }

    @Test("wide gaps between headlines", arguments: [
        ("a  b  c  d  e", 4), ("  a  b", 1), ("a  b   ", 1), ("a\u{A0}\u{A0}b  c", 2), ("a \u{2009}b\t\tc", 2),
        ("a\u{200B}\u{200B}b", 0), ("“a”  “b”", 1), ("one two", 0),
    ])
    func wideGaps(raw: String, gaps: Int) {
        #expect(TextShape.wideGaps(Substring(raw)) == gaps)
        let spaced = FoldedSpaces(Substring(raw))
        #expect(spaced.wideGaps == (raw.unicodeScalars.contains { $0 != " " && isFoldableSpace($0.value) } ? nil : gaps))
    }

    /// A link number is glued to the word after it: taken out of a line spaced by ASCII spaces
    /// alone, it leaves the gaps the fold counted.
    @Test("link numbers taken out keep the gaps of a line spaced by spaces", arguments: [
        "see [1]this and [2]that", "[1]start  of a line", "  [3]indented  [4][5]twice ", "(\"[6]quoted\")   #[7]hash",
        "a [1] footnote  and [2]x  [3]y  [4]z  w", "[1]a  [2]b  [3]c  [4]d  [5]e",
    ])
    func strippedGaps(raw: String) throws {
        let gaps = try #require(FoldedSpaces(Substring(raw)).wideGaps)
        let stripped = try #require(LinkMarkers.stripped(raw))
        #expect(TextShape.wideGaps(Substring(stripped.text)) == gaps)
    }
}
