import Testing
@testable import WarraqXML
import WarraqTestSupport

/// Generated pages full of the constructs `UnreadMarkup` must read as libxml2 does (references
/// in text and values, repeated and renamed-looking attributes, unquoted values, charset metas,
/// comments, raw text, constructs left open): the tree built from the slimmed page is the tree
/// libxml2 builds from the page itself.
@Suite("Unread markup on generated edge pages")
struct UnreadMarkupEdgeTests {
    /// A fixed seed, so that every run checks the same pages.
    private struct Generator {
        var random: SplitMix64

        mutating func next() -> UInt64 { random.next() }

        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
        mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }
    }

    private static let tags = [
        "p", "div", "a", "span", "img", "meta", "META", "script", "style", "svg", "html", "body", "head", "title", "table",
        "td", "li", "ul", "b", "x-widget", "o:p", "iframe", "button", "br", "h1", "time", "link", "Div", "textarea",
        "svg", "SVG", "path", "g", "svg:rect",
    ]
    private static let attributes = [
        "class", "CLASS", "id", "href", "src", "data-src", "role", "hidden", "aria-hidden", "datetime", "content", "property",
        "name", "itemprop", "rel", "lang", "charset", "http-equiv", "HTTP-EQUIV", "data-x", "title", "class.0", "id.1", "type",
        ".0", ".B", ".e", ".f",
    ]
    private static let valueParts = [
        "word", "a b", "&amp;", "&lt;", "&#65;", "&#x41;", "&#X1F600;", "&#0;", "&#xD800;", "&#1114112;", "&#99999999999;",
        "&unknown;", "&amp", "&nbsp;", "&AMP;", "&#65", "&#x;", "&#;", "&", "& ", "&thetasym;", "&amp;amp;", "&a.b;", "&é;",
        "\n", "\r\n", "\t", "é", "\u{1}", "\u{FFFE}", "<", ">", "/", "application/ld+json", "JSON", "Content-Type",
        "text/html; charset=utf-8", "a long value that is well over twelve bytes", "&#10;", "&#13;", "&#32;",
    ]
    private static let textParts = valueParts + [" ", "  ", "\"", "'", "=", "<3", "a < b", "</", "<!x>", "<?", "</ p>", " .1", "'.c "]

    private static func page(_ random: inout Generator) -> String {
        var page = random.chance(30) ? "<!DOCTYPE html>" : ""
        for _ in 0..<(5 + random.next() % 30) {
            switch random.next() % 10 {
            case 0, 1, 2, 3:
                let tag = random.pick(tags)
                page += "<" + tag
                for _ in 0..<(random.next() % 4) {
                    page += random.pick([" ", "\n", "  ", ""]) + random.pick(attributes)
                    var value = ""
                    for _ in 0..<(random.next() % 4) { value += random.pick(valueParts) }
                    switch random.next() % 5 {
                    case 0: break
                    case 1: page += "=\"" + value.replacingAll("\"", with: "'") + "\""
                    case 2: page += "='" + value.replacingAll("'", with: "\"") + "'"
                    case 3: page += " = \"" + value.replacingAll("\"", with: "") + "\""
                    default: page += "=" + value.filter { !" \t\n\r>\"'".contains($0) }
                    }
                }
                page += random.pick([">", " >", "/>", "\n>"])
                if tag.lowercased() == "script", random.chance(50) {
                    page += random.pick([#"{"@type": "NewsArticle", "headline": "A &amp; B"}"#, #"{"@type": "NewsArticle", "headline": "A & B"}"#]) + "</script>"
                }
            case 4:
                page += "</" + random.pick(tags) + random.pick([">", " >", ""])
            case 5:
                page += random.pick([
                    "<!-- a comment -->", "<!-- open", "<!-- x --!>", "<?pi x?>", "<!x>", "<!---->", "<!-->", "<!--->", "<!-- two\nlines -->",
                    "<!--\n-->", "<!-- a -- b -->", "<!-- x ---->", "<!--ab-->", "<!-- <p>in</p> -->",
                ])
            default:
                for _ in 0..<(1 + random.next() % 5) { page += random.pick(textParts) }
            }
        }
        return page
    }

    @Test("the tree from the slimmed page is libxml2's tree from the page, on 4,000 generated pages")
    func sameTrees() throws {
        var random = Generator(random: SplitMix64(seed: 20_261_201))
        var slimmed = 0
        for number in 0..<4_000 {
            let page = Array(Self.page(&random).utf8)
            let (stripped, lifted) = UnreadMarkup.strip(page)
            if stripped != page { slimmed += 1 }
            let whole = HTMLTreeBuilder.parse(page, encoding: "UTF-8")
            let slim = HTMLTreeBuilder.parse(stripped, encoding: "UTF-8", lifted: lifted)
            let shown = String(decoding: page, as: UTF8.self)
            guard let whole, let slim else {
                #expect((whole == nil) == (slim == nil), "page \(number): \(shown)")
                continue
            }
            let (a, b) = (whole.tree, slim.tree)
            #expect(a.tags == b.tags, "page \(number): \(shown)")
            #expect(a.parents == b.parents, "page \(number): \(shown)")
            #expect(a.attributeNames == b.attributeNames, "page \(number): \(shown)")
            #expect(a.attributeValues == b.attributeValues, "page \(number): \(shown)")
            #expect(a.jsonLD == b.jsonLD, "page \(number): \(shown)")
            // Blank runs shrink, and the lines of a blank text node are never asked for.
            #expect(a.count == b.count && (0..<a.count).allSatisfy { a.text($0).isEmpty || a.textEndLines[$0] == b.textEndLines[$0] }, "page \(number): \(shown)")
            #expect(a.lastLine == b.lastLine, "page \(number): \(shown)")
            #expect(a.count == b.count && (0..<a.count).allSatisfy { a.text($0) == b.text($0) }, "page \(number): \(shown)")
        }
        // Most pages must be slimmed, or the test checks little.
        #expect(slimmed > 2_000)
    }
}

private extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }
}
