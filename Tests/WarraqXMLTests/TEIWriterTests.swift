import Foundation
import Testing
import WarraqCore
import WarraqTestSupport
@testable import WarraqXML

/// The schema the README's set-up installs, if it is here.
let teiSchema: String? = try? RelaxNGValidator.findTEISchema(
    explicit: nil, environment: ProcessInfo.processInfo.environment, fileExists: FileManager.default.fileExists(atPath:)
)

/// Compiled once for the whole run: tei_all takes seconds to compile.
let sharedValidator: RelaxNGValidator? = teiSchema.flatMap { try? RelaxNGValidator(schemaPath: $0) }

/// Strings that break naive XML writers.
let adversarial = [
    "<script>alert(1)</script> & &amp; ]]> \"quoted\" 'single'",
    "\u{200F}نص\u{200E} mixed \u{202B}bidi\u{202C}",
    "control\u{1}chars\u{8}and\u{B}form\u{C}feed \u{FFFE}\u{FFFF} end",
    "",
    String(repeating: "فقرة طويلة جدا ", count: 20_000),
    "tab\there\nnewline\r\ncrlf",
]

func adversarialDocuments() -> [Document] {
    var documents: [Document] = []
    for (index, text) in adversarial.enumerated() {
        documents.append(Document(
            id: "adv/../\(index)#1 x:y",
            title: text,
            date: index == 0 ? "2024-12-03T10:15" : "not a date",
            dateText: text,
            dateline: Dateline(place: text, agency: text, text: text.isEmpty ? "-" : text),
            authors: [text],
            publisher: text,
            section: text,
            language: index == 1 ? "ar" : nil,
            url: "https://example.org/?q=\(index)&x=\"y\"",
            keywords: [text, "k"],
            origin: Origin(path: "in <\(index)>.txt", format: "scrape", lines: LineRange(1, 2), sha256: "00"),
            body: [
                .heading(Heading(level: 2, text: text)),
                .paragraph(Paragraph(text: text, inlines: [Inline(.text, text), Inline(.link, "l", url: "https://t.co/\(index)"), Inline(.emphasis, "e"), Inline(.strong, "s"), Inline(.code, "c")])),
                .quote(Quote(text: text, source: index.isMultiple(of: 2) ? text : nil)),
                .list(ListBlock(ordered: index.isMultiple(of: 2), items: [ListItem(text: text, children: [.list(ListBlock(items: [ListItem(text: "nested")]))])])),
                .figure(Figure(caption: text, credit: text, src: "https://example.org/a b.jpg")),
                .embed(Embed(text: text, url: index.isMultiple(of: 2) ? "https://t.co/x" : nil)),
                .table(Table(rows: [[text, "b"], ["c"]])),
                .heading(Heading(level: 3, text: "empty section")),
            ],
            related: [RelatedItem(title: text, section: text, author: text, url: "https://example.org/r")],
            removed: [Removal(text: text, reason: .ad, lines: LineRange(line: 3)), Removal(text: "x", reason: "custom reason")]
        ))
    }
    documents.append(Document(id: "minimal#1"))
    documents.append(Document(id: "body-only#1", body: [.paragraph(Paragraph(text: "نص فقط"))]))
    return documents
}

/// Renders documents as TEI, as one document or a corpus.
func tei(_ documents: [Document], shape: StreamShape) throws -> [UInt8] {
    try render(documents, with: TEIWriter(), shape: shape)
}

