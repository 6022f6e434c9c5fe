import Testing
import WarraqCore
@testable import WarraqText

@Suite("The assembler's byte-level shortcuts agree with the rules they stand for")
struct AssemblyFastPathTests {
    /// The teaser rule on the whole fold, as `HeadlineFurniture` had it before it looked at the
    /// fold of the text's first bytes only.
    private static func isTeaserOnWholeFold(_ text: String, classifier: LineClassifier) -> Bool {
        let folded = Folding.fold(text)
        let label = UTF8Scalars.withBytes(folded) { classifier.phrases.leading($0, in: LineClassifier.relatedLabels).longest }
        guard label > 0 else { return false }
        let rest = folded.utf8.dropFirst(label).drop { $0 == 0x20 }
        return TextShape.wordCount(String(decoding: rest, as: UTF8.self)) <= 1 || rest.first == UInt8(ascii: ":") || rest.first == UInt8(ascii: "|")
    }

    @Test("a teaser is told on the fold of its first bytes as on the whole fold: every built-in label alone, run on, after a colon or bar, and before long text")
    func teaserOnOpeningFold() {
        let classifier = LineClassifier(profile: .builtIn)
        let furniture = HeadlineFurniture(classifier: classifier)
        let labels = classifier.profile.relatedLabels.phrases
        #expect(!labels.isEmpty)
        let long = String(repeating: "word ", count: 60)
        var texts = ["Ferry service to the outer islands resumes", "", "R", "اقرأ", long]
        for label in labels {
            let upper = label.uppercased()
            texts += [label, upper, label + "s", label + "x more words", label + ": " + long, upper + " | Site",
                      label + " one", label + " two words", label + " " + long, "  " + label + "  :  title", "ـ" + label]
        }
        for text in texts {
            #expect(furniture.isTeaser(text) == Self.isTeaserOnWholeFold(text, classifier: classifier), "\(text)")
        }
    }

    @Test("echo hashes are equal for equal bytes and tell apart every prefix of a line, tails of any length included")
    func echoHash() {
        let line = "عاجل: الرئيس يلتقي وفدا من رجال الأعمال في العاصمة اليوم"
        var hashes: Set<Int> = []
        let utf8 = Array(line.utf8)
        for count in 0...utf8.count {
            let prefix = Array(utf8[..<count])
            let copy = Array(prefix)
            let hash = prefix.withUnsafeBytes { LineEchoes.hash($0) }
            #expect(copy.withUnsafeBytes { LineEchoes.hash($0) } == hash)
            hashes.insert(hash)
        }
        #expect(hashes.count == utf8.count + 1)
    }

    @Test("a teaser's cut is told by its last bytes as by Character: dots and ellipses, marks after them, a number sign before them")
    func teaserCut() {
        let texts = ["x…", "x...", "x.", "x..", "…", "...", "..", "", "ab", "x….", "x...…", "\u{0600}...", "\u{0600}…",
                     "x…\u{301}", "x.\u{301}..", "نص مقطوع…", "نص مقطوع...", "x . . .", "x\u{200D}...", "x\u{200D}…",
                     "\u{0600}x...", "x\u{0600}...", "\u{0600}\u{0600}…", "👍🏽...", "ـ…", "x \u{301}..."]
        for text in texts {
            #expect(ArticleAssembler.isCut(text) == (text.hasSuffix("…") || text.hasSuffix("...")), "\(text)")
        }
    }

    @Test("a glued tail's three words are told on its bytes as by a Character split: marks and prepended signs at spaces")
    func threeWords() {
        let texts = ["one two three", "one two", "one", "", "a b c d", "one \u{301}two three", "one two \u{301}three",
                     "\u{0600} two three", "one\u{0600} two three", "كلمة ثانية ثالثة", "كلمة ثانية", "x  y z", "x y ",
                     " x y z", "x\u{200D} y z", "👍🏽 b c"]
        for text in texts {
            #expect(ArticleAssembler.hasThreeWords(text) == (text.split(separator: " ", maxSplits: 2).count >= 3), "\(text)")
        }
    }

    @Test("repeats counted on the window's hash buffer are the lines near by whose echo text has the same bytes")
    func echoRepeats() {
        let texts = ["Advertisement", "• Advertisement", "إعلان", "Most read", "1. Most read", "إعلان", "Advertisement",
                     String(repeating: "long line of running text ", count: 4)]
        var window = LineWindow()
        for index in 0..<(3 * LineEchoes.window) {
            var line = ScrapeLine(lines: LineRange(line: index), text: texts[(index * 7 + index / 5) % texts.count], raw: "", kind: .heading)
            line.position = index
            window.append(line, echo: LineEchoes.key(line))
        }
        for position in window.positions(0..<window.end) {
            let near = window.positions((position - LineEchoes.window)..<(position + LineEchoes.window))
            let text = Array(window.echoText(at: position).utf8)
            let expected = window.echoHash(at: position) == 0 ? 1 : near.count { window.echoHash(at: $0) != 0 && Array(window.echoText(at: $0).utf8) == text }
            #expect(LineEchoes.repeats(position, in: window) == expected, "at \(position)")
        }
    }
}
