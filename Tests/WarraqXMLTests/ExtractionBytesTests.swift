import Testing
import WarraqCore
@testable import WarraqXML

/// Extraction decides by bytes where it once made strings: the byte rules agree with the string ones.
@Suite("Extraction on bytes")
struct ExtractionBytesTests {
    static func read(_ page: String) throws -> Document {
        var reader = try HTMLReader(Input(path: "page.html", source: .bytes(Array(page.utf8))))
        return try #require(try reader.next())
    }

    static let page = """
        <html lang="en"><head><title>Test page - Site</title>
        <meta name="&#x212A;eywords" content="alpha, beta">
        <meta property="OG:Title" content="The headline of the page">
        <meta name="AUTHOR" content="Jane  Doe">
        <meta name="og:site_name" content="">
        <meta property="og:site_name" content="Site">
        </head><body>
        <nav><a href="/a">Home</a> <a href="/b">&nbsp;&nbsp;</a><br><a href="/c">City</a></nav>
        <ul class="menu"><li><a href="/x">One link</a></li><li><a href="/y">&#x2003;</a></li><li><a href="/z">Two link</a></li></ul>
        <article><h1>The headline of the page</h1><p>The body paragraph is long enough to be read as prose by the extractor, surely it is.</p></article>
        <footer><p>All rights reserved</p><p>&nbsp;</p><p>Contact</p></footer>
        </body></html>
        """

    @Test("meta names match in any case, one that lowercases to ASCII (the Kelvin sign) too; empty values are passed over")
    func metaNames() throws {
        let document = try Self.read(Self.page)
        #expect(document.keywords == ["alpha", "beta"])
        #expect(document.title == "The headline of the page")
        #expect(document.authors == ["Jane Doe"])
        #expect(document.publisher == "Site")
    }

    @Test("removed runs with one reason are one item joined by line breaks, a run of only wide spaces an empty line")
    func removedJoins() throws {
        let document = try Self.read(Self.page)
        #expect(document.removed.map(\.text) == ["Home City\nOne link\n\nTwo link", "The headline of the page", "All rights reserved\n\nContact"])
        #expect(document.removed.map(\.reason) == [.navigation, .duplicate, .footer])
    }

    @Test("attribute values compare by bytes as strings compare", arguments: [
        ("sidebar", "sidebar"), ("sidebar", "Sidebar"), ("side\u{212A}", "sideK"), ("caf\u{E9}", "cafe\u{301}"),
        ("caf\u{E9}", "caf\u{E9}"), ("", ""), ("a", ""), ("\u{212B}", "\u{C5}"),
    ])
    func valuesEqual(first: String, second: String) {
        var building = HTMLTree.Building(forPage: 64, textSize: 64)
        _ = building.appendElement(.div, parent: -1)
        for value in [first, second] { Array(value.utf8).withUnsafeBufferPointer { building.appendAttribute(0, $0) } }
        let tree = building.tree(lastLine: 1)
        #expect(tree.attributeValuesEqual(0, 1) == (first == second))
        #expect(tree.attributeValue(0) == first)
    }

    @Test("invalid UTF-8 values are equal when their repaired strings are")
    func repairedValuesEqual() {
        var building = HTMLTree.Building(forPage: 64, textSize: 64)
        _ = building.appendElement(.div, parent: -1)
        for value: [UInt8] in [[0x61, 0xFF], [0x61, 0xFE], [0x61, 0xC3]] { value.withUnsafeBufferPointer { building.appendAttribute(0, $0) } }
        let tree = building.tree(lastLine: 1)
        #expect(tree.attributeValuesEqual(0, 1))
        #expect(tree.attributeValuesEqual(0, 2))
    }

    @Test("class values judged from the memo say what the hints say of them, however often and in what order they come")
    func judgedClassValues() {
        let values = ["sidebar", "share-bar", "article-body", "caption", "ad", "nav-item", "item", "col-md-4", "col-md-6",
                      "تعليق", "", "post-content sidebar", "Sidebar", "side\u{212A}", "credits", "related-posts", "a", "b"]
            // More values than the memo has slots, so that values share slots.
            + (0..<300).map { $0 % 3 == 0 ? "w\($0) sidebar" : "x\($0)-item" }
        var building = HTMLTree.Building(forPage: 64, textSize: 64)
        _ = building.appendElement(.body, parent: -1)
        var judged: [String] = []
        for index in 0..<2000 {
            let value = values[(index * 7 + index / 5) % values.count]
            _ = building.appendElement(.div, parent: 0)
            Array(value.utf8).withUnsafeBufferPointer { building.appendAttribute(HTMLAttribute.number("class")!, $0) }
            judged.append(value)
        }
        let tree = building.tree(lastLine: 1)
        var judge = ElementJudge(tree: tree, hints: .builtIn)
        for (offset, value) in judged.enumerated() {
            #expect(judge.verdict(offset + 1) == ClassHints.builtIn.verdict(value), "\(value)")
        }
    }
}

