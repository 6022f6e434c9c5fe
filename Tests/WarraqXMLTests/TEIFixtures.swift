import Foundation
import WarraqCore
import WarraqFormats
import WarraqTestSupport
@testable import WarraqXML

/// Every document the TEI tests render. `TEIValidityTests` writes each alone and all of them as
/// one corpus and has jing and libxml2 check every file, so whatever another test looks at is
/// known to be valid too.
enum TEIFixtures {
    /// Strings that break careless XML writers.
    static let adversarialStrings = [
        "<script>alert(1)</script> & &amp; ]]> \"quoted\" 'single' <![CDATA[x]]>",
        "\u{200F}نص\u{200E} mixed \u{202B}bidi\u{202C} \u{2066}isolate\u{2069}",
        "control\u{1}chars\u{8}and\u{B}form\u{C}feed \u{FFFE}\u{FFFF} end",
        "",
        String(repeating: "فقرة طويلة جدا ", count: 20_000),
        "tab\there\nnewline\r\ncrlf\rcr",
    ] + trickyStrings

    /// Scraped addresses that are not valid `xsd:anyURI` as they stand.
    static let addresses = [
        "https://a.b/%zz", "https://a.b/%", "https://a.b/#a#b", "http://[::1", "http://[::1]:8080/x", "http://a.b:port/",
        "http://user@:/", "http:", "http://", "x:", "1a:b", ":x", "ht~tp://a", "http://a.b/c?d=[1]", "http://a@b@c/",
        "http://a]b/", "https://ar.wikipedia.org/wiki/سوريا", "https://a.b/c d\u{200F}", "mailto:x@y", "//x", "?q", "#f",
        "", "   ", "file:///x", "http:///x", "http:?q", "javascript:alert(1)", "a\u{1}b", "http://a.b:/", "a b c",
        "https://a.b/<x>{y}|\\^`\"", "HTTPS://A.B/%41%2f", "https://a.b/%E2%80%8F",
    ]

    static let dates = [
        "2024", "2024-12", "2024-12-03", "2016-12-16T15:24", "2016-12-16T15:24:14.5Z", "2024-02-29T23:59+0300",
        "2023-02-29", "2024-13-01", "0000-01-01", "2024-01-01T24:00:00", "2024-01-01T10:00:00+15:00", "٢٠٢٤-١٢-٠٣",
        "3 December 2024", "2024-12-03 10:15", "", "20245-01-01", "2024-12-03T10:15:00-14:00", "2024-12-03T10",
    ]

    static let languages = ["ar", "en-GB", "ar_EG", "", "not a tag", "toolongsubtag", "zh-Hant-TW", "x-", "-ar", "١"]

    static let ids = ["002_c99#2", "a/b c:d#1", "خبر#1", "x-1", "x#1#2", "", "#", "😀#1", "x_1", "x.1#1", "1#1"]

    static let provenance = Document(
        id: "dump#2", title: "عنوان", subtitle: "عنوان فرعي", date: "2016-12-16T15:24", dateText: "2016-12-16 15:24",
        authors: ["كاتب"], publisher: "موقع 24", section: "أخبار", url: "https://example.org/a", keywords: ["سوريا"],
        origin: Origin(path: "dumps/dump.txt", format: "scrape", lines: LineRange(4, 9), sha256: "abc"),
        body: [.paragraph(Paragraph(text: "نص"))]
    )

    static let removals = Document(
        id: "r#1", title: "t", body: [.paragraph(Paragraph(text: "p"))],
        removed: [Removal(text: "[ad_1]", reason: .ad, lines: LineRange(line: 3)), Removal(text: "x", reason: "custom reason")]
    )

    static let inlineMarkup = Document(id: "inline#1", body: [
        .paragraph(Paragraph(text: "see link and em", inlines: [
            Inline(.text, "see "), Inline(.link, "link", url: "https://a.b/c"), Inline(.text, " and "), Inline(.emphasis, "em"),
        ])),
        .paragraph(Paragraph(text: "linkfirst", inlines: [Inline(.link, "link", url: nil), Inline(.strong, "first")])),
        .list(ListBlock(items: [ListItem(text: "item", inlines: [Inline(.code, "item")], children: [.list(ListBlock(ordered: true, items: [ListItem(text: "nested")]))])])),
    ])

    static let sections = Document(id: "sections#1", title: "t", body: [
        .paragraph(Paragraph(text: "lead")), .heading(Heading(level: 2, text: "A")), .paragraph(Paragraph(text: "a")),
        .heading(Heading(level: 3, text: "A.1")), .paragraph(Paragraph(text: "a1")), .heading(Heading(level: 2, text: "B")),
        .heading(Heading(level: 4, text: "B.1")), .heading(Heading(level: 3, text: "B.2")), .paragraph(Paragraph(text: "b2")),
    ])

