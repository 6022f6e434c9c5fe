import Testing
import WarraqCore
import WarraqTestSupport
@testable import WarraqXML

/// What the TEI says. Every document here comes from `TEIFixtures`, which `TEIValidityTests`
/// checks against tei_all.
@Suite("TEI writer")
struct TEIWriterTests {
    @Test("the header carries provenance: title, subtitle, authors, publisher, date@when, dateText, URL, file, lines, sha256, language, keywords, reader")
    func header() throws {
        let text = try tei([TEIFixtures.provenance], shape: .single)
        for expected in [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="d_dump-2" xml:lang="ar">"#,
            #"<title type="sub">عنوان فرعي</title>"#, "<author>كاتب</author>", "<distributor>Warraq</distributor>",
            "<publisher>موقع 24</publisher>", #"<date when="2016-12-16T15:24:00">2016-12-16 15:24</date>"#,
            #"<ref target="https://example.org/a">https://example.org/a</ref>"#, #"<idno type="file">dumps/dump.txt</idno>"#,
            #"<citedRange unit="line" from="4" to="9"/>"#, #"<idno type="sha256">abc</idno>"#,
            #"<language ident="ar">ar</language>"#, "<term>سوريا</term>", #"<keywords n="section">"#,
            #"<application ident="warraq" version="\#(TEIWriter.warraqVersion)">"#, "<desc>Read with the scrape reader.</desc>",
        ] {
            #expect(text.contains(expected), "\(expected)")
        }
        #expect(!text.contains("teiCorpus"))
    }

    @Test("a batch is one teiCorpus with its own header and one TEI per document")
    func corpus() throws {
        let text = try tei([TEIFixtures.provenance, TEIFixtures.removals], shape: .multiple)
        #expect(text.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + #"<teiCorpus xmlns="http://www.tei-c.org/ns/1.0">"#))
        #expect(text.hasSuffix("</TEI>\n</teiCorpus>\n"))
        #expect(text.components(separatedBy: "<teiHeader>").count == 4)
        #expect(text.components(separatedBy: "<TEI ").count == 3)
    }

    @Test("removed text is kept in the header and marked by a gap in the body")
    func removed() throws {
        let text = try tei([TEIFixtures.removals], shape: .single)
        #expect(text.contains(#"<note type="removed" subtype="ad" xml:id="d_r-1_rm1" n="3-3">[ad_1]</note>"#))
        #expect(text.contains(#"<note type="removed" subtype="custom-reason" xml:id="d_r-1_rm2">x</note>"#))
        #expect(text.contains(##"<gap reason="ad" corresp="#d_r-1_rm1"/>"##))
    }

    @Test("inline runs become ref, emph, hi and code with no white space added to the text")
    func inlines() throws {
        let text = try tei([TEIFixtures.inlineMarkup], shape: .single)
        #expect(text.contains(#"<p>see <ref target="https://a.b/c">link</ref> and <emph>em</emph></p>"#))
        #expect(text.contains(#"<p><ref>link</ref><hi rend="bold">first</hi></p>"#))
        #expect(text.contains(#"<item><code>item</code><list type="ordered"><item>nested</item></list></item>"#))
    }

    @Test("headings open divisions nested by level")
    func sections() throws {
        let text = try tei([TEIFixtures.sections], shape: .single)
        let body = try #require(text.split(separator: "<body>").last).filter { !$0.isWhitespace }
        #expect(body.hasPrefix(
            #"<divtype="article"><head>t</head><p>lead</p><divtype="section"><headn="2">A</head><p>a</p><divtype="section"><headn="3">A.1</head><p>a1</p></div></div>"#
            + #"<divtype="section"><headn="2">B</head><divtype="section"><headn="4">B.1</head></div><divtype="section"><headn="3">B.2</head><p>b2</p></div></div></div>"#
        ))
    }

    @Test("a block's own language is its xml:lang; a tag that is none is left out")
    func blockLanguages() throws {
        let text = try tei([TEIFixtures.blockLanguages], shape: .single)
        for expected in [
            #"<p xml:lang="en">The minister said on Monday.</p>"#, #"<cit>"#, #"<quote xml:lang="fa">ما باید با هم کار کنیم</quote>"#,
            "<quote>نقل</quote>", #"<p rend="heading" xml:lang="en-GB">Inside</p>"#, #"<head n="2" xml:lang="en">In English</head>"#, "<p>نص</p>",
        ] {
            #expect(text.contains(expected), "\(expected)")
        }
    }

    @Test("the dateline marks its place and agency")
    func dateline() throws {
        let text = try tei([TEIFixtures.dateline], shape: .single)
        #expect(text.contains("<dateline><placeName>موسكو</placeName>-<orgName>سانا</orgName></dateline>"))
    }

    @Test("characters XML forbids never reach the file")
    func forbiddenCharacters() throws {
        let text = try tei(try TEIFixtures.all(), shape: .multiple)
        #expect(!text.unicodeScalars.contains { !XMLCharacters.isAllowed($0) })
        #expect(text.contains("controlcharsandformfeed  end"))
    }

    @Test("the UTF-8 scan finds a forbidden character exactly where the scalar rule does")
    func forbiddenBytes() {
        let samples = ["plain", "a\tb\nc\rd", "\u{1}", "x\u{7F}y", "\u{D7FF}\u{E000}", "\u{FFFD}", "\u{FFFE}", "a\u{FFFF}",
                       "\u{EFBF}", "\u{FFBF}", "\u{10000}", "خبر\u{0B}", "\u{10FFFF}", ""]
        for sample in samples {
            #expect(XMLCharacters.hasForbidden(sample) == !sample.unicodeScalars.allSatisfy(XMLCharacters.isAllowed), "\(sample.unicodeScalars.map(\.value))")
        }
    }

    @Test("dropped characters are reported as warnings naming the element's path and the position")
    func droppedWarnings() throws {
        var writer = TEIWriter()
        var out: [UInt8] = []
        try writer.write(TEIFixtures.controlCharacter, into: &out)
        #expect(writer.takeWarnings() == ["dropped 1 character XML cannot hold from /TEI/text[1]/body[1]/div[1]/p[1]: U+0002 at character 2"])
        #expect(writer.takeWarnings() == [])
    }

    @Test("a document renders the same alone, in a corpus, and after other documents")
    func independent() throws {
        let alone = try render([TEIFixtures.sections], with: TEIWriter(), shape: .single)
        var writer = TEIWriter()
        var out: [UInt8] = []
        try writer.begin(.multiple, into: &out)
        try writer.write(TEIFixtures.provenance, into: &out)
        let start = out.count
        try writer.write(TEIFixtures.sections, into: &out)
        #expect(Array(out[start...]) == Array(alone.drop { $0 != UInt8(ascii: "\n") }.dropFirst()))
    }
}
