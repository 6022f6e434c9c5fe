import Testing
import WarraqCore
@testable import WarraqText

@Suite("Headlines and dates of text-browser pages around their bylines")
struct DumpHeadlineTests {
    @Test("w3m: the text starts after the byline, not at the browser notice; a menu run, a teaser and the caption under the byline are no headline")
    func englishByline() throws {
        let page = try scrapeOne("byline-w3m.txt")
        #expect(page.title == "Ferry service to the outer islands resumes after storm repairs")
        #expect(page.date == "2025-03-03")
        #expect(page.dateText == "March 3, 2025")
        #expect(page.body.first?.plainText.hasPrefix("The harbour authority says") == true)
        #expect(page.body.last?.plainText.hasSuffix("for fifty years.") == true)
        let removed = page.removed.map(\.text)
        #expect(removed.contains { $0.hasPrefix("You are using an outdated browser") })
        #expect(removed.contains { $0.hasPrefix("RELATED: Island school") })
        #expect(removed.contains("HomeNewsSportWeatherCultureOpinionBusinessTravelPropertyMotoringJobs"))
    }

    @Test("Arabic: the headline above the byline, not the wider teaser above it or the photo caption between byline and text")
    func arabicByline() throws {
        let page = try scrapeOne("byline-arabic.txt")
        #expect(page.title == "افتتاح جسر جديد فوق النهر يربط شطري المدينة القديمة")
        #expect(page.date == "2024-01-12")
        #expect(page.body.map(\.typeName) == ["paragraph", "paragraph", "paragraph"])
        #expect(page.removed.first { $0.text.hasPrefix("السيارات تعبر الجسر") }?.reason == .navigation)
        #expect(page.removed.first { $0.text.hasPrefix("اقرأ أيضا:") }?.reason == .navigation)
    }

    @Test("lynx, Spanish: the margin headline, not its standfirst or caption; the date in the byline after the share bar")
    func spanishLynx() throws {
        let page = try scrapeOne("byline-lynx-spanish.txt")
        #expect(page.title == "El Ayuntamiento abre un nuevo parque junto al río en el barrio de San Pedro")
        #expect(page.date == "2025-04-12")
        #expect(page.body.last?.plainText.hasSuffix("antes del verano.") == true)
    }

    @Test("a date line 40 lines under the headline, past a standfirst, a photo and a share bar, is the article's; one above it is not")
    func farDate() {
        var draft = Draft()
        draft.title = "Ferry service resumes"
        draft.titleLine = 10
        draft.remove("Monday 2 June 2025", .boilerplate, lines: LineRange(4, 4))
        draft.remove("Tuesday 3 June 2025", .navigation, lines: LineRange(50, 50))
        HeadlineDate.date(&draft, dates: .standard)
        #expect(draft.date == "2025-06-03")
        #expect(draft.removed.map(\.reason) == [.boilerplate, .metadata])
    }

    @Test("menu words run together, teasers and date lines are furniture; a name with a capital inside is not")
    func furniture() {
        let furniture = HeadlineFurniture(classifier: LineClassifier(profile: .builtIn))
        #expect(furniture.holds("Hoppa till innehållAftonbladetAftonbladet"))
        #expect(furniture.holds("RELATED: Russia hits Kyiv again"))
        #expect(furniture.holds("Related Posts"))
        #expect(furniture.holds("28 November 2025"))
        #expect(!furniture.holds("McDonald's opens its first restaurant in the valley"))
        #expect(!furniture.holds("Ferry service to the outer islands resumes after storm repairs"))
        #expect(HeadlineFurniture.joins(in: "ÉtéÀParisМоскваПитер") == 3)
    }
}