    /// Blocks in another language than the document's: an English paragraph, a Persian quote with
    /// its source, an English section heading and one inside a list, and a tag TEI cannot take.
    static let blockLanguages = Document(id: "languages#1", title: "عنوان", language: "ar", body: [
        .paragraph(Paragraph(text: "The minister said on Monday.", language: "en")),
        .quote(Quote(text: "ما باید با هم کار کنیم", source: "وزیر", language: "fa")),
        .quote(Quote(text: "نقل", language: "not a tag")),
        .list(ListBlock(items: [ListItem(text: "item", children: [.heading(Heading(level: 3, text: "Inside", language: "en-GB"))])])),
        .heading(Heading(level: 2, text: "In English", language: "en")),
        .paragraph(Paragraph(text: "نص")),
    ])

    static let dateline = Document(id: "dateline#1", dateline: Dateline(place: "موسكو", agency: "سانا", text: "موسكو-سانا"),
                                   body: [.paragraph(Paragraph(text: "نص"))])

    static let controlCharacter = Document(id: "w#1", body: [.paragraph(Paragraph(text: "x\u{2}y"))])

    /// Every field holding the same hostile string.
    static func everywhere(_ text: String, id: String, index: Int) -> Document {
        Document(
            id: id, title: text, subtitle: text, date: index == 0 ? "2024-12-03T10:15" : text, dateText: text,
            dateline: Dateline(place: text, agency: text, text: text), authors: [text], publisher: text, section: text,
            language: index == 1 ? "ar" : text, url: text, keywords: [text, "k"],
            origin: Origin(path: "in <\(index)>.txt", format: text, lines: LineRange(1, 2), sha256: text),
            body: [
                .heading(Heading(level: 2, text: text)),
                .paragraph(Paragraph(text: text, inlines: [Inline(.text, text), Inline(.link, text, url: text), Inline(.emphasis, text), Inline(.strong, text), Inline(.code, text)])),
                .quote(Quote(text: text, source: index.isMultiple(of: 2) ? text : nil)),
                .list(ListBlock(ordered: index.isMultiple(of: 2), items: [ListItem(text: text, children: [.heading(Heading(level: 3, text: text)), .list(ListBlock(items: []))])])),
                .figure(Figure(caption: text, credit: text, src: text)),
                .embed(Embed(text: text, url: index.isMultiple(of: 2) ? text : nil)),
                .table(Table(rows: [[text, "b"], [], ["c"]])),
                .heading(Heading(level: 3, text: "empty section")),
            ],
            related: [RelatedItem(title: text, section: text, author: text, url: text)],
            removed: [Removal(text: text, reason: RemovalReason(rawValue: text), lines: LineRange(line: 3))]
        )
    }

    /// The documents of `Tests/Fixtures/tei/*.jsonl` and the HTML reader's fixtures.
    static func fileDocuments() throws -> [Document] {
        var documents: [Document] = []
        var jsonl = try JSONLReader(.file(fixture("tei/adversarial.jsonl").path))
        while let document = try jsonl.next() { documents.append(document) }
        for name in ["article-ar.html", "windows-1256.html", "no-paragraphs.html"] {
            var html = try HTMLReader(.file(fixture("html/\(name)").path))
            while let document = try html.next() { documents.append(document) }
        }
        return documents
    }

    /// All of them, each id unique, so that they also make one valid corpus.
    static func all() throws -> [Document] {
        var documents = adversarialStrings.enumerated().map { everywhere($1, id: "hostile#\($0 + 1)", index: $0) }
        documents += addresses.enumerated().map { Document(id: "address#\($0 + 1)", url: $1, body: [.figure(Figure(src: $1)), .embed(Embed(url: $1))], related: [RelatedItem(title: "r", url: $1)]) }
        documents += dates.enumerated().map { Document(id: "date#\($0 + 1)", date: $1) }
        documents += languages.enumerated().map { Document(id: "language#\($0 + 1)", language: $1) }
        documents += ids.map { Document(id: $0, removed: [Removal(text: "x", reason: .ad)]) }
        documents += [provenance, removals, inlineMarkup, sections, blockLanguages, dateline, controlCharacter, Document(id: "minimal#1")]
        return documents + (try fileDocuments())
    }
}

/// Renders documents as TEI, as one document or a corpus.
func tei(_ documents: [Document], shape: StreamShape) throws -> String {
    String(decoding: try render(documents, with: TEIWriter(), shape: shape), as: UTF8.self)
}
