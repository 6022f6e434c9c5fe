import Foundation
import Testing
import WarraqCore
import WarraqTestSupport
@testable import WarraqXML

@Suite("Unread markup")
struct UnreadMarkupTests {
    /// The stripped page, each marker shown as `{the text it stands for}` and each renamed
    /// attribute as `name={its value}`.
    private func strip(_ page: String) -> String {
        let (bytes, lifted) = UnreadMarkup.strip(Array(page.utf8))
        var shown: [UInt8] = []
        var index = 0
        var renamed = 0
        var renamedInTag = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<") { renamedInTag = 0 }
            if bytes[index...].starts(with: LiftedText.marker),
               let number = bytes.withUnsafeBufferPointer({ lifted.number(ofMarker: $0.baseAddress! + index, count: bytes.count - index) }) {
                shown += Array("{\(lifted.string(of: number))}".utf8)
                index += LiftedText.marker.count
                while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            } else if renamed < lifted.renamedCount, bytes[index] == LiftedText.renamedMark, index + 1 < bytes.count,
                      LiftedText.renamedCode(bytes[index + 1]) == renamedInTag {
                let (attribute, value) = lifted.renamedAttribute(at: renamed)
                shown += Array("\(HTMLAttribute.names[Int(attribute)])={\(value)}".utf8)
                renamed += 1
                renamedInTag += 1
                index += 2
            } else {
                shown.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: shown, as: UTF8.self)
    }

