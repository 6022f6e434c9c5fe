import Testing
import WarraqCore
@testable import WarraqTransforms

@Suite("normalize")
struct NormalizeTests {
    /// The normalized text's scalars (Swift's `==` on strings would hide what NFC did) and the counts.
    private func normalized(_ text: String, _ settings: TextNormalizer.Settings = .init()) -> ([Unicode.Scalar], [Int]) {
        var normalizer = TextNormalizer(settings)
        let out = normalizer.normalize(text)
        return (Array(out.unicodeScalars), normalizer.counts)
    }

    private func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    @Test("NFC composes and reorders marks, and counts each text it changed")
    func nfc() {
        #expect(normalized("cafe\u{301}").0 == scalars("café"))
        // Shadda (class 33) typed before fatha (class 30): canonical order puts fatha first.
        #expect(normalized("ب\u{651}\u{64E}").0 == scalars("ب\u{64E}\u{651}"))
        // Alef followed by a combining hamza above is the precomposed alef with hamza.
        let (hamza, counts) = normalized("ا\u{654}")
        #expect(hamza == scalars("أ"))
        #expect(counts[NormalizationRules.Change.nfc.rawValue] == 1)
    }

    @Test("a later run that needs NFC composes them all, and each change is counted once")
    func nfcInLaterRun() {
        var normalizer = TextNormalizer(.init())
        let runs = normalizer.normalize(runs: ["قال  ", "cafe\u{301}"])
        #expect(runs.map(scalars) == [scalars("قال "), scalars("café")])
        #expect(normalizer.counts[NormalizationRules.Change.nfc.rawValue] == 1)
        #expect(normalizer.counts[NormalizationRules.Change.whitespace.rawValue] == 1)
    }

    @Test("never NFKC: presentation forms, ligatures and full-width letters are kept")
    func notNFKC() {
        for text in ["\u{FEFB}", "\u{FDF2}", "ﬁle", "ＡＢＣ", "x²"] {
            #expect(normalized(text).0 == scalars(text))
        }
    }

    @Test("white space: NBSP and Unicode spaces fold to one space, ends trimmed, a line break kept, ZWNJ kept")
    func whitespace() {
        #expect(normalized("  عنوان\u{A0}\u{A0}الخبر \u{2009} هنا\t").0 == scalars("عنوان الخبر هنا"))
        #expect(normalized("سطر أول  \n  سطر ثان").0 == scalars("سطر أول\nسطر ثان"))
        #expect(normalized("می\u{200C}شود").0 == scalars("می\u{200C}شود"))
        #expect(normalized("zero\u{200B}width").0 == scalars("zero width"))
        #expect(normalized("already clean").1.allSatisfy { $0 == 0 })
    }

    @Test("inline runs still join to the block's text after folding across their boundaries")
    func inlineRuns() {
        var normalizer = TextNormalizer(.init())
        let runs = normalizer.normalize(runs: [" قال ", "  الوزير", "\u{A0}", "اليوم "])
        #expect(runs.joined() == "قال الوزير اليوم")
        let block = Block.paragraph(Paragraph(text: "a  b", inlines: [Inline(.text, "a "), Inline(.strong, " b")]))
        var normalizerB = TextNormalizer(.init())
        guard case .paragraph(let p) = block.mappingText({ normalizerB.normalize(runs: $0) }) else { Issue.record("not a paragraph"); return }
        #expect(p.text == "a b")
        #expect(p.inlines?.map(\.text).joined() == p.text)
    }

    @Test("a heading's, paragraph's or quote's own language survives normalizing")
    func blockLanguageKept() {
        var normalizer = TextNormalizer(.init())
        let blocks: [Block] = [
            .heading(Heading(level: 2, text: " In  English", language: "en")),
            .paragraph(Paragraph(text: "The\u{A0}plan", language: "en", inlines: [Inline(.text, "The\u{A0}"), Inline(.emphasis, "plan")])),
            .quote(Quote(text: "ما  باید", source: " وزیر", language: "fa")),
        ]
        let normalized = blocks.map { $0.mappingText { normalizer.normalize(runs: $0) } }
        #expect(normalized.map(\.language) == ["en", "en", "fa"])
        #expect(normalized.map(\.plainText) == ["In English", "The plan", "ما باید"])
    }

