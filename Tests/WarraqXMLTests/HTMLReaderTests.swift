import Testing
import WarraqCore
import WarraqTestSupport
@testable import WarraqXML

func readHTML(_ name: String) throws -> Document {
    var reader = try HTMLReader(.file(fixture("html/\(name)").path))
    let document = try #require(try reader.next())
    #expect(try reader.next() == nil)
    return document
}

@Suite("HTML reader")
struct HTMLReaderTests {
    @Test("JSON-LD wins over Open Graph; the article's blocks are kept and page furniture removed with reasons")
    func article() throws {
        let page = try readHTML("article-ar.html")
        #expect(page.id == "article-ar#1")
        #expect(page.title == "افتتاح مكتبة عامة جديدة في المدينة")
        #expect(page.date == "2025-03-02T09:30:00")
        #expect(page.authors == ["سلمى يوسف"])
        #expect(page.publisher == "موقع الأخبار")
        #expect(page.keywords == ["مكتبات", "ثقافة"])
        #expect(page.language == "ar")
        #expect(page.url == "https://news.example/library")
        #expect(page.body.map(\.typeName) == ["paragraph", "paragraph", "heading", "list", "quote", "paragraph"])
        #expect(page.body[3] == .list(ListBlock(items: [ListItem(text: "إعارة الكتب الإلكترونية مجانا لسكان المدينة"), ListItem(text: "ورش أسبوعية للكتابة الإبداعية للشباب")])))
        #expect(page.removed.map(\.reason) == [.navigation, .widget, .duplicate, .comments, .footer])
        #expect(page.origin?.format == "html")
        let body = page.body.map(\.plainText).joined(separator: "\n")
        #expect(!body.contains("تعليق") && !body.contains("جميع الحقوق"))
    }

    @Test("a gzip-compressed page reads as the page itself")
    func gzip() throws {
        var plain = try readHTML("article-ar.html")
        var compressed = try readHTML("article-ar.html.gz")
        #expect(plain.origin?.sha256 != compressed.origin?.sha256)
        plain.origin = nil
        compressed.origin = nil
        #expect(plain == compressed)
    }

    @Test("windows-1256 bytes are decoded by the page's meta charset")
    func windows1256() throws {
        let page = try readHTML("windows-1256.html")
        #expect(page.title == "أمطار غزيرة في العاصمة")
        #expect(page.body.first == .paragraph(Paragraph(text: "هطلت أمطار غزيرة على العاصمة طوال ليلة أمس وتسببت في إغلاق عدد من الطرق الرئيسية لساعات.")))
    }

    @Test("text outside <p> is still found; the site name is trimmed from <title>")
    func looseText() throws {
        let page = try readHTML("no-paragraphs.html")
        #expect(page.title == "Ferry timetable changes")
        #expect(page.body.count == 1)
        #expect(page.body.first?.plainText.hasPrefix("The harbour ferry will run every twenty minutes") == true)
        #expect(page.removed.map(\.reason) == [.navigation])
    }

    @Test("bytes that are not a page are an input error, not a crash", arguments: [[UInt8](), [0x1F, 0x8B, 0x00, 0x01]])
    func notHTML(bytes: [UInt8]) {
        #expect(throws: InputError.self) { try HTMLReader(Input(path: "x.html", source: .bytes(bytes))) }
    }
}

@Suite("HTML reader titles")
struct HTMLTitleTests {
    func title(_ html: String) throws -> String? {
        var reader = try HTMLReader(Input(path: "page.html", source: .bytes(Array(html.utf8))))
        return try reader.next()?.title
    }

    @Test("a kicker is dropped where the Open Graph title leaves it out, kept where the page shows it; entities in metadata are decoded")
    func kicker() throws {
        let kicker = #"<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Storm: Ferry service halted &quot;until Friday&quot;"}</script><meta property="og:title" content="Ferry service halted &#34;until Friday&#34;"></head><body><h1>Ferry service halted "until Friday"</h1></body></html>"#
        #expect(try title(kicker) == #"Ferry service halted "until Friday""#)
        let kept = #"<html><head><meta property="og:title" content="Storm: Ferry service halted"></head><body><h1>Ferry service halted</h1></body></html>"#
        #expect(try title(kept) == "Storm: Ferry service halted")
        let different = #"<html><head><meta property="og:title" content="A headline for sharing"></head><body><h1>Another headline</h1></body></html>"#
        #expect(try title(different) == "A headline for sharing")
        let site = #"<html><head><meta property="og:site_name" content="Harbour News"><meta property="og:title" content="Ferry timetable changes | Harbour News"></head><body></body></html>"#
        #expect(try title(site) == "Ferry timetable changes")
    }
}