@Suite("TEI writer")
struct TEIWriterTests {
    @Test("every document the tests write is valid for jing and for libxml2's RELAX NG, alone and as a corpus")
    func valid() throws {
        guard Client.shouldRun(teiSchema != nil && Client.tool("jing") != nil) else { return }
        let schema = try #require(teiSchema)
        let validator = try #require(sharedValidator)
        let directory = FileManager.default.temporaryDirectory.appending(path: "warraq-tei-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = []
        for (index, document) in adversarialDocuments().enumerated() {
            let file = directory.appending(path: "single-\(index).xml")
            try Data(tei([document], shape: .single)).write(to: file)
            files.append(file.path)
        }
        let corpus = directory.appending(path: "corpus.xml")
        try Data(tei(adversarialDocuments(), shape: .multiple)).write(to: corpus)
        files.append(corpus.path)
        for file in files { #expect(validator.validate(file: file) == [], "\(file)") }
        let jing = try runProcess(try #require(Client.tool("jing")), [schema] + files)
        #expect(jing.status == 0, "\(jing.stdoutText)")
        #expect(jing.stdoutText == "")
    }

    @Test("characters XML forbids never reach the file")
    func forbiddenCharacters() throws {
        let text = String(decoding: try tei(adversarialDocuments(), shape: .multiple), as: UTF8.self)
        #expect(!text.unicodeScalars.contains { !XMLCharacters.isAllowed($0) })
        #expect(text.contains("controlcharsandformfeed  end"))
    }

    @Test("dropped characters are reported as warnings naming the element and position")
    func droppedWarnings() throws {
        var writer = TEIWriter()
        var out: [UInt8] = []
        try writer.write(Document(id: "w#1", body: [.paragraph(Paragraph(text: "x\u{2}y"))]), into: &out)
        #expect(writer.takeWarnings() == ["dropped 1 character XML cannot hold from <p>: U+0002 at character 2"])
        #expect(writer.takeWarnings() == [])
    }

    @Test("the header carries provenance: title, authors, publisher, date@when, source file, lines, sha256, language, keywords")
    func header() throws {
        let document = Document(
            id: "dump#2", title: "عنوان", date: "2016-12-16T15:24", dateText: "2016-12-16 15:24", authors: ["كاتب"],
            publisher: "موقع 24", url: "https://example.org/a", keywords: ["سوريا"],
            origin: Origin(path: "dumps/dump.txt", format: "scrape", lines: LineRange(4, 9), sha256: "abc"),
            body: [.paragraph(Paragraph(text: "نص"))]
        )
        let text = String(decoding: try tei([document], shape: .single), as: UTF8.self)
        for expected in [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="d_dump-2" xml:lang="ar">"#,
            "<author>كاتب</author>", "<publisher>موقع 24</publisher>",
            #"<date when="2016-12-16T15:24:00">2016-12-16 15:24</date>"#,
            #"<ref target="https://example.org/a">"#, #"<idno type="file">dumps/dump.txt</idno>"#,
            #"<citedRange unit="line" from="4" to="9"/>"#, #"<idno type="sha256">abc</idno>"#,
            #"<language ident="ar">ar</language>"#, "<term>سوريا</term>", #"<application ident="warraq""#,
        ] {
            #expect(text.contains(expected), "\(expected)")
        }
        #expect(!text.contains("teiCorpus"))
    }

    @Test("removed text is kept in the header and marked by a gap in the body")
    func removed() throws {
        let document = Document(id: "r#1", title: "t", body: [.paragraph(Paragraph(text: "p"))],
                                removed: [Removal(text: "[ad_1]", reason: .ad, lines: LineRange(line: 3))])
        let text = String(decoding: try tei([document], shape: .single), as: UTF8.self)
        #expect(text.contains(#"<note type="removed" subtype="ad" xml:id="d_r-1_rm1" n="3-3">[ad_1]</note>"#))
        #expect(text.contains(##"<gap reason="ad" corresp="#d_r-1_rm1"/>"##))
    }

    @Test("ids are valid NCNames", arguments: [("002_c99#2", "d_002_c99-2"), ("a/b c:d#1", "d_a_b_c_d-1"), ("خبر#1", "d_خبر-1")])
    func ids(id: String, expected: String) {
        #expect(TEINames.xmlID(for: id) == expected)
    }

    @Test("@when only for W3C dates", arguments: [("2024-12-03", "2024-12-03"), ("2016-12-16T15:24:14", "2016-12-16T15:24:14"), ("2016-12-16T15:24", "2016-12-16T15:24:00"), ("3 December", nil), ("2024-1-3", nil)])
    func when(date: String, expected: String?) {
        #expect(TEINames.when(date) == expected)
    }
}
