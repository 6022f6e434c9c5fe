import Testing
import WarraqCore
@testable import WarraqText

@Suite("Scrape reader")
struct ScrapeReaderTests {
    static let fixtures = ["feed.txt", "captions.txt", "page.txt", "embed.txt", "english.txt", "no-final-newline.txt", "sections.txt", "site.txt"]

    @Test("lose nothing: every non-blank line is accounted for by a document covering it", arguments: fixtures)
    func loseNothing(name: String) throws {
        #expect(try unaccountedLines(name) == [])
    }

    @Test("the invariant check itself fails when a line is dropped")
    func invariantCanFail() throws {
        var documents = try scrape("captions.txt")
        documents[0].removed.removeAll { $0.reason == .widget }
        let accounted = tokens(accountedText(documents[0]))
        #expect(!tokens("TT").isSubset(of: accounted))
    }

    @Test("a feed splits into one document per article, with quoted titles trimmed and datelines taken out")
    func feed() throws {
        let documents = try scrape("feed.txt")
        #expect(documents.map(\.id) == ["feed#1", "feed#2", "feed#3"])
        #expect(documents.map(\.title) == [
            "افتتاح جسر جديد يربط ضفتي النهر في المدينة القديمة",
            "المزارعون يبدأون موسم قطاف الزيتون مبكرا هذا العام",
            "مدرسة للموسيقى تفتح أبوابها للأطفال مجانا",
        ])
        #expect(documents.map(\.dateline) == [
            Dateline(place: "حلب", agency: "سانا", text: "حلب ــ سانا"),
            Dateline(place: "ريف إدلب", agency: "الأناضول", text: "الأناضول – ريف إدلب"),
            Dateline(place: "القاهرة", agency: "رويترز", text: "القاهرة (رويترز) -"),
        ])
        guard case .paragraph(let first) = documents[0].body.first else {
            Issue.record("the first block must be a paragraph")
            return
        }
        #expect(first.text.hasPrefix("افتتحت محافظة حلب"))
        #expect(documents.allSatisfy { $0.removed.map(\.reason) == [.ad] && $0.removed.first?.text == "[ad_1]" })
        #expect(documents.map { $0.origin?.lines } == [LineRange(1, 3), LineRange(5, 7), LineRange(9, 11)])
        #expect(documents.allSatisfy { $0.origin?.format == "scrape" && $0.origin?.sha256?.count == 64 })
    }

    @Test("captions printed twice become one figure; echoes, widget debris and the related block are removed")
    func captionsAndRelated() throws {
        let documents = try scrape("captions.txt")
        #expect(documents.count == 2)
        let first = documents[0]
        #expect(first.title == "وزير الصحة يعلن خطة لتوسيع المستشفيات الريفية")
        #expect(first.body.first == .figure(Figure(caption: "عمال يرممون مبنى مستشفى في بلدة جبلية الشهر الماضي", credit: "أ.ف.ب")))
        #expect(first.body.filter { if case .paragraph = $0 { true } else { false } }.count == 3)
        #expect(first.related == [
            RelatedItem(title: "أطباء متطوعون يجوبون القرى النائية"),
            RelatedItem(title: "الطرق الجبلية تعزل قرى كاملة عن المستشفيات في الشتاء", section: "تقارير ميدانية"),
        ])
        let reasons = first.removed.map(\.reason)
        #expect(reasons.filter { $0 == .duplicate }.count == 5)
        #expect(reasons.filter { $0 == .widget }.count == 2)
        #expect(first.removed.contains(Removal(text: "ليلى حداد (بيروت)", reason: .related, lines: LineRange(line: 30))))
        let bodyText = first.body.map(\.plainText).joined(separator: "\n")
        #expect(!bodyText.contains("يجوب فريق"))

        let second = documents[1]
        #expect(second.title == "نقابة الممرضين تطالب بزيادة الأجور")
        #expect(second.body.map(\.typeName) == ["figure", "paragraph", "figure", "paragraph"])
        #expect(second.body[2] == .figure(Figure(caption: "مبنى النقابة في وسط العاصمة", credit: "أرشيفية")))
    }

    @Test("a page date is not the article date; tickers, counters and footers are removed with their reasons")
    func page() throws {
        let page = try scrapeOne("page.txt")
        #expect(page.title == "البلدية تطلق حملة لزراعة ألف شجرة في الأحياء الشرقية")
        #expect(page.section == "أخبار محلية")
        #expect(page.date == "2025-11-02T09:30:00")
        #expect(page.dateText == "2025-11-02 09:30:00")
        let removed = Dictionary(grouping: page.removed, by: \.reason).mapValues { $0.map(\.text) }
        #expect(removed[.boilerplate] == ["عمّان ٠٣ / ١١ / ٢٠٢٥"])
        #expect(removed[.navigation]?.count == 2)
        #expect(removed[.counter] == ["عدد القراءات : 457"])
        #expect(removed[.footer]?.count == 2)
        #expect(page.body.count == 3)
    }

    @Test("a tweet glued to a paragraph becomes an embed; source and keywords become metadata; read-also opens a second article")
    func embedsAndMetadata() throws {
        let documents = try scrape("embed.txt")
        #expect(documents.count == 2)
        let first = documents[0]
        #expect(first.date == "2025-01-12")
        #expect(first.dateText == "تاريخ النشر: ١٢ كانون الثاني ٢٠٢٥")
        #expect(first.publisher == "صحيفة المساء")
        #expect(first.keywords == ["الموازنة", "التعليم", "وزارة المالية"])
        #expect(first.body[1] == .paragraph(Paragraph(text: #"وقال وزير المالية في مؤتمر صحافي: "الموازنة تعكس أولويات المواطنين في التعليم والصحة وفرص العمل"."#)))
        #expect(first.body[2] == .embed(Embed(
            text: "وزير المالية: الموازنة تعكس أولويات المواطنين للمزيد من التفاصيل:https://t.co/Ab12Cd34Ef",
            url: "https://t.co/Ab12Cd34Ef"
        )))
        #expect(first.related == [RelatedItem(title: "البرلمان يبدأ مناقشة قانون الضرائب الجديد")])
        #expect(first.removed.filter { $0.reason == .metadata }.count == 3)
        #expect(documents[1].title == "البرلمان يبدأ مناقشة قانون الضرائب الجديد")
        #expect(documents[1].removed.map(\.reason) == [.promo])
    }

    @Test("English: byline, labelled date, wire dateline, menu and related links")
    func english() throws {
        let article = try scrapeOne("english.txt")
        #expect(article.title == "Harbour reopens after two-year restoration")
        #expect(article.authors == ["Jane Smith"])
        #expect(article.date == "2025-03-03")
        #expect(article.dateline == Dateline(place: "LONDON", agency: "Reuters", text: "LONDON (Reuters) -"))
        #expect(article.related.map(\.title) == ["Bridge works to close river path for a month", "New ferry timetable starts in April"])
        #expect(article.body.count == 3)
        #expect(article.removed.map(\.reason).contains(.footer))
    }

    @Test("a file without a final newline or a title is still read")
    func noFinalNewline() throws {
        let documents = try scrape("no-final-newline.txt")
        #expect(documents.count == 1)
        #expect(documents[0].body.last?.plainText.hasSuffix("من النص.") == true)
    }
}

@Suite("Scrape reader on single-article pages")
struct SectionHeadingTests {
    @Test("a heading inside an article is a section of it, not a new article")
    func sections() throws {
        let documents = try scrape("sections.txt")
        #expect(documents.count == 1)
        #expect(documents[0].title == "How the old harbour was rebuilt")
        #expect(documents[0].body.map(\.typeName) == ["paragraph", "heading", "paragraph", "heading", "paragraph"])
        #expect(documents[0].body[1] == .heading(Heading(level: 2, text: "The stone walls")))
    }
}
