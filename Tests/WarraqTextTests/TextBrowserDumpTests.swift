import Testing
import WarraqCore
@testable import WarraqText

@Suite("Scrape reader on text-browser dumps and mixed pages")
struct TextBrowserDumpTests {
    static let fixtures = ["w3m.txt", "mixed.txt", "teasers.txt", "headline.txt", "lynx.txt", "lynx-page.txt", "arabic-page.txt", "german-page.txt", "feed-readmore.txt",
                           "byline-w3m.txt", "byline-arabic.txt", "byline-lynx-spanish.txt"]

    @Test("lose nothing on these dumps too", arguments: fixtures)
    func loseNothing(name: String) throws {
        #expect(try unaccountedLines(name) == [])
    }

    @Test("w3m: wrapped lines are joined, menus and placeholders removed, the byline gives the date")
    func w3m() throws {
        let page = try scrapeOne("w3m.txt")
        #expect(page.title == "Lighthouse keepers return to the northern cape after forty years")
        #expect(page.date == "2025-03-14")
        #expect(page.dateText == "March 14, 2025")
        #expect(page.body.map(\.typeName) == ["paragraph", "paragraph", "heading", "paragraph", "paragraph"])
        #expect(page.body[1] == .paragraph(Paragraph(text: "The keepers, a retired ferry captain and a marine biologist, will move into the cottage beside the tower next month and stay through the storm season, the trust said on Friday in a statement to members.")))
        let removed = Dictionary(grouping: page.removed, by: \.reason)
        #expect(removed[.widget]?.map(\.text) == ["[logo]"])
        #expect(removed[.navigation]?.map(\.text) == ["• News", "• Sport", "• Weather", "• Culture", "Search", "• Ferry timetable changes for the winter", "• Harbour wall repairs begin in May"])
        #expect(removed[.ad]?.count == 5)
        #expect(removed[.footer]?.count == 1)
        #expect(removed[.metadata]?.first?.lines == LineRange(19, 20))
    }

    @Test("mixed Arabic and Latin with CRLF line ends: Latin agency, Arabic-Indic date, English tags")
    func mixed() throws {
        let article = try scrapeOne("mixed.txt")
        #expect(article.title == "منصة الطاقة الشمسية الجديدة تبدأ الإنتاج في الصحراء الشرقية")
        #expect(article.date == "2025-03-09")
        #expect(article.dateline == Dateline(place: "عمّان", agency: "AFP", text: "عمّان (AFP) -"))
        #expect(article.keywords == ["طاقة", "Solar", "الصحراء"])
        #expect(article.body.count == 3)
        #expect(article.body.first?.plainText.hasPrefix("بدأت محطة") == true)
        #expect(article.removed.map(\.reason) == [.metadata, .footer])
        #expect(article.origin?.lines == LineRange(1, 8))
    }

    @Test("a line repeated through the text is layout and splits nothing; a most-read list goes to related")
    func teasers() throws {
        let article = try scrapeOne("teasers.txt")
        #expect(article.title == "City council approves new cycle lanes on the ring road")
        #expect(article.body.count == 4)
        #expect(article.removed.filter { $0.text == "Article content" }.map(\.reason) == Array(repeating: .boilerplate, count: 4))
        #expect(article.related.map(\.title) == ["Bakery on Mill Street wins regional award", "Storm closes coastal road for a day"])
    }
}

@Suite("Wrap detection")
struct WrapJoinerTests {
    /// A paragraph wrapped at 40 columns, the way w3m prints it.
    static let wrapped: [Substring] = [
        "The river rose through the night and by", "morning it had covered the lower road", "and the playing fields beside the old", "mill.", "",
        "Residents on the bank moved their cars", "to higher ground before the water", "reached the bridge, the police said at", "dawn.", "",
        "Short line", "",
        "Engineers will inspect the bridge piers", "on Monday before the road is opened", "again.",
    ]

    @Test("a wrapped dump is joined into paragraphs with their line ranges")
    func joinsWrapped() {
        let lines = WrapJoiner.join(Self.wrapped)
        #expect(lines.map(\.lines) == [LineRange(1, 4), LineRange(6, 9), LineRange(11, 11), LineRange(13, 15)])
        #expect(lines[0].raw == "The river rose through the night and by morning it had covered the lower road and the playing fields beside the old mill.")
    }

