import Testing
@testable import WarraqXML

@Suite("Unread markup")
struct UnreadMarkupTests {
    private func strip(_ page: String) -> String {
        String(decoding: UnreadMarkup.strip(Array(page.utf8)), as: UTF8.self)
    }

    @Test("script and style elements are emptied to their line breaks; a script ends at the first </script in any case")
    func emptied() {
        #expect(strip("<p>a</p><script>if (a<b) {\n x = '</div>'\n}</SCRIPT ><style>p {}</style><p>b</p>")
            == "<p>a</p><script>\n\n</SCRIPT ><style></style><p>b</p>")
    }

    @Test("what may be JSON-LD, a self-closed script and raw text that opens with an end tag stay whole")
    func kept() {
        for page in [
            #"<script type="application/ld+json">{"@type": "NewsArticle"}</script>"#,
            #"<script type="application/ld&#43;json">{"@type": "NewsArticle"}</script>"#,
            "<script src=x/><p>text</p>",
            "<script></p>text</script>",
        ] {
            #expect(strip(page) == page)
        }
    }

    @Test("a <script> inside a comment or a value is not a script; after an unterminated comment nothing changes")
    func notScripts() {
        for page in ["<!-- <script> --><p>text</p><!-- </script> -->", "<p a=b<script>c</script>", "<!-- open <p>text</p><script>code</script>"] {
            #expect(strip(page) == page)
        }
        #expect(strip(#"<p title="<script>">text</p><p title='</script>'>more</p>"#) == #"<p title="">text</p><p title=''>more</p>"#)
    }

    @Test("quoted values of attributes the reader does not keep are emptied; kept ones and a <meta>'s stay")
    func values() {
        #expect(strip(#"<img srcset="a 1x,&#10;b 2x" src="a.jpg" data-x='{"y": 1}' CLASS="c"><meta charset="utf-8" foo="bar">"#)
            == #"<img srcset="" src="a.jpg" data-x='' CLASS="c"><meta charset="utf-8" foo="bar">"#)
    }
}
