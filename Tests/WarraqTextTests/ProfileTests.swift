import Testing
import WarraqCore
import WarraqTestSupport
@testable import WarraqText

@Suite("Scrape profiles")
struct ProfileTests {
    @Test("the built-in profile loads and knows agencies, labels and months")
    func builtIn() {
        let profile = ScrapeProfile.builtIn
        #expect(profile.sources == ["built-in months.yaml", "built-in scrape.yaml"])
        #expect(profile.agencies.contains(Folding.fold("سانا")))
        #expect(profile.months.contains { $0.name == Folding.fold("كانون الأول") && $0.month == 12 })
    }

    @Test("a site profile teaches an agency and a promo line the built-in one does not know")
    func siteProfile() throws {
        let plain = try scrape("site.txt")
        #expect(plain[0].dateline == nil)
        // Unknown, the promo line is only a heading the article ends with.
        #expect(plain[0].removed.map(\.reason) == [.navigation])
        #expect(plain[0].body.count == 1)

        var profile = ScrapeProfile.builtIn
        try profile.add(yaml: Input.file(fixture("scrape/site-profile.yaml").path).readAll(), source: "site-profile.yaml")
        let taught = try scrape("site.txt", profile: profile)
        #expect(taught[0].dateline == Dateline(place: "البلدة", agency: "وكالة الوادي", text: "البلدة ــ وكالة الوادي"))
        #expect(taught[0].removed.map(\.reason) == [.promo])
        #expect(taught[0].body.count == 1)
    }

    @Test("a malformed profile is an error naming file, line and key", arguments: [
        ("agencies: [a]\nboilerplate:\n  bogus: [x]\n", "p.yaml:3: unknown key 'boilerplate.bogus'"),
        ("agencies: oops\n", "p.yaml:1: 'agencies' must be a list, not a scalar"),
        ("titles: [a]\n", "p.yaml:1: unknown key 'titles'"),
        ("agencies: [a\n", "p.yaml:2: "),
        ("months:\n  13: [x]\n", "p.yaml:2: unknown key 'months.13'"),
        ("html:\n  furniture:\n    bogus: [x]\n", "p.yaml:3: html.furniture.bogus is not a removal reason"),
        ("html:\n  colour: [x]\n", "p.yaml:2: unknown key 'html.colour' (furniture, caption, content)"),
    ])
    func malformed(yaml: String, expected: String) {
        var profile = ScrapeProfile.builtIn
        do {
            try profile.add(yaml: Array(yaml.utf8), source: "p.yaml")
            Issue.record("accepted \(yaml)")
        } catch {
            #expect(error.description.hasPrefix(expected), "\(error)")
        }
    }
}
