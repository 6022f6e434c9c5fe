import Testing
import WarraqCore
import WarraqFormats

@Suite("Plain text reader, byte rule against the Character rule")
struct PlainTextReaderTests {
    /// The rule the reader had when it split the decoded text by `Character`: each line trimmed
    /// of white space, blank lines closing a paragraph, a paragraph's lines joined by a space.
    private static func paragraphsByCharacters(_ bytes: [UInt8]) -> (paragraphs: [String], lines: LineRange?) {
        var paragraphs: [String] = []
        var block: [String] = []
        var first = 0
        var last = 0
        for (index, line) in TextDecoding.decode(bytes).text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingWhitespace()
            if text.isEmpty {
                if !block.isEmpty { paragraphs.append(block.joined(separator: " ")) }
                block.removeAll()
            } else {
                if first == 0 { first = index + 1 }
                last = index + 1
                block.append(text)
            }
        }
        if !block.isEmpty { paragraphs.append(block.joined(separator: " ")) }
        return (paragraphs, first > 0 ? LineRange(first, last) : nil)
    }

    @Test("paragraphs and line range are the Character rule's, through odd white space, CR, CRLF, NBSP and runs of blank lines")
    func agreesWithCharacterRule() throws {
        let texts = [
            "", "\n", "\n\n\n", "one", "one\n", "\u{FEFF}one\ntwo\n\nthree",
            "  lead and trail  \n\tتاب\u{00A0}\n\u{00A0}\u{2003}\n\nسطر\r\nثان\r\n\r\n\r\nثالث\rرابع",
            "\u{3000}full width\u{3000}\n\u{200B}zero width\u{200B}\n\u{85}next line\u{85}\n\u{2028}\n\u{2029}x",
            "e\u{301}\n\u{301}combining after newline\n \u{301}\n\n\n\nlast\n\n",
            "\r\r\r\nx\n\u{000B}\u{000C}\ny\u{000C}",
        ]
        for bytes in texts.map({ Array($0.utf8) }) + [[0x61, 0xFF, 0x0A, 0x20, 0xC3, 0x0A, 0x62]] {
            let text = String(decoding: bytes, as: UTF8.self)
            var reader = try PlainTextReader(Input(path: "dir/note.text", source: .bytes(bytes)))
            let document = try #require(try reader.next())
            let expected = Self.paragraphsByCharacters(bytes)
            let paragraphs = document.body.map { block -> String? in
                if case .paragraph(let paragraph) = block { return paragraph.text }
                return nil
            }
            #expect(paragraphs == expected.paragraphs, "\(text.debugDescription)")
            #expect(document.origin?.lines == expected.lines, "\(text.debugDescription)")
            #expect(document.id == "note#1")
        }
    }
}