    @Test("script and style elements are emptied to their line breaks; a script ends at the first </script in any case")
    func emptied() {
        #expect(strip("<p>a</p><script>if (a<b) {\n x = '</div>'\n}</SCRIPT ><style>p {}</style><p>b</p>")
            == "<p>a</p><script>\n\n</SCRIPT ><style></style><p>b</p>")
        // JSON that is no JSON-LD, which the reader does not read.
        #expect(strip(#"<script type="application/json">{"a": "b"}</script>"#) == #"<script type="application/json"></script>"#)
    }

    @Test("a script keeps its type attributes, which say whether it is JSON-LD, and no other; a style keeps none")
    func scriptAttributes() {
        #expect(strip(#"<script async src="/a.js" TYPE="module" type=x>var a;</script>"#) == #"<script TYPE="module" type=x></script>"#)
        #expect(strip(#"<style media="screen" type="text/css">p {}</style>"#) == "<style></style>")
        // Not self-closed (the value is `x/`): the tag goes, the text stays, for no </script> ends it.
        #expect(strip("<script src=x/><p>text</p>") == "<script><p>text</p>")
    }

    @Test("a comment's content goes, down to its line breaks or one space; one that opens with - or > (which libxml2 may end at once) or ends at --!> stays")
    func comments() {
        #expect(strip("<p>a</p><!-- one\n<p>two</p>\n--><p>b</p>") == "<p>a</p><!--\n\n--><p>b</p>")
        #expect(strip("<!-- x\ny --><!--ab-->") == "<!--\n --><!-- -->")
        for page in ["<!---->", "<!--a-->", "<!-->x-->", "<!--->x-->", "<!---x-->", "<!-- a --!>b-->"] {
            #expect(strip(page) == page)
        }
    }

    @Test("what may be JSON-LD, a self-closed script and raw text that opens with a tag (which may close the element) are not emptied")
    func kept() {
        for page in [
            #"<script type="application/ld+json">{}</script>"#,
            #"<script type="application/ld&#43;json">{}</script>"#,
            "<script></p>text</script>",
            "<style><body class=b>text</style>",
        ] {
            #expect(strip(page) == page)
        }
    }

    @Test("a <script> inside a comment or a value is not a script; after an unterminated comment nothing changes")
    func notScripts() {
        #expect(strip("<!-- <script> --><p>text</p><!-- </script> -->") == "<!-- --><p>text</p><!-- -->")
        #expect(strip("<!-- open <p>text</p><script>code</script>") == "<!-- open <p>text</p><script>code</script>")
        #expect(strip("<p a=b<script>c</script>") == "<p>c</script>")
        #expect(strip(#"<p title="<script>">text</p><p title='</script>'>more</p>"#) == "<p>text</p><p>more</p>")
        // libxml2 2.9.14 ends a comment at `--!>`, and reads `<_` and `<:` as text.
        #expect(strip("<!-- a --!><script>code</script>-->") == "<!-- a --!><script></script>-->")
        #expect(strip("<_x title='<script>'>code</script>") == "<_x title='<script></script>")
    }

    @Test("attributes the reader does not read on their element go, name and value, keeping a blank and the line breaks; those it reads are renamed, their values lifted; a charset <meta>'s stay")
    func attributes() {
        #expect(strip(#"<img srcset="a 1x,&#10;b 2x" src="a.jpg" data-x='{"y": 1}' CLASS="c"><meta charset="utf-8" foo="bar">"#)
            == #"<img src={a.jpg} class={c}><meta charset="utf-8" foo="bar">"#)
        #expect(strip("<div href=x data-a=\"1\"class=y\n  title=\"t\nu\" id=z>") == "<div class={y}\n\n id={z}>")
        #expect(strip("<a href=x title=y />") == "<a href={x} />")
        #expect(strip("<svg class=a viewBox=\"0 0 1 1\"><path d=\"M0 0\"/></svg>") == "<svg></svg>")
        #expect(strip(#"<meta name="description" content="Fish &amp; chips"><meta http-equiv="Content-Type" content="text/html">"#)
            == #"<meta name={description} content={Fish & chips}><meta http-equiv="Content-Type" content="text/html">"#)
    }

    @Test("a renamed name is followed by a blank only where the next attribute would run into it, and no blank is left before a tag's > where attributes went")
    func renamedBlanks() {
        func slimmed(_ page: String) -> String { String(decoding: UnreadMarkup.strip(Array(page.utf8)).page, as: UTF8.self) }
        #expect(slimmed(#"<p class="a"id="b">"#) == "<p .0 .1>")
        #expect(slimmed(#"<p class="a" data-x="y">"#) == "<p .0>")
        #expect(slimmed("<div data-x=\"y\"\n>") == "<div\n>")
        // Before `/>` a blank stays: an unquoted value would take the `/`.
        #expect(slimmed(#"<p class=a data-x="y"/>"#) == "<p .0 />")
        // A gap of one blank stays as it is.
        #expect(slimmed("<p\tclass=\"a\" >") == "<p\t.0 >")
    }

    @Test("a start tag's edits are taken back when it does not end, or is a <meta> that names a charset")
    func startTagEditsTakenBack() {
        #expect(strip(#"<p class=a>x</p><div data-a="1" class="b" title="#) == #"<p class={a}>x</p><div data-a="1" class="b" title="#)
        #expect(strip(#"<meta data-a="1" content="x" http-equiv="refresh"><p class=a>"#)
            == #"<meta data-a="1" content="x" http-equiv="refresh"><p class={a}>"#)
    }

    @Test("a repeated attribute goes, as libxml2 drops it, and so does a bogus one, whose = would give a renamed name a value")
    func repeatedAndBogus() {
        #expect(strip(#"<p class="a" CLASS="b" id=c>"#) == "<p class={a} id={c}>")
        #expect(strip("<p class=a = b>") == "<p class={a}>")
    }

    @Test("nothing is renamed on a page whose bytes libxml2 reads as they stand spell a renamed attribute's name")
    func renamedSpelling() {
        #expect(strip("<p class=a>text<!-- open <p class=b>") == "<p class={a}>text<!-- open <p class=b>")
        #expect(strip("<p class=a>text<!-- open <p .0=b>") == "<p class=a>text<!-- open <p .0=b>")
        #expect(strip("<p class=a>at .3</p>") == "<p class=a>at .3</p>")
        #expect(strip("<p class=a>ID.3</p>") == "<p class={a}>ID.3</p>")
        #expect(strip("<p class=a>A sentence long enough, .3 in it.</p>") == "<p class={a}>{A sentence long enough, .3 in it.}</p>")
    }

    @Test("an <svg> holding only elements libxml2 does not know, nested as they close, title text and comments is emptied to its line breaks; one holding more is read")
    func svg() {
        #expect(strip("<svg>\n<title>Search</title><!-- x --><g id=a><path d='M0 0'/>\n</g>\n</svg><p>b</p>") == "<svg>\n\n\n</svg><p>b</p>")
        #expect(strip("<svg><use href=#a></use></SVG >") == "<svg></SVG >")
        #expect(strip("<svg><a href=/long/enough/url>x</a></svg>") == "<svg><a href={/long/enough/url}>x</a></svg>")
        #expect(strip("<svg><style>p {}</style></svg>") == "<svg><style></style></svg>")
        for page in ["<svg><g></svg>", "<svg><g></x></g></svg>", "<svg><title>a<b>c</b></title></svg>", "<svg:svg><path/></svg:svg>", "<svg><?x?></svg>"] {
            #expect(strip(page) == page)
        }
    }

    @Test("a page whose emptied <svg> opens near libxml2's depth limit, which its elements could reach, is read again with it in place")
    func svgNearDepthLimit() throws {
        let deep = "<html><body>" + String(repeating: "<div>", count: 250) + "<svg>" + String(repeating: "<g>", count: 8)
            + String(repeating: "</g>", count: 8) + "</svg><p>After the drawing</p>"
        let (stripped, lifted) = UnreadMarkup.strip(Array(deep.utf8))
        #expect(try #require(HTMLTreeBuilder.parse(stripped, encoding: "UTF-8", lifted: lifted)).svgNearDepthLimit)
        var reader = try HTMLReader(Input(path: "deep.html", source: .bytes(Array(deep.utf8))))
        _ = try reader.next()
        #expect(reader.takeDiagnostics().contains { $0.message.contains("Excessive depth") })
        let shallow = "<html><body><div><svg><g></g></svg></div></body></html>"
        let (slim, shallowLifted) = UnreadMarkup.strip(Array(shallow.utf8))
        #expect(try !#require(HTMLTreeBuilder.parse(slim, encoding: "UTF-8", lifted: shallowLifted)).svgNearDepthLimit)
    }

    @Test("blank runs between tags shrink to their line breaks, and a space unless they end in one")
    func blanks() {
        #expect(strip("<div>\n    <p>a</p>  \t <p>b</p>\r\n</div>") == "<div>\n <p>a</p> <p>b</p>\n</div>")
    }

    @Test("text, values and JSON-LD read are lifted out, references decoded, except short text and what libxml2 changes: carriage returns, characters it drops, references it refuses")
    func lifted() {
        #expect(strip(#"<p class="article-body">A sentence long enough.</p>"#) == "<p class={article-body}>{A sentence long enough.}</p>")
        #expect(strip("<a href=/a/long/enough/url>Short</a>") == "<a href={/a/long/enough/url}>Short</a>")
        #expect(strip(#"<script type="application/ld+json">{"@type": "NewsArticle"}</script>"#)
            == #"<script type="application/ld+json">{{"@type": "NewsArticle"}}</script>"#)
        // libxml2 decodes no reference in a script.
        #expect(strip(#"<script type="application/ld+json">{"name": "A &amp; B"}</script>"#)
            == #"<script type="application/ld+json">{{"name": "A &amp; B"}}</script>"#)
        #expect(strip("<p>Fish &amp; chips&#44; tw&#x69;ce &amp over &notanentity;</p>") == "<p>{Fish & chips, twice &amp over &notanentity;}</p>")
        #expect(strip(#"<a href="/a?b=1&amp;c=&#50;">x</a>"#) == "<a href={/a?b=1&c=2}>x</a>")
        for page in ["<p>Two lines\r\nof text here</p>", "<p>A bell \u{7} rings out loud</p>", "<p>A bell &#0; rings out loud</p>", "<p>&#32;&#32;&#32;&#32;&#32;&#32;</p>"] {
            #expect(strip(page) == page)
        }
        // A page that could spell a marker itself lifts nothing.
        #expect(strip("<p>A sentence long enough.</p><p>&#xFDD0;</p>") == "<p>A sentence long enough.</p><p>&#xFDD0;</p>")
    }

    @Test("the tree built from the stripped page is the tree built from the page", arguments: [
        "no-article.html", "furniture-lines-ar.html", "article-ar.html", "split-figure-ar.html", "no-paragraphs.html",
        "layout-tables.html", "promo-boxes.html",
    ])
    func sameTree(_ name: String) throws {
        let page = try Array(Data(contentsOf: fixture("html/\(name)")))
        let (stripped, lifted) = UnreadMarkup.strip(page)
        #expect(stripped.count < page.count)
        let whole = try #require(HTMLTreeBuilder.parse(page, encoding: "UTF-8")).tree
        let slim = try #require(HTMLTreeBuilder.parse(stripped, encoding: "UTF-8", lifted: lifted)).tree
        #expect(slim.tags == whole.tags)
        #expect(slim.parents == whole.parents)
        #expect(slim.attributeNames == whole.attributeNames)
        #expect(slim.attributeValues == whole.attributeValues)
        #expect(slim.jsonLD == whole.jsonLD)
        #expect((0..<whole.count).allSatisfy { slim.text($0) == whole.text($0) })
    }
}
