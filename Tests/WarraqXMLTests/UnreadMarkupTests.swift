import Foundation
import Testing
import WarraqTestSupport
@testable import WarraqXML

@Suite("Unread markup")
struct UnreadMarkupTests {
    /// The stripped page, each marker shown as `{the text it stands for}`.
    private func strip(_ page: String) -> String {
        let (bytes, lifted) = UnreadMarkup.strip(Array(page.utf8))
        var shown: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let range = bytes[index...].starts(with: LiftedText.marker)
                ? bytes.withUnsafeBufferPointer { lifted.range(of: $0.baseAddress! + index, count: bytes.count - index) } : nil
            guard let range else {
                shown.append(bytes[index])
                index += 1
                continue
            }
            shown += Array("{".utf8) + lifted.page[range] + Array("}".utf8)
            index += LiftedText.marker.count
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        }
        return String(decoding: shown, as: UTF8.self)
    }

    @Test("script and style elements are emptied to their line breaks; a script ends at the first </script in any case")
    func emptied() {
        #expect(strip("<p>a</p><script>if (a<b) {\n x = '</div>'\n}</SCRIPT ><style>p {}</style><p>b</p>")
            == "<p>a</p><script>\n\n</SCRIPT ><style></style><p>b</p>")
    }

    @Test("what may be JSON-LD, a self-closed script and raw text that opens with an end tag are not emptied")
    func kept() {
        for page in [
            #"<script type="application/ld+json">{}</script>"#,
            #"<script type="application/ld&#43;json">{}</script>"#,
            "<script src=x/><p>text</p>",
            "<script></p>text</script>",
        ] {
            #expect(strip(page) == page)
        }
    }

    @Test("a <script> inside a comment or a value is not a script; after an unterminated comment nothing changes")
    func notScripts() {
        for page in ["<!-- <script> --><p>text</p><!-- </script> -->", "<!-- open <p>text</p><script>code</script>"] {
            #expect(strip(page) == page)
        }
        #expect(strip("<p a=b<script>c</script>") == "<p >c</script>")
        #expect(strip(#"<p title="<script>">text</p><p title='</script>'>more</p>"#) == "<p >text</p><p >more</p>")
        // libxml2 2.9.14 ends a comment at `--!>`, and reads `<_` and `<:` as text.
        #expect(strip("<!-- a --!><script>code</script>-->") == "<!-- a --!><script></script>-->")
        #expect(strip("<_x title='<script>'>code</script>") == "<_x title='<script></script>")
    }

    @Test("attributes the reader does not read on their element go, name and value, keeping a blank and the line breaks; a <meta>'s stay")
    func attributes() {
        #expect(strip(#"<img srcset="a 1x,&#10;b 2x" src="a.jpg" data-x='{"y": 1}' CLASS="c"><meta charset="utf-8" foo="bar">"#)
            == #"<img src="a.jpg" CLASS="c"><meta charset="utf-8" foo="bar">"#)
        #expect(strip("<div href=x data-a=\"1\"class=y\n  title=\"t\nu\" id=z>") == "<div class=y\n\nid=z>")
        #expect(strip("<a href=x title=y />") == "<a href=x />")
        #expect(strip("<svg class=a viewBox=\"0 0 1 1\"><path d=\"M0 0\"/></svg>") == "<svg ><path /></svg>")
    }

    @Test("blank runs between tags shrink to their line breaks, or one space")
    func blanks() {
        #expect(strip("<div>\n    <p>a</p>  \t <p>b</p>\r\n</div>") == "<div>\n<p>a</p> <p>b</p>\n</div>")
    }

    @Test("text, values and JSON-LD read are lifted out, except short ones and those libxml2 changes: entities, carriage returns, characters it drops")
    func lifted() {
        #expect(strip(#"<p class="article-body">A sentence long enough.</p>"#) == #"<p class="{article-body}">{A sentence long enough.}</p>"#)
        #expect(strip("<a href=/a/long/enough/url>Short</a>") == #"<a href="{/a/long/enough/url}">Short</a>"#)
        #expect(strip(#"<script type="application/ld+json">{"@type": "NewsArticle"}</script>"#)
            == #"<script type="application/ld+json">{{"@type": "NewsArticle"}}</script>"#)
        for page in ["<p>Fish &amp; chips, twice over</p>", "<p>Two lines\r\nof text here</p>", "<p>A bell \u{7} rings out loud</p>"] {
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