    @Test("paragraphs one to a line are not joined, however alike their lengths")
    func leavesUnwrapped() {
        let sentence = "Every one of these lines is a paragraph of its own and ends with a stop."
        let lines = WrapJoiner.join(Array(repeating: Substring(sentence), count: 10))
        #expect(lines.count == 10)
    }
}

@Suite("Headline of a text-browser page")
struct HeadlineTests {
    @Test("the headline is the widest heading before the text, not the notice, breadcrumb or credited caption around it")
    func headline() throws {
        let page = try scrapeOne("headline.txt")
        #expect(page.title == "Fishing fleet returns to Westhaven after the long winter ban")
        #expect(page.body.last?.plainText.hasPrefix("Skippers said") == true)
        let removed = page.removed.map(\.text)
        #expect(removed.contains { $0.hasPrefix("This site keeps a record") })
        #expect(removed.contains { $0.hasPrefix("Towns › Fishing fleet") })
        #expect(!page.body.contains { $0.plainText.hasPrefix("This site keeps") })
    }
}

@Suite("lynx dumps")
struct LynxDumpTests {
    @Test("link numbers leave the text for removed; the closing list of addresses and its label are not the article's")
    func lynx() throws {
        let page = try scrapeOne("lynx.txt")
        #expect(page.title == "Orchard growers count the cost of a late spring frost")
        #expect(page.body.map(\.typeName) == ["paragraph", "paragraph", "paragraph"])
        #expect(page.body[0].plainText.contains("the growers' association said"))
        #expect(page.body[2].plainText.contains("a support fund for growers"))
        let removed = page.removed.map(\.text)
        #expect(removed.contains("[6]") && removed.contains("[7]"))
        #expect(removed.contains("References"))
        #expect(page.removed.filter { $0.text.contains("https://example.org") }.map(\.reason) == Array(repeating: .navigation, count: 7))
    }

    @Test("a footnote after a word and a bracket before a space are not link numbers")
    func footnotes() {
        #expect(LinkMarkers.stripped("as the survey found[3] last year") == nil)
        #expect(LinkMarkers.stripped("see [2] below") == nil)
        #expect(LinkMarkers.stripped("[12]Sport and [13]\"Weather\"")! == (text: "Sport and \"Weather\"", markers: "[12] [13]"))
        #expect(LinkMarkers.stripped("[1][2]x")! == (text: "x", markers: "[1] [2]"))
        #expect(LinkMarkers.stripped("  [7]عنوان الخبر (#[8]رياضة) found[9] end [10]")! == (text: "  عنوان الخبر (#رياضة) found[9] end [10]", markers: "[7] [8]"))
        #expect(LinkMarkers.stripped("[123456]x [99999]y")! == (text: "[123456]x y", markers: "[99999]"))
        #expect(LinkMarkers.isAddressLine("12. https://example.org/a?b=c"))
        #expect(!LinkMarkers.isAddressLine("Read more at https://example.org"))
    }
}

@Suite("Article tail")
struct ArticleTailTests {
    static func draft(_ blocks: [Block]) -> Draft {
        var draft = Draft()
        for (index, block) in blocks.enumerated() { draft.append(block, lines: LineRange(index + 1, index + 1)) }
        return draft
    }

    static let text = Block.paragraph(Paragraph(text: String(repeating: "The harbour reopened on Monday after the storm. ", count: 4)))
    static func heading(_ number: Int) -> Block { .heading(Heading(level: 2, text: "Teaser headline number \(number)")) }

    @Test("headings an article ends with go to removed; its last paragraph stays")
    func trailing() {
        var trimmed = Self.draft([Self.text, Self.heading(1), Self.heading(2)])
        ArticleTail.trim(&trimmed)
        #expect(trimmed.body.map(\.typeName) == ["paragraph"])
        #expect(trimmed.removed.map(\.text) == ["Teaser headline number 1", "Teaser headline number 2"])
    }

