import Foundation
import Testing
import WarraqCore
import WarraqFormats
import WarraqTestSupport

@Suite("Markdown writer")
struct MarkdownTests {
    /// Markdown of one document, rendered by markdown-it-py: its front matter and block texts.
    func rendered(_ document: Document, python: URL) throws -> (front: [String: Any], blocks: [String]) {
        var writer = MarkdownWriter()
        var bytes: [UInt8] = []
        try writer.write(document, into: &bytes)
        let file = FileManager.default.temporaryDirectory.appending(path: "warraq-md-\(UUID()).md")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try runProcess(python, [fixture("clients/check_markdown.py").path, file.path])
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any], "\(result.stderr)")
        return (try #require(json["front"] as? [String: Any]), try #require(json["blocks"] as? [String]))
    }

    /// The texts a reader should see, in order.
    func expectedTexts(_ document: Document) -> [String] {
        var texts = document.title.map { [$0] } ?? []
        func add(_ block: Block) {
            switch block {
            case .heading(let h): texts.append(h.text)
            case .paragraph(let p): texts.append(p.text)
            case .quote(let q): texts.append(q.text)
            case .list(let l): for item in l.items { texts.append(item.text); item.children.forEach(add) }
            case .table(let t): texts.append(t.text)
            case .figure, .embed: break
            }
        }
        document.body.forEach(add)
        return texts
    }

    @Test("a CommonMark renderer gives back every block's text, tricky strings included")
    func roundTrip() throws {
        guard Client.shouldRun(Client.python != nil) else { return }
        let python = try #require(Client.python)
        let documents = trickyStrings.enumerated().map { index, text in
            Document(id: "md#\(index)", title: text, body: [
                .heading(Heading(level: 2, text: text)), .paragraph(Paragraph(text: text)),
                .quote(Quote(text: text)), .list(ListBlock(ordered: index.isMultiple(of: 2), items: [ListItem(text: text)])),
            ])
        }
        for document in documents {
            let (_, blocks) = try rendered(document, python: python)
            let expected = expectedTexts(document).filter { !$0.isEmpty }
            for text in expected {
                let folded = text.replacingOccurrences(of: "\r\n", with: "\n")
                #expect(blocks.contains(folded) || blocks.contains(text), "\(document.id): \(text.debugDescription) not in \(blocks.map(\.debugDescription))")
            }
        }
    }

    @Test("the front matter loads with PyYAML to the document's metadata")
    func frontMatter() throws {
        guard Client.shouldRun(Client.python != nil) else { return }
        let python = try #require(Client.python)
        let document = Document(
            id: "fm#1", title: "yes", date: "2024-01-01", dateText: "12:30", authors: ["no", "on"], publisher: "~",
            keywords: ["1.0"], origin: Origin(path: "a.txt", format: "scrape", lines: LineRange(1, 3)),
            body: [.paragraph(Paragraph(text: "نص"))], removed: [Removal(text: "[ad_1]", reason: .ad)]
        )
        let (front, blocks) = try rendered(document, python: python)
        #expect(front["title"] as? String == "yes")
        #expect(front["date"] as? String == "2024-01-01")
        #expect(front["dateText"] as? String == "12:30")
        #expect(front["authors"] as? [String] == ["no", "on"])
        #expect(front["publisher"] as? String == "~")
        #expect(front["keywords"] as? [String] == ["1.0"])
        #expect((front["origin"] as? [String: Any])?["lines"] as? [Int] == [1, 3])
        #expect(front["body"] == nil)
        #expect(blocks == ["yes", "نص"])
    }

    @Test("right-to-left text is written as it is, with no direction marks added")
    func rightToLeft() throws {
        var writer = MarkdownWriter()
        var bytes: [UInt8] = []
        try writer.write(Document(id: "r#1", title: "عنوان", body: [.paragraph(Paragraph(text: "نص عربي"))]), into: &bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\n# عنوان\n\nنص عربي\n"))
        #expect(!text.unicodeScalars.contains { [0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x2066, 0x2067, 0x2069].contains($0.value) })
    }
}
