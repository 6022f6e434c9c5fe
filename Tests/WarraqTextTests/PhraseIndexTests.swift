import Testing
import WarraqCore
@testable import WarraqText

/// The phrase trie answers what the phrase lists' definitions say, read with `String`s: a
/// phrase the line starts with, holds or has anywhere, as whole words (`ByteSearch.isBoundary`).
@Suite("Phrase index reads as the phrase lists do")
struct PhraseIndexTests {
    static let lists = [
        PhraseList(["اقرأ أيضا", "اقرأ", "Read more", "read", "©", "كل الحقوق محفوظة"]),
        PhraseList(["عاجل", "Breaking", "Breaking news", "(BUTTON)", "IFRAME:", "é"]),
        PhraseList(["read more", "جميع الحقوق محفوظة", "Copyright", "a"]),
    ]

    static let lines = [
        "", "a", "read", "reader", "read more", "read more about it", "Read Moreover", "اقرأ أيضا",
        "اقرأ أيضاً: خبر", "اقرأايضا", "© 2024 كل الحقوق محفوظة", "©2024", "x©", "breaking news now",
        "breakingnews", "(button) play", "iframe: x", "é", "éa", "café", "a b", "ba", "كل الحقوق محفوظة.",
        "جميع الحقوق محفوظة لموقع", "Copyright٢", "copyright 2", "عاجل١", "عاجل ـ", "a\u{301}", "read\u{301}",
        "Ωread", "1read", "read1", "iframe:", "xiframe:", "خبر،اقرأ أيضا", "«read more»", "“read”", "…read",
        "خبراقرأ أيضا", "؟عاجل", "x؛a",
    ].map(Folding.fold)

    let index = PhraseIndex(Self.lists, searchedAnywhere: ~0)

    /// The longest phrase of `list` the line starts with as whole words.
    static func prefix(_ list: PhraseList, _ line: String) -> String? {
        list.phrases.filter { line.utf8.starts(with: $0.utf8) && ByteSearch.isBoundary(line, after: $0.utf8.count) }
            .max { $0.utf8.count < $1.utf8.count }
    }

    /// Whether some phrase of `list` stands anywhere in the line as whole words.
    static func occurs(_ list: PhraseList, _ line: String) -> Bool {
        list.phrases.contains { phrase in
            ByteSearch.offsets(of: phrase, in: line).contains { offset in
                ByteSearch.isBoundary(line, before: offset) && ByteSearch.isBoundary(line, after: offset + phrase.utf8.count)
            }
        }
    }

    @Test("leading phrases and the longest of each list", arguments: lines)
    func leading(line: String) {
        var line = line
        line.withUTF8 { bytes in
            let all = index.leading(bytes, in: ~0).lists
            for (number, list) in Self.lists.enumerated() {
                let bit: PhraseIndex.Lists = 1 << number
                let expected = Self.prefix(list, String(decoding: bytes, as: UTF8.self))
                #expect((all & bit != 0) == (expected != nil))
                let one = index.leading(bytes, in: bit)
                #expect(one.lists == (expected == nil ? 0 : bit))
                #expect(one.longest == (expected?.utf8.count ?? 0))
            }
        }
    }

    @Test("a line held as a phrase", arguments: lines)
    func holding(line: String) {
        var line = line
        line.withUTF8 { bytes in
            let held = index.holding(bytes)
            for (number, list) in Self.lists.enumerated() {
                #expect((held & 1 << number != 0) == list.contains(String(decoding: bytes, as: UTF8.self)))
            }
        }
    }

    /// The trie follows a line's first bytes as far as some phrase starts with them.
    @Test("the depth the trie follows a line to", arguments: lines)
    func depth(line: String) {
        let shared = Self.lists.flatMap(\.phrases).map { phrase in
            zip(phrase.utf8, line.utf8).prefix { $0 == $1 }.count
        }
        var line = line
        #expect(line.withUTF8 { index.depth($0) } == shared.max() ?? 0)
    }

    @Test("phrases anywhere in a line", arguments: lines)
    func occurring(line: String) {
        var line = line
        line.withUTF8 { bytes in
            let found = index.occurring(in: bytes, in: ~0)
            for (number, list) in Self.lists.enumerated() {
                #expect((found & 1 << number != 0) == Self.occurs(list, String(decoding: bytes, as: UTF8.self)))
                #expect(index.occurring(in: bytes, in: 1 << number) == found & 1 << number)
            }
        }
    }

    @Test("Arabic letters told by their two bytes are the scalars U+0621…U+064A")
    func arabicLetters() {
        for value in UInt32(0x80)..<0x800 {
            let bytes = Array(String(Unicode.Scalar(value)!).utf8)
            #expect(PhraseIndex.isArabicLetter(bytes[0], bytes[1]) == (0x0621...0x064A).contains(value))
        }
    }

    @Test("word scalars without a property look-up are those with the properties")
    func wordScalars() {
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(PhraseIndex.isWordScalar(value) == (scalar.properties.isAlphabetic || scalar.properties.numericType != nil))
        }
    }

    /// The built-in profile's boilerplate rules, tried one by one in order as their placements
    /// say, give each line the reason the classifier's bit tests give it.
    @Test("boilerplate reasons agree with the rules tried in order", arguments: [
        "عاجل: انفجار في المرفأ", "Breaking news: markets fall", "عدد القراءات 1500", "عدد القراءات", "Views 12",
        "تابعونا على فيسبوك", "جميع الحقوق محفوظة © 2024", "Powered by WordPress", "الرئيسية", "شارك", "Share",
        "تكبير الخط", "إعلان", "We use cookies to improve your experience and more words follow here to make it long enough",
        "قال الرئيس إن الحكومة ستعمل على تحسين الخدمات", "Home | News", "Copyright 2024 All rights reserved",
        "Subscribe", "Subscribe to our newsletter for the latest news on all the topics you care about every day",
    ])
    func boilerplate(text: String) {
        let classifier = LineClassifier(profile: .builtIn)
        let wordCount = TextShape.wordCount(text)
        let folded = classifier.fold(text, wordCount: wordCount)
        let short = wordCount <= LineClassifier.boilerplateWords && folded.isWhole
        let bare = LineClassifier.trimmingMarks(Folding.fold(text))
        let expected = ScrapeProfile.builtIn.boilerplate.first { rule in
            if rule.phrases.contains(bare) { return true }
            let leading = Self.prefix(rule.phrases, folded.head) != nil
            switch rule.placement {
            case .wholeLine: return false
            case .leading(let anyLength): return (anyLength || short) && leading
            case .leadingWithNumber: return short && leading && folded.head.contains(where: \.isNumber)
            case .anywhere: return short && Self.occurs(rule.phrases, folded.head)
            }
        }?.reason
        #expect(classifier.boilerplateReason(folded: folded, wordCount: wordCount) == expected)
    }
}
