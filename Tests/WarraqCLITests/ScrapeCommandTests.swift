import Foundation
import Testing
import WarraqTestSupport

/// The scrape reader through the command line: the default for `.txt`, profiles, the example.
@Suite("warraq convert with the scrape reader")
struct ScrapeCommandTests {
    @Test("--profile teaches the reader a site; a bad profile is a usage error naming file and line")
    func profileOption() throws {
        let site = fixture("scrape/site.txt").path
        let taught = try warraq(["convert", "--quiet", site, "--profile", fixture("scrape/site-profile.yaml").path])
        #expect(taught.status == 0)
        #expect(taught.stdoutText.contains(#""dateline":{"place":"البلدة","agency":"وكالة الوادي""#))
        let bad = FileManager.default.temporaryDirectory.appending(path: "warraq-bad-\(UUID()).yaml")
        try Data("agencies: [a]\nlabels:\n  title: [x]\n".utf8).write(to: bad)
        defer { try? FileManager.default.removeItem(at: bad) }
        let refused = try warraq(["convert", site, "--profile", bad.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("\(bad.path):3: unknown key 'labels.title'"))
    }

    @Test("the bundled example converts into JSON Lines: one document per article")
    func example() throws {
        let result = try warraq(["convert", "--quiet", packageRoot.appending(path: "Examples/dumps/news-feed.txt").path])
        #expect(result.status == 0)
        let documents = try result.stdout.split(separator: UInt8(ascii: "\n")).map {
            try #require(try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any])
        }
        #expect(documents.count == 3)
        #expect(documents.map { $0["title"] as? String } == [
            "افتتاح معرض الكتاب السنوي بمشاركة أكثر من مئتي دار نشر",
            "الأمطار الغزيرة تغلق طرقا فرعية في الريف الشمالي",
            "مهرجان الزيتون يعود إلى القرى الجبلية بعد غياب عامين",
        ])
        #expect(documents[2]["date"] as? String == "2025-11-14")
        #expect(documents[2]["publisher"] as? String == "صحيفة الريف")
    }
}
