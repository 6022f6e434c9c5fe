import Testing
@testable import WarraqCore

@Suite("Byte words")
struct ByteWordsTests {
    /// Every byte value in every lane, beside every kind of neighbour, against a plain byte loop.
    @Test("lane tests agree with byte comparisons")
    func lanes() {
        for value in 0...255 {
            for lane in 0..<8 {
                let word = UInt64(value) << (8 * lane) | (lane == 0 ? 0 : 0x41)
                let bit = UInt64(0x80) << (8 * lane)
                let byte = UInt8(value)
                #expect((ByteWords.equal(word, 0x20) & bit != 0) == (byte == 0x20))
                #expect((ByteWords.equal(word, 0xC2) & bit != 0) == (byte == 0xC2))
                #expect((ByteWords.below(word, 0x0E) & bit != 0) == (byte < 0x0E))
                #expect((ByteWords.within(word, from: 0xE1, count: 3) & bit != 0) == (0xE1...0xE3).contains(byte))
                #expect((ByteWords.asciiSpace(word) & bit != 0) == (byte == 0x20 || (0x09...0x0D).contains(byte)))
                let lead = (0x09...0x0D).contains(byte) || [0xC2, 0xE1, 0xE2, 0xE3, 0xEF].contains(byte)
                #expect((ByteWords.spaceLead(word) & bit != 0) == lead)
                for before: UInt8 in [0x20, 0x41] {
                    let previous = UInt64(before) << (8 * lane) | (lane == 0 ? 0 : 0x41)
                    #expect((ByteWords.equal(word, previous, 0x20) & bit != 0) == (byte == 0x20 && before == 0x20))
                }
            }
        }
    }

    @Test("counts and finds bytes with the one before them, at any length", arguments: 0...40)
    func counts(length: Int) {
        let bytes = (0..<length).map { [0x20, 0x61, 0x20, 0x20, 0xD8, 0xA7, 0x09, 0x20][($0 * 7 + length) % 8] as UInt8 }
        let pairs = bytes.indices.dropFirst().filter { bytes[$0] == 0x20 && bytes[$0 - 1] == 0x20 }
        bytes.withUnsafeBufferPointer { buffer in
            #expect(ByteWords.count(buffer) { byte, _ in ByteWords.equal(byte, 0x20) } == bytes.filter { $0 == 0x20 }.count)
            #expect(ByteWords.count(buffer) { byte, previous in ByteWords.equal(byte, 0x20) & ByteWords.equal(previous, 0x20) } == pairs.count)
            var found: [Int] = []
            let stopped = ByteWords.contains(buffer) { byte, previous in
                ByteWords.equal(byte, 0x20) & ByteWords.equal(previous, 0x20)
            } accepting: { index in
                found.append(index)
                return false
            }
            #expect(!stopped)
            #expect(found == pairs)
        }
    }

    @Test("white space folding is needed exactly where folding changes the text", arguments: [
        "plain line", "  indented", "trailing ", "two  spaces", "tab\there", "nbsp\u{A0}here", "thin\u{2009}space",
        "“quoted” – dash…", "zero\u{200B}width", "bom\u{FEFF}", "ideographic\u{3000}space", "a", "", " ", "نص عربي “مقتبس”",
        "  kept words  then\t\tfolded  \u{A0} runs, kept again ", "e\u{301}  \u{301}mark", "كلمة  كلمة كلمة\u{2009}كلمة",
    ])
    func folding(text: String) {
        checkFold(text)
    }

    /// Lines of every length up to five vectors, from pieces that fold and pieces that do not,
    /// so that each kind of byte falls in every lane, at vector ends and in the tail.
    @Test("the sixteen-byte walk folds as the scalar rule does", arguments: 0..<40)
    func foldingLongLines(seed: Int) {
        // Single spaces three times as likely as each other piece.
        let pieces = ["a", "ب", " ", " ", " ", "  ", "\t", "\u{A0}", "\u{2009}", "“", "…", "\u{3000}", "\u{200B}", "\u{1}", "中", "\r\n"]
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 | 1
        for _ in 0..<20 {
            var text = ""
            while text.utf8.count < 80 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                checkFold(text)
                text += pieces[Int(state >> 59) % pieces.count]
            }
        }
    }

    @Test("vectors find bytes with the one after them, at any length", arguments: 0...70)
    func vectors(length: Int) {
        let bytes = (0..<length).map { [0x20, 0x61, 0x20, 0x20, 0xD8, 0xA7, 0x09, 0x20, 0x61][($0 * 7 + length) % 9] as UInt8 }
        let pairs = bytes.indices.dropLast().filter { bytes[$0] == 0x20 && bytes[$0 + 1] == 0x20 }
        bytes.withUnsafeBufferPointer { buffer in
            var found: [Int] = []
            let stopped = ByteVectors.contains(buffer) { byte, next in
                byte .== .splat(0x20) .& (next .== .splat(0x20))
            } accepting: { index in
                found.append(index)
                return false
            }
            #expect(!stopped)
            #expect(found == pairs)
            // Zero bytes past the end are turned away; the walk stops at the first accepted.
            #expect(ByteVectors.contains(buffer, { byte, _ in byte .== .splat(0) }, accepting: { _ in true }) == false)
            #expect(ByteVectors.contains(buffer, { byte, _ in byte .== .splat(0x61) }, accepting: { _ in true }) == bytes.contains(0x61))
        }
    }

    /// Folding by the scalar rule against `foldingWhitespace`, `singleSpaces` and what
    /// `FoldedSpaces` learns on the way.
    private func checkFold(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        var pending = false
        for scalar in text.unicodeScalars {
            if isFoldableSpace(scalar.value) {
                pending = !scalars.isEmpty
            } else {
                if pending { scalars.append(" ") }
                pending = false
                scalars.append(scalar)
            }
        }
        let folded = String(String.UnicodeScalarView(scalars))
        #expect(text.foldingWhitespace() == folded)
        var copy = text
        #expect(copy.withUTF8(needsWhitespaceFolding) == (folded != text))
        #expect(copy.withUTF8(singleSpaces) == (folded != text ? nil : text.utf8.filter { $0 == 0x20 }.count))
        // What the fold learnt on the way: its words, and whether only spaces at the ends went.
        let spaced = FoldedSpaces(Substring(text))
        #expect(spaced.text == folded)
        #expect(spaced.words == (folded.isEmpty ? 0 : folded.utf8.split(separator: 0x20).count))
        let inner = text.utf8.drop { $0 == 0x20 }.reversed().drop { $0 == 0x20 }
        #expect(spaced.wasSingleSpaced == (folded.utf8.count == inner.count))
    }

    @Test("the White_Space table is Unicode's property")
    func whiteSpaceProperty() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(isWhiteSpaceProperty(value) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
    }

    @Test("trimming takes white space off both ends only", arguments: [
        "plain", " a ", "\u{A0}نص\u{3000}", "\u{200B}zero width\u{FEFF}", "\t\n tabs \r\n", "", "   ", "e\u{301} ",
    ])
    func trimming(text: String) {
        let scalars = text.unicodeScalars
        let kept = scalars.drop { $0.properties.isWhitespace }.reversed().drop { $0.properties.isWhitespace }.reversed()
        #expect(text.trimmingWhitespace() == String(String.UnicodeScalarView(kept)))
        #expect(Substring(text).trimmingWhitespace() == String(String.UnicodeScalarView(kept)))
    }
}
