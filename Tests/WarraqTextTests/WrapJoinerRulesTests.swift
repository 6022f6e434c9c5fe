import Testing
import WarraqCore
@testable import WarraqText

@Suite("Wrap joiner rules read from bytes and counts")
struct WrapJoinerRulesTests {
    /// The rule as first written, by sorting the long lines' widths, against which the count
    /// by width is checked.
    static func sortedColumn(_ lines: [Substring], widths: [Int]) -> Int? {
        let long = widths.indices.filter { widths[$0] >= WrapJoiner.longLine && !lines[$0].contains("://") }
            .map { widths[$0] }.sorted(by: >)
        guard long.count >= 8 else { return nil }
        let column = long[long.count / 50]
        let full = long.filter { $0 <= column && $0 > column - WrapJoiner.slack }.count
        guard column <= WrapJoiner.maximumColumn, full * 4 >= long.count else { return nil }
        var followed = 0, midSentence = 0
        for index in widths.indices.dropLast() where widths[index] > column - WrapJoiner.slack && widths[index] <= column && widths[index + 1] > 0 {
            followed += 1
            if !TextShape.endsSentence(String(lines[index])) { midSentence += 1 }
        }
        return midSentence >= 3 && midSentence * 3 >= followed * 2 ? column : nil
    }

    /// Widths spread around a column, with blank, short, link and unwrapped lines among them,
    /// as many as make the top 2 % fall on every kind.
    @Test("counting lines by width finds the column sorting them does", arguments: 0..<60)
    func column(seed: Int) {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 | 1
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        let column = 40 + next(230)
        var lines: [Substring] = []
        var widths: [Int] = []
        for _ in 0..<(6 + next(300)) {
            switch next(10) {
            case 0: widths.append(0)
            case 1: widths.append(next(WrapJoiner.longLine))
            case 2: widths.append(WrapJoiner.maximumColumn + 1)
            default: widths.append(max(0, column - next(WrapJoiner.slack + 6)))
            }
            lines.append(["a line that goes on", "a sentence.", "see https://example.com", ""][next(4)])
        }
        #expect(WrapJoiner.wrapColumn(lines, widths: widths) == Self.sortedColumn(lines, widths: widths))
    }

    /// Indents read from bytes against `Character`s: a space a combining mark follows is
    /// another `Character`, and a line may be all indent.
    @Test("indents read from bytes are the Character rule's", arguments: [
        "", "plain", "   three", "\t\ttabs", " \t mixed", "    ", " \u{301}mark", "  \u{301}", "\u{A0}nbsp", "  نص", "  \u{200D}x",
        "  \r\n", "\t中",
    ])
    func indents(text: String) {
        let line = Substring(text)
        #expect(WrapJoiner.indent(line) == line.prefix { $0 == " " || $0 == "\t" }.count)
        #expect(Array(WrapJoiner.droppingIndent(line).utf8) == Array(line.drop { $0 == " " || $0 == "\t" }.utf8))
    }

    /// A space a combining mark follows, or a prepended sign precedes, is no `Character` of its
    /// own, so the first word goes on past it.
    @Test("first words read from bytes are the Character rule's", arguments: [
        "word rest", "end", "", " lead", "a \u{301}b c", "\u{600} x y", "a\u{6DD} b", "نص عربي", "كَتَبَ الولد", "中文 x",
        "x\u{200D} y", "e\u{301} next", "ab\u{903} c", "\u{915} \u{94D}x", "ñ  two", "a\u{0890} b", "z \u{200D}y",
    ])
    func firstWords(text: String) {
        let line = Substring(text)
        #expect(WrapJoiner.firstWordWidth(line) == DisplayWidth.of(line.prefix { $0 != " " }))
    }

    /// Wrapped lines are joined with one space, none between two wide characters, the
    /// indents of the continuing lines and every line's trailing spaces dropped.
    @Test("wrapped lines are joined by their edge scalars")
    func joinedPieces() {
        let lines: [Substring] = ["   aaaa bbbb cccc dd  ", "   eeeeeeee ffff ggg", "   中文中文中文中文中", "   文字文字 x"]
        var joiner = WrapJoiner(column: 20)
        for (index, line) in lines.enumerated() {
            #expect(joiner.push(line, width: WrapJoiner.width(line), number: index + 1) == nil)
        }
        let joined = joiner.finish()
        #expect(joined?.raw == "   aaaa bbbb cccc dd eeeeeeee ffff ggg 中文中文中文中文中文字文字 x")
        #expect(joined?.lines == LineRange(1, 4))
    }

    @Test("blank lines read from bytes are the scalar rule's", arguments: [
        "", " ", "\t \u{A0}\u{3000}\u{200B}", "  x", "\u{2009}\u{FEFF}", " \u{301}", "\r\n", "\u{1}",
    ])
    func blank(text: String) {
        #expect(WrapJoiner.isBlank(Substring(text)) == text.unicodeScalars.allSatisfy { isFoldableSpace($0.value) })
    }
}