    @Test("Arabic options are off by default and each changes only its own characters")
    func arabicOptions() {
        let text = "قالَ الأمـــر ١٢٣ ۴۵ إلى مدرسة"
        #expect(normalized(text).0 == scalars(text))
        #expect(normalized(text, .init(removeTatweel: true)).0 == scalars("قالَ الأمر ١٢٣ ۴۵ إلى مدرسة"))
        #expect(normalized(text, .init(stripDiacritics: true)).0 == scalars("قال الأمـــر ١٢٣ ۴۵ إلى مدرسة"))
        #expect(normalized(text, .init(asciiDigits: true)).0 == scalars("قالَ الأمـــر 123 45 إلى مدرسة"))
        let (unified, counts) = normalized(text, .init(unifyLetters: true))
        #expect(unified == scalars("قالَ الامـــر ١٢٣ ۴۵ الي مدرسه"))
        #expect(counts[NormalizationRules.Change.letters.rawValue] == 4)
    }

    @Test("hamza above and below are letters, not diacritics: strip-diacritics keeps them")
    func hamzaKept() {
        #expect(normalized("سؤال", .init(stripDiacritics: true)).0 == scalars("سؤال"))
        #expect(normalized("ا\u{654}", .init(stripDiacritics: true)).0 == scalars("أ"))
    }

    @Test("the transform reaches titles, captions, lists and tables, leaves removed text verbatim, and reports its counts")
    func transform() throws {
        let document = Document(
            id: "d#1", title: " عنوان\u{A0}الخبر ",
            body: [
                .figure(Figure(caption: "صورة  من الحدث")),
                .list(ListBlock(items: [ListItem(text: "أولا\u{A0} ثانيا")])),
                .table(Table(rows: [["١", " خلية "]])),
            ],
            removed: [Removal(text: "  كما هو  ", reason: .ad)]
        )
        let transform = try NormalizeTransform(options: FormatOptions(parsing: "ascii-digits"))
        let (kept, _, notes) = try run(transform, [document, Document(id: "d#2", title: "نظيف")])
        #expect(kept[0].title == "عنوان الخبر")
        #expect(kept[0].body[0] == .figure(Figure(caption: "صورة من الحدث")))
        #expect(kept[0].body[1] == .list(ListBlock(items: [ListItem(text: "أولا ثانيا")])))
        #expect(kept[0].body[2] == .table(Table(rows: [["1", "خلية"]])))
        #expect(kept[0].removed == document.removed)
        #expect(notes == ["normalize: 8 changes in 1 of 2 documents (whitespace 7, digits 1)"])
    }

    @Test("an unknown option or a value that is not a boolean is a usage error naming it")
    func options() {
        #expect(throws: UsageError("transform 'normalize' has no option 'nfkc' (known: remove-tatweel, strip-diacritics, ascii-digits, unify-letters)")) {
            try NormalizeTransform(options: FormatOptions(parsing: "nfkc"))
        }
        #expect(throws: UsageError("transform 'normalize': ascii-digits=maybe is not true or false")) {
            try NormalizeTransform(options: FormatOptions(parsing: "ascii-digits=maybe"))
        }
    }

    @Test("the built-in rules load, and a bad rule file names its line")
    func rules() throws {
        #expect(NormalizationRules.builtIn.digits.count == 20)
        #expect(NormalizationRules.builtIn.letters[0x0629]?.replacement == Array("ه".utf8))
        #expect(throws: (any Error).self) { try NormalizationRules(yaml: Array("digits: [\"١٢٣\"]\n".utf8)) }
    }
}
