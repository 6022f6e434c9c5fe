import Foundation
import Testing
import WarraqTestSupport

@Suite("warraq convert through YAML and Markdown")
struct YAMLCommandTests {
    @Test("JSONL → YAML → JSONL gives back the same bytes")
    func roundTrip() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "warraq-yaml-cli-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let jsonl = directory.appending(path: "a.jsonl").path, yaml = directory.appending(path: "a.yaml").path
        let dumps = ["feed", "captions", "page", "embed", "english"].map { fixture("scrape/\($0).txt").path }
        #expect(try warraq(["convert", "--quiet", "-o", jsonl] + dumps).status == 0)
        #expect(try warraq(["convert", "--quiet", jsonl, "-o", yaml]).status == 0)
        let back = try warraq(["convert", "--quiet", "-t", "jsonl", yaml])
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.stdout == (try Data(contentsOf: URL(fileURLWithPath: jsonl))))
    }

    @Test("Markdown output starts with front matter and the title as a level-one heading")
    func markdown() throws {
        let result = try warraq(["convert", "--quiet", "-t", "markdown", fixture("scrape/page.txt").path])
        #expect(result.status == 0)
        #expect(result.stdoutText.hasPrefix("---\nid: page#1\n"))
        #expect(result.stdoutText.contains("\n# البلدية تطلق حملة لزراعة ألف شجرة في الأحياء الشرقية\n"))
    }
}
