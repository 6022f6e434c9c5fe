import Testing
import WarraqCore
import WarraqFormats
import WarraqTestSupport

/// The `html` writer: one self-contained page, text escaped, directions set.
@Suite("html writer")
struct HTMLWriterTests {
    let document = Document(
        id: "h#1", title: "Ports <reopen> & \"sail\"", language: "ar", url: "https://example.com/a?b=1&c=\"2\"",
        body: [
            .paragraph(Paragraph(text: "وقال John إن </p><script>x</script>")),
            .figure(Figure(caption: "صورة", credit: "أ.ف.ب")),
            .list(ListBlock(items: [ListItem(text: "one\u{1}")])),
        ],
        removed: [Removal(text: "[ad_1]", reason: .ad, lines: LineRange(line: 3))]
    )

    func page(_ documents: [Document], shape: StreamShape = .multiple) throws -> String {
        String(decoding: try render(documents, with: HTMLWriter(), shape: shape), as: UTF8.self)
    }

    @Test("text and attribute values are escaped; a control character is shown, not written")
    func escaping() throws {
        let html = try page([document])
        #expect(html.contains(#"<h1 dir="auto">Ports &lt;reopen&gt; &amp; "sail"</h1>"#))
        #expect(html.contains(#"<p dir="auto">وقال John إن &lt;/p&gt;&lt;script&gt;x&lt;/script&gt;</p>"#))
        #expect(html.contains(#"href="https://example.com/a?b=1&amp;c=&quot;2&quot;""#))
        #expect(html.contains("one\u{2401}</li>"))
        #expect(!html.contains("<script"))
    }

    @Test("one page, its style inline, nothing fetched; every document an article with its direction")
    func page() throws {
        let html = try page([document, Document(id: "h#2", title: "English", language: "en-GB")])
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html"))
        #expect(html.hasSuffix("</html>\n"))
        #expect(html.components(separatedBy: "<style>").count == 2)
        #expect(!html.contains("<link") && !html.contains("@import"))
        #expect(html.contains(#"<article class="doc card" lang="ar" dir="rtl">"#))
        #expect(html.contains(#"<article class="doc card" lang="en-GB" dir="auto">"#))
        #expect(html.contains(#"<span class="badge reason">ad</span> [ad_1]"#))
        #expect(html.contains(#"<figcaption>صورة <span class="credit">(أ.ف.ب)</span></figcaption>"#))
    }

    @Test("a page of one document is as complete as a page of several")
    func single() throws {
        let one = try page([document], shape: .single)
        #expect(one == (try page([document])))
    }
}
