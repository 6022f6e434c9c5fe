import Foundation
import Testing
import WarraqTestSupport

/// `warraq convert -t tei` and `warraq validate` end to end.
@Suite("warraq validate")
struct ValidateCommandTests {
    static let schemaInstalled = ["/usr/local/share/warraq/tei_all.rng", "/usr/share/warraq/tei_all.rng"]
        .contains(where: FileManager.default.fileExists(atPath:)) || ProcessInfo.processInfo.environment["WARRAQ_TEI_SCHEMA"] != nil

    @Test("converted fixtures are valid; a broken file is reported as file:line and exits 1")
    func validate() throws {
        guard Client.shouldRun(Self.schemaInstalled) else { return }
        let directory = FileManager.default.temporaryDirectory.appending(path: "warraq-validate-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = directory.appending(path: "corpus.xml").path
        let dumps = ["feed", "captions", "page", "embed", "english"].map { fixture("scrape/\($0).txt").path }
        let converted = try warraq(["convert", "--quiet", "-t", "tei", "-o", corpus] + dumps)
        #expect(converted.status == 0, "\(converted.stderr)")
        let broken = directory.appending(path: "broken.xml")
        let text = try String(contentsOfFile: corpus, encoding: .utf8).replacingOccurrences(of: "<dateline>", with: "<datelinex>")
            .replacingOccurrences(of: "</dateline>", with: "</datelinex>")
        try text.write(to: broken, atomically: true, encoding: .utf8)
        let result = try warraq(["validate", corpus, broken.path])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("\(broken.path):") && $0.contains("datelinex") })
        #expect(!lines.contains { $0.hasPrefix(corpus + ":") })
        #expect(lines.last == "warraq: 1 of 2 valid")
    }

    @Test("convert --validate checks each file written to --output-dir; without a file to check it is a usage error")
    func convertValidate() throws {
        guard Client.shouldRun(Self.schemaInstalled) else { return }
        let directory = FileManager.default.temporaryDirectory.appending(path: "warraq-validate-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try warraq(["convert", "-t", "tei", "--validate", fixture("scrape/feed.txt").path, "--output-dir", directory.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasSuffix("warraq: 3 of 3 TEI files valid\n"))
        #expect(try warraq(["convert", "-t", "tei", "--validate", fixture("scrape/feed.txt").path]).status == 2)
    }

    @Test("a missing schema is a usage error that names where to put one")
    func missingSchema() throws {
        let result = try warraq(["validate", "--schema", "/nonexistent/tei_all.rng", "x.xml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/tei_all.rng"))
    }
}