@Suite("HTML reader content")
struct HTMLContentTests {
    @Test("nested layout tables: the article cell is read, its data table kept as a table, menus and footer removed")
    func layoutTables() throws {
        let page = try readHTML("layout-tables.html")
        #expect(page.title == "Council approves new seawall")
        #expect(page.date == "2024-06-11")
        #expect(page.body.map(\.typeName) == ["paragraph", "paragraph", "heading", "table", "paragraph"])
        #expect(page.body[3] == .table(Table(rows: [["Item", "Cost"], ["Wall", "£4m"], ["Drainage", "£1m"]])))
        let removed = page.removed.map(\.text).joined(separator: "\n")
        #expect(removed.contains("Tide tables") && removed.contains("Copyright Harbour News"))
    }

    @Test("an Arabic article split by an ad slot: standfirst, both parts, figure, inlines and list kept; related links listed")
    func splitArticle() throws {
        let page = try readHTML("split-figure-ar.html")
        #expect(page.title == "افتتاح جسر جديد فوق النهر")
        #expect(page.date == "2025-04-20T08:00:00")
        #expect(page.language == "ar")
        #expect(page.body.map(\.typeName) == ["paragraph", "paragraph", "figure", "paragraph", "heading", "list"])
        #expect(page.body[0].plainText.hasPrefix("يربط الجسر الجديد"))
        #expect(page.body[2] == .figure(Figure(caption: "الجسر الجديد عند الافتتاح. تصوير: سامي علي", src: "/img/bridge.jpg")))
        guard case .paragraph(let linked) = page.body[1], case .paragraph(let emphasized) = page.body[3] else {
            Issue.record("paragraphs expected")
            return
        }
        #expect(linked.inlines?.map(\.kind) == [.text, .link, .text])
        #expect(linked.inlines?[1] == Inline(.link, "المهندسين", url: "/people/engineers"))
        #expect(linked.inlines?.map(\.text).joined() == linked.text)
        #expect(emphasized.inlines?.contains(Inline(.emphasis, "سيخفف الازدحام")) == true)
        #expect(page.related.map(\.url) == ["/news/1", "/news/2"])
        #expect(page.related.first?.title == "البلدية تعلن خطة جديدة لتطوير الحدائق العامة")
        let reasons = Set(page.removed.map(\.reason))
        #expect(reasons.isSuperset(of: [.navigation, .ad, .related, .comments, .footer]))
        let body = page.body.map(\.plainText).joined(separator: "\n")
        #expect(!body.contains("تعليق") && !body.contains("إعلان") && !body.contains("اقرأ أيضا"))
    }

    @Test("a page of teaser links has no article: empty body, everything removed")
    func noArticle() throws {
        let page = try readHTML("no-article.html")
        #expect(page.body.isEmpty)
        #expect(page.title == "Harbour News")
        #expect(page.removed.map(\.text).joined(separator: "\n").contains("Ferry timetable changes"))
    }
}

@Suite("HTML class hints")
struct HTMLClassHintTests {
    @Test("class words match as word prefixes, `$` hints as whole words, furniture outweighs content")
    func verdicts() {
        let hints = ClassHints.builtIn
        #expect(hints.verdict("withSidebar") == .none)
        #expect(hints.verdict("sidebar-left") == .furniture(.navigation))
        #expect(hints.verdict("address") == .none)
        #expect(hints.verdict("ad slot") == .furniture(.ad))
        #expect(hints.verdict("article-body") == .content)
        #expect(hints.verdict("article-share") == .furniture(.widget))
        #expect(hints.verdict("image-caption") == .caption)
    }

    @Test("a malformed hints file is an error naming file, line and key", arguments: [
        ("furniture:\n  bogus: [x]\n", "h.yaml:2: furniture.bogus is not a removal reason"),
        ("caption: oops\n", "h.yaml:1: caption must be a list of words"),
        ("colour: [x]\n", "h.yaml:1: unknown key 'colour' (furniture, caption, content)"),
    ])
    func malformed(yaml: String, expected: String) {
        #expect {
            _ = try ClassHints(yaml: Array(yaml.utf8), source: "h.yaml")
        } throws: { error in
            "\(error)".hasPrefix(expected)
        }
    }
}
