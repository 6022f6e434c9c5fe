import Testing
import WarraqCore
import WarraqTestSupport
@testable import WarraqText

@Suite("Lines read lately")
struct RecentLinesTests {
    /// Every document of `input`, read by `reader`.
    static func documents(_ reader: consuming any DocumentReader) throws -> [Document] {
        var reader = reader
        var documents: [Document] = []
        while let document = try reader.next() { documents.append(document) }
        return documents
    }

    @Test("a format's readers share their tables of lines, and each input reads as it does alone")
    func sharedTablesReadAsFresh() throws {
        let format = ScrapeReader.format(profile: .builtIn)
        // Fixtures that repeat one another's lines (menus, captions, tickers), read in turn and
        // then again, so that every input but the first meets lines another one kept.
        let names = ["feed.txt", "captions.txt", "page.txt", "site.txt", "feed.txt", "captions.txt"]
        for name in names {
            let input = Input.file(fixture("scrape/\(name)").path)
            let shared = try Self.documents(try format.make(input, FormatOptions()))
            let alone = try Self.documents(try ScrapeReader(input))
            #expect(shared == alone, "\(name)")
            #expect(!shared.isEmpty)
        }
    }

    @Test("a line is found again only by its own bytes")
    func foundByBytes() {
        var table = RecentLines()
        let line: Substring = "عاجل: الشريط الإخباري"
        let place = RecentLines.place(of: line)!
        #expect(table.line(at: place, line) == nil)
        table.keep(RecentLines.Line(raw: String(line), text: String(line), wordCount: 3, kind: .boilerplate(.ticker)), at: place)
        #expect(table.line(at: place, line)?.text == String(line))
        let other: Substring = "عاجل: الشريط الإخبارى"
        if let otherPlace = RecentLines.place(of: other) { #expect(table.line(at: otherPlace, other) == nil) }
        #expect(RecentLines.place(of: Substring(String(repeating: "a", count: RecentLines.longest + 1))) == nil)
    }
}
