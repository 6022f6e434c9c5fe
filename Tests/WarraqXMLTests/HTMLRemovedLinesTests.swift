import Foundation
import Testing
import WarraqCore
import WarraqTestSupport
@testable import WarraqXML

/// What the HTML reader drops keeps the page lines it stood on, however the page's bytes come.
@Suite("HTML removed lines")
struct HTMLRemovedLinesTests {
    /// removed-lines.html: a menu over four lines (an entity and a line break inside a link), the
    /// title repeated as a heading, a share bar over two lines, and a footer whose first text
    /// piece libxml2 cuts at its 1000-byte buffer just on a line break.
    static let expected: [(RemovalReason, LineRange)] = [
        (.navigation, LineRange(12, 15)),
        (.duplicate, LineRange(19, 19)),
        (.widget, LineRange(24, 25)),
        (.footer, LineRange(31, 32)),
    ]

    static func read(_ bytes: [UInt8], path: String = "page.html") throws -> Document {
        var reader = try HTMLReader(Input(path: path, source: .bytes(bytes)))
        return try #require(try reader.next())
    }

    static func expectLines(_ document: Document) {
        #expect(document.removed.map(\.reason) == expected.map(\.0))
        #expect(document.removed.map(\.lines) == expected.map(\.1))
        #expect(document.origin?.lines == LineRange(1, 35))
    }

    static var page: [UInt8] { get throws { try [UInt8](Data(contentsOf: fixture("html/removed-lines.html"))) } }

    @Test("each removed item carries the first and last line of its text; the document spans the page")
    func plain() throws {
        let document = try readHTML("removed-lines.html")
        Self.expectLines(document)
        #expect(document.removed[0].text == "Home\nCity\nArts & Culture")
        #expect(document.body.count == 2)
    }

    @Test("removed lines of one reason on both sides of kept text are two items, neither spanning it")
    func splitAtKeptText() throws {
        let page = """
        <html><body><article>
        <p>By Jane Doe</p>
        <p>The harbour bridge reopened to traffic on Monday morning after six months of repairs to its deck.</p>
        <p>The work cost less than planned, and the council thanked drivers for their patience.</p>
        <p>Filed from the harbour</p>
        </article></body></html>
        """
        let document = try Self.read(Array(page.utf8))
        #expect(document.body.count == 2)
        #expect(document.removed == [
            Removal(text: "By Jane Doe", reason: .metadata, lines: LineRange(2, 2)),
            Removal(text: "Filed from the harbour", reason: .metadata, lines: LineRange(5, 5)),
        ])
    }

    @Test("a heading dropped as a label is its own item when the heading kept after it stands between it and the next removal")
    func splitAtKeptHeading() throws {
        let page = """
        <html><body><article>
        <p>The harbour bridge reopened to traffic on Monday morning after six months of repairs to its deck.</p>
        <h2>Label heading</h2>
        <h2>Real heading</h2>
        <div>Short label</div>
        <p>The work cost less than planned, and the council thanked drivers for their patience.</p>
        </article></body></html>
        """
        let document = try Self.read(Array(page.utf8))
        #expect(document.body.map(\.typeName) == ["paragraph", "heading", "paragraph"])
        #expect(document.removed == [
            Removal(text: "Label heading", reason: .boilerplate, lines: LineRange(3, 3)),
            Removal(text: "Short label", reason: .boilerplate, lines: LineRange(5, 5)),
        ])
    }

    @Test("a gzip page's lines are those of the page inflated")
    func gzip() throws {
        Self.expectLines(try readHTML("removed-lines.html.gz"))
    }

    @Test("line ends CR LF and lone CR count as LineReader counts them", arguments: [[0x0D, 0x0A], [0x0D]] as [[UInt8]])
    func lineEnds(end: [UInt8]) throws {
        let page = try Self.page.flatMap { $0 == 0x0A ? end : [$0] }
        Self.expectLines(try Self.read(page))
    }

    @Test("a page libxml2 decodes by its charset, and one repaired as UTF-8, keep their lines")
    func otherEncodings() throws {
        let page = try Self.page
        let paragraph = try #require(ByteSearch.offsets(of: "six months", in: String(decoding: page, as: UTF8.self)).first)
        var windows1256 = page
        windows1256.insert(0xC7, at: paragraph)
        let head = Array("<head>".utf8)
        let headEnd = try #require(windows1256.indices.first { windows1256[$0...].starts(with: head) }) + head.count
        windows1256.insert(contentsOf: Array("<meta charset=\"windows-1256\">".utf8), at: headEnd)
        Self.expectLines(try Self.read(windows1256))

        var invalid = page
        invalid.insert(0xFF, at: paragraph)
        var reader = try HTMLReader(Input(path: "page.html", source: .bytes(invalid)))
        Self.expectLines(try #require(try reader.next()))
        #expect(reader.takeDiagnostics().map(\.severity) == [.warning])
    }
}
