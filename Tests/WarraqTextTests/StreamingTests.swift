import Foundation
import Testing
import WarraqCore
import WarraqTestSupport
@testable import WarraqText

@Suite("Scrape reader streaming")
struct StreamingTests {
    /// A draft of `words` words in one paragraph.
    static func draft(words: Int, line: Int) -> Draft {
        var draft = Draft()
        draft.title = "t\(line)"
        draft.append(.paragraph(Paragraph(text: Array(repeating: "w", count: words).joined(separator: " "))), lines: LineRange(line, line))
        draft.paragraphs = 1
        return draft
    }

    @Test("an article is handed on once the drafts after it show it has ended, before the dump ends")
    func articlesBeforeTheEnd() {
        var thin = ThinArticles()
        var handed: [Draft] = []
        // Articles of 100 words, each followed by a thin teaser of 3 words that folds into it.
        for index in 0..<40 {
            thin.add(Self.draft(words: index % 2 == 0 ? 100 : 3, line: index + 1))
            handed += thin.takeArticles()
        }
        #expect(handed.count >= 15)
        #expect(handed.first?.related.map(\.title) == ["t2"])
        let all = handed + thin.finish()
        #expect(all.count == 20)
        #expect(all.map(\.title) == stride(from: 1, to: 40, by: 2).map { "t\($0)" })
    }

    @Test("bytes in memory and the same file give the same documents, sha256 of the whole input included")
    func bytesAndFileAgree() throws {
        let url = fixture("scrape/feed.txt")
        let bytes = Array(try Data(contentsOf: url))
        var fromBytes = try ScrapeReader(Input(path: url.path, source: .bytes(bytes)))
        var fromFile = try ScrapeReader(.file(url.path))
        var a: [Document] = [], b: [Document] = []
        while let document = try fromBytes.next() { a.append(document) }
        while let document = try fromFile.next() { b.append(document) }
        #expect(a == b)
        #expect(a.count == 3)
        #expect(a.allSatisfy { $0.origin?.sha256 == SHA256.hex(bytes) })
    }

    @Test("a long dump streams through the line window: each copy of a feed gives its articles, lines counted on")
    func longDump() throws {
        let feed = try String(contentsOf: fixture("scrape/feed.txt"), encoding: .utf8)
        let copies = 60
        let text = Array(repeating: feed + "\n", count: copies).joined()
        var reader = try ScrapeReader(Input(path: "long.txt", source: .bytes(Array(text.utf8))))
        var documents: [Document] = []
        while let document = try reader.next() { documents.append(document) }
        // Each copy is the feed's lines and one blank line.
        let lines = feed.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(documents.count == 3 * copies)
        #expect(documents.map(\.id).last == "long#\(3 * copies)")
        #expect(documents[3 * (copies - 1)].origin?.lines?.first == lines * (copies - 1) + 1)
        #expect(Set(documents.compactMap(\.title)).count == 3)
    }

    @Test("a BOM is dropped and invalid UTF-8 is reported once with its byte offset")
    func decoding() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("عنوان الخبر هنا\n".utf8) + [0x61, 0xFF, 0x62, 0x0A, 0xFE, 0x0A]
        var reader = try ScrapeReader(Input(path: "bad.txt", source: .bytes(bytes)))
        var documents: [Document] = []
        while let document = try reader.next() { documents.append(document) }
        let diagnostics = reader.takeDiagnostics()
        #expect(diagnostics.map(\.description) == ["bad.txt: warning: invalid UTF-8 at byte 33, replaced with U+FFFD"])
        #expect(documents.flatMap { accountedText($0).split(separator: "\n") }.allSatisfy { !$0.hasPrefix("\u{FEFF}") })
    }
}
