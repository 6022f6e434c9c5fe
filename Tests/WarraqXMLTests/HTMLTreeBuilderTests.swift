import Testing
import WarraqCore
@testable import WarraqXML

@Suite("HTML tree builder")
struct HTMLTreeBuilderTests {
    private func parse(_ page: String) throws -> HTMLTree {
        try #require(HTMLTreeBuilder.parse(Array(page.utf8), encoding: "UTF-8")).tree
    }

    @Test("white space is kept and dropped as libxml2's own tree keeps it: dropped after an image, kept between inline elements")
    func whiteSpace() throws {
        let tree = try parse("<html><body><p>a<img src=x>\n<span>b</span> c<b>d</b>\n<i>e</i></p></body></html>")
        #expect(tree.text(0) == "ab cd e")
    }

    @Test("a prefixed element is read by its local name, as libxml2's tree names it")
    func prefixed() throws {
        let tree = try parse("<html><body><p>a<o:p>b</o:p></p></body></html>")
        #expect(tree.nodes(.p).count == 2)
    }

    @Test("scripts and styles are left out, JSON-LD is collected, only the attributes read are kept")
    func kept() throws {
        let tree = try parse(#"<html><head><style>p {}</style><script>var x;</script><script type="application/ld+json">{"a": 1}</script></head><body><div class="c" title="t">x</div></body></html>"#)
        #expect(tree.nodes(.script).isEmpty && tree.nodes(.style).isEmpty)
        #expect(tree.jsonLD == [#"{"a": 1}"#])
        let div = try #require(tree.nodes(.div).first)
        #expect(tree.attribute(div, "class") == "c")
        #expect(tree.attribute(div, "title") == nil)
        #expect(tree.text(div) == "x")
    }

    @Test("text libxml2 hands over in pieces is one text node")
    func merged() throws {
        let word = String(repeating: "كلمة ", count: 1_000)
        let tree = try parse("<html><body><p>\(word)</p></body></html>")
        let paragraph = try #require(tree.nodes(.p).first)
        #expect(tree.end(paragraph) == paragraph + 2)
        #expect(tree.text(paragraph) == word.trimmingWhitespace())
    }

    @Test("names are looked up from NUL-terminated bytes: whole names only, in their case")
    func nameTable() {
        let table = NameTable([(name: "p", value: 1), (name: "pre", value: 2), (name: "blockquote", value: 3)])
        func look(_ name: String) -> Int? { name.withCString { $0.withMemoryRebound(to: UInt8.self, capacity: name.utf8.count + 1, table.value) } }
        #expect(look("p") == 1)
        #expect(look("pre") == 2)
        #expect(look("blockquote") == 3)
        #expect(look("pr") == nil)
        #expect(look("PRE") == nil)
        #expect(look("blockquotes") == nil)
        #expect(look("") == nil)
        func lookAnyCase(_ name: String) -> Int? { Array(name.utf8).withUnsafeBufferPointer { table.value(anyCase: $0) } }
        #expect(lookAnyCase("BlockQuote") == 3)
        #expect(lookAnyCase("PRE") == 2)
        #expect(lookAnyCase("blockquotf") == nil)
        #expect(lookAnyCase("pr") == nil)
    }

    @Test("every tag and attribute name, in any case, is found as itself and as nothing else")
    func tagAndAttributeNames() {
        for tag in HTMLTag.allCases where tag != .text && tag != .other {
            for spelling in ["\(tag)", "\(tag)".uppercased()] {
                #expect(Array(spelling.utf8).withUnsafeBufferPointer { HTMLTag(anyCase: $0) } == tag)
                #expect(Array((spelling + "x").utf8).withUnsafeBufferPointer { HTMLTag(anyCase: $0) } == .other)
            }
        }
        for (number, name) in HTMLAttribute.names.enumerated() {
            #expect(Array(name.uppercased().utf8).withUnsafeBufferPointer { HTMLAttribute.number(anyCase: $0) } == UInt8(number))
            #expect(name.withCString { $0.withMemoryRebound(to: UInt8.self, capacity: name.utf8.count + 1, HTMLAttribute.number) } == UInt8(number))
        }
    }

    @Test("a name cache looks a name up once per address while it holds its slot")
    func nameCache() {
        var cache = NameCache(placeholder: 0)
        var lookups = 0
        let names = (0..<600).map { index in
            let name = UnsafeMutablePointer<UInt8>.allocate(capacity: 2)
            name.initialize(repeating: UInt8(index % 200), count: 2)
            return UnsafePointer(name)
        }
        defer { names.forEach { $0.deallocate() } }
        // Each name twice in a row: looked up the first time, kept for the second.
        for name in names {
            for _ in 0..<2 { #expect(cache.value(name) { lookups += 1; return Int($0[0]) } == Int(name[0])) }
        }
        #expect(lookups == names.count)
    }

    @Test("attribute values are kept as bytes and read as strings")
    func attributeValues() throws {
        let tree = try parse(#"<html><body><div class="a b" id=x title=t>t</div><img src="é.jpg"></body></html>"#)
        #expect(Array(tree.attributeValues) == ["a b", "x", "é.jpg"])
        #expect(tree.attribute(try #require(tree.nodes(.img).first), "src") == "é.jpg")
    }
}