    @Test("a link list after the text ends the article, a footer after it too")
    func linkList() {
        let footer = Block.paragraph(Paragraph(text: "All content on this site is protected by copyright law."))
        var trimmed = Self.draft([Self.text, Self.text] + (1...6).map(Self.heading) + [footer])
        ArticleTail.trim(&trimmed)
        #expect(trimmed.body.count == 2)
        #expect(trimmed.removed.count == 7)
        #expect(trimmed.removed.last?.reason == .boilerplate)
    }

    @Test("a link list before most of the text is a box inside the article")
    func boxInside() {
        let blocks = [Self.text] + (1...6).map(Self.heading) + Array(repeating: Self.text, count: 4)
        var trimmed = Self.draft(blocks)
        ArticleTail.trim(&trimmed)
        #expect(trimmed.body.count == blocks.count)
        #expect(trimmed.removed.isEmpty)
    }
}

@Suite("Page dumps: margin headings, dates under the headline, read-more boxes")
struct PageDumpTests {
    @Test("lynx: the heading at the margin is the headline, not the wider caption under it; the date after the byline is the article's")
    func lynxMargin() throws {
        let page = try scrapeOne("lynx-page.txt")
        #expect(page.title == "Harbour town opens its new lifeboat station after six years of fundraising")
        #expect(page.date == "2025-06-14")
        #expect(page.dateText == "14 June 2025")
        #expect(page.removed.first { $0.text.hasPrefix("The new lifeboat on the slipway") }?.reason == .navigation)
        #expect(page.removed.first { $0.text == "Saturday 14 June 2025" }?.reason == .metadata)
        #expect(page.removed.filter { $0.text.contains("example.org") }.map(\.reason) == Array(repeating: .navigation, count: 5))
        #expect(page.body.last?.plainText.hasSuffix("west of the harbour.") == true)
    }

    @Test("Arabic: the text after a read-also box inside the article is still the article's; the teaser goes to related")
    func arabicReadMore() throws {
        let page = try scrapeOne("arabic-page.txt")
        #expect(page.title == "افتتاح مكتبة عامة جديدة في وسط المدينة بعد ثلاث سنوات من العمل")
        #expect(page.date == "2024-01-12")
        #expect(page.related.map(\.title) == ["طلاب المدارس يزورون معرض الكتاب السنوي في قاعة المدينة"])
        #expect(page.body.map(\.typeName) == ["paragraph", "paragraph", "paragraph", "paragraph"])
        #expect(page.body[2].plainText.hasPrefix("وأضاف أن تكلفة المشروع"))
        #expect(page.removed.first { $0.text == "اقرأ أيضا" }?.reason == .navigation)
    }

    @Test("German: a date line after the standfirst, author and share buttons is the article's; share and print buttons are navigation, a long cookie notice consent")
    func germanDate() throws {
        let page = try scrapeOne("german-page.txt")
        #expect(page.title == "Stadtrat beschließt neue Radwege entlang des Flussufers")
        #expect(page.date == "2025-03-05")
        #expect(page.dateText == "05.03.2025, 14:30")
        #expect(page.removed.filter { ["Teilen", "Drucken"].contains($0.text) }.map(\.reason) == [.navigation, .navigation])
        #expect(page.removed.first { $0.text == "05.03.2025, 14:30" }?.reason == .metadata)
        #expect(page.removed.first?.reason == .consent)
    }

    @Test("a feed: after Read more, a titled article with its own date is a new article")
    func feedReadMore() throws {
        let documents = try scrape("feed-readmore.txt")
        #expect(documents.map(\.title) == ["Council approves budget for the new school year", "River festival returns to the old town after a two-year break"])
        #expect(documents[1].date == "2025-06-03")
        #expect(documents[0].related.map(\.title) == ["River festival returns to the old town after a two-year break"])
    }

    @Test("a lynx address list wrapped into one line is still addresses")
    func joinedAddresses() {
        #expect(LinkMarkers.isAddressLine("188. https://example.org/a?b=c 189. https://example.org/d"))
        #expect(LinkMarkers.isAddressLine("13. mailto:?subject=A story&body=https://example.org/a"))
        #expect(LinkMarkers.isAddressLine("https://example.org/a"))
        #expect(!LinkMarkers.isAddressLine("12. The council met on https://example.org"))
        #expect(!LinkMarkers.isAddressLine("2024. ab: not an address"))
    }
}
