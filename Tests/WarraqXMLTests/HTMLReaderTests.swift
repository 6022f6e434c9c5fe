import Testing
import WarraqCore
import WarraqTestSupport
import WarraqText
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

    @Test("a JSON-LD script is parsed only when it could name an article type: each type holds a clue, and an escaped type is still found")
    func jsonLDClues() throws {
        #expect(PageMetadata.articleTypes.allSatisfy { type in PageMetadata.articleTypeClues.contains { type.contains($0) } })
        let escaped = #"<html><head><script type="application/ld+json">{"@type":"WebSite","name":"Site"}</script><script type="application/ld+json">{"@type":"News\u0041rticle","headline":"Escaped type"}</script></head><body><h1>Other</h1></body></html>"#
        #expect(try title(escaped) == "Escaped type")
        let none = #"<html><head><script type="application/ld+json">{"@type":"WebSite","headline":"Not an article"}</script></head><body><h1>Visible</h1></body></html>"#
        #expect(try title(none) == "Visible")
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

    @Test("Arabic furniture lines inside the article: kicker, date line, related label, embedded post, tags and rights lines removed")
    func furnitureLinesArabic() throws {
        let page = try readHTML("furniture-lines-ar.html")
        #expect(page.title == "ارتفاع منسوب النهر بعد الأمطار")
        #expect(page.body.map(\.typeName) == ["paragraph", "paragraph", "paragraph"])
        #expect(page.body.map { $0.plainText.prefix(10) } == ["ارتفع منسو", "وقال رئيس ", "وتتوقع الأ"])
        let removed = Dictionary(page.removed.map { ($0.text, $0.reason) }, uniquingKeysWith: { first, _ in first })
        #expect(removed["محليات"] == .metadata)
        #expect(removed["الأحد، 2 مارس 2025، 09:30 | آخر تحديث: 10:15"] == .metadata)
        #expect(removed["اقرأ أيضا"] == .related)
        #expect(removed["الكلمات الدلالية: فيضانات، طقس، الطريق الساحلي، البلدية، الأرصاد الجوية"] == .metadata)
        #expect(removed["جميع الحقوق محفوظة لموقع المدينة"] == .footer)
        #expect(page.removed.contains { $0.reason == .widget && $0.text.contains("@city") })
    }

    @Test("an English standfirst set as a heading is kept above the next heading; sign-up, poll and fact boxes and the date line are removed")
    func promoBoxes() throws {
        let page = try readHTML("promo-boxes.html")
        #expect(page.body.map(\.typeName) == ["heading", "heading"] + Array(repeating: "paragraph", count: 6))
        #expect(page.body[0].plainText.hasPrefix("Work on the old harbour wall"))
        let reasons = Dictionary(page.removed.map { ($0.text.split(separator: "\n").first.map(String.init) ?? "", $0.reason) }, uniquingKeysWith: { first, _ in first })
        #expect(reasons["Published Jun 04, 2026 • Last updated 1 day ago • 2 minute read"] == .metadata)
        #expect(reasons["Get the morning briefing"] == .promo)
        #expect(reasons["Should the council have repaired the wall sooner, before the winter storms arrived again?"] == .widget)
        #expect(reasons["The harbour wall"] == .related)
    }

    @Test("a profile's html key adds class hints: its words remove what the built-in hints keep")
    func profileHints() throws {
        let input = Input(path: "page.html", source: .bytes(Array("""
            <html><body><article><h1>Quay closed</h1>
            <p>The north quay is closed to cars from Monday while the harbour wall is repaired by the council.</p>
            <p>Fishing boats will moor at the south quay while the work goes on, the harbour master said on Friday.</p>
            <p>The ferry timetable is unchanged, and the footpath along the quay stays open to walkers and cyclists.</p>
            <p>Divers will inspect the foundations in July, when the tides are lowest, before the last section is rebuilt.</p>
            <div class="shopbox"><p>Visit the harbour shop for maps, tide tables and gifts, open every day of the week from nine.</p></div>
            </article></body></html>
            """.utf8)))
        func removedReasons(_ format: ReaderFormat) throws -> [RemovalReason] {
            var reader = try format.make(input, FormatOptions())
            return try #require(try reader.next()).removed.map(\.reason)
        }
        #expect(try !removedReasons(HTMLReader.format).contains(.promo))
        var profile = ScrapeProfile.builtIn
        try profile.add(yaml: Array("html:\n  furniture:\n    promo: [shopbox]\n".utf8), source: "site.yaml")
        #expect(try removedReasons(HTMLReader.format(profile: profile)).contains(.promo))
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

    @Test("a word is judged by every hint it starts with: the first furniture hint listed wins, whole-word hints match whole words only, hints no word can spell match nothing")
    func hintOrder() {
        let hints = ClassHints(
            furniture: [("sidebarx", .ad), ("side", .related), ("sidebar", .navigation), ("ad$", .ad), ("share-bar", .widget), ("Promo", .promo)],
            caption: ["cap"], content: ["main"]
        )
        #expect(hints.verdict("sidebar") == .furniture(.related))
        #expect(hints.verdict("SIDEBARX") == .furniture(.ad))
        #expect(hints.verdict("sid") == .none)
        #expect(hints.verdict("ads") == .none)
        #expect(hints.verdict("top_ad") == .furniture(.ad))
        #expect(hints.verdict("share-bar promo") == .none)
        #expect(hints.verdict("main9 captions") == .caption)
        #expect(hints.verdict("mainly ad") == .furniture(.ad))
        #expect(hints.verdict("ad side") == .furniture(.ad))
        #expect(hints.verdict("main") == .content)
    }

    @Test("judgements of class, id and role add up to the verdict of the names joined", arguments: [
        ["article-body", "share"], ["Sidebar", "main-content"], ["story", "photo-caption", "ad"], ["", "comments"],
    ])
    func judgementsAddUp(names: [String]) {
        let hints = ClassHints.builtIn
        var judgement = ClassHints.Judgement()
        for name in names { judgement.add(hints.judgement(name)) }
        #expect(judgement.verdict == hints.verdict(names.joined(separator: " ")))
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
