import Testing
import WarraqCore
@testable import WarraqText

@Suite("The end of a line cut from its fold is the end folded again")
struct FoldedTailTests {
    /// Raw lines with white space of every kind, and where each tail starts: at every scalar.
    static let lines = [
        "موسكو-سانا أعلن الكرملين اليوم أن المحادثات مستمرة.",
        "القاهرة (رويترز) -  أعلنت  الحكومة\u{A0}اليوم  ",
        "LONDON (Reuters) - Shares\trose as\u{200B}markets  opened ",
        "  حلب ــ سانا   قال مصدر\u{2003}إن",
        "word",
        "a b",
        "   ",
    ]

    @Test("every tail of every line: text and words as FoldedSpaces makes them", arguments: lines)
    func agreesWithFolding(raw: String) {
        let whole = FoldedSpaces(raw[...])
        var index = raw.startIndex
        while index <= raw.endIndex {
            let tail = raw[index...]
            let expected = FoldedSpaces(tail)
            let cut = FoldedTail.of(tail, in: whole.text, words: whole.words)
            #expect(cut.text == expected.text, "tail \(Array(tail.unicodeScalars))")
            #expect(cut.words == expected.words, "tail \(Array(tail.unicodeScalars))")
            guard index < raw.endIndex else { break }
            index = raw.unicodeScalars.index(after: index)
        }
    }

    /// A fold that is not the line's (an ad marker spaced out of it) is never cut from.
    @Test("a fold the tail does not end is not cut from")
    func otherFold() {
        let tail = "أعلن  الكرملين"[...]
        let cut = FoldedTail.of(tail, in: "موسكو-سانا أعلن الكرملين إعلان", words: 4)
        #expect(cut.text == "أعلن الكرملين")
        #expect(cut.words == 2)
    }
}
