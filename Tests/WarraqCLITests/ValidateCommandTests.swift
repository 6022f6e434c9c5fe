import Foundation
import Testing
import WarraqTestSupport

/// `warraq convert -t tei` and `warraq validate` end to end; every file written is also checked by jing.
@Suite("warraq validate")
struct ValidateCommandTests {
    static let schema: String? = ProcessInfo.processInfo.environment["WARRAQ_TEI_SCHEMA"]
        ?? ["/usr/local/share/warraq/tei_all.rng", "/usr/share/warraq/tei_all.rng"].first(where: FileManager.default.fileExists(atPath:))

    static var canRun: Bool { Client.shouldRun(schema != nil && Client.tool("jing") != nil) }


    /// jing's verdict on files: its problem lines, empty when all are valid.
    static func jing(_ files: [String]) throws -> String {
        let result = try runProcess(try #require(Client.tool("jing")), [try #require(schema)] + files)
        #expect((result.status == 0) == result.stdoutText.isEmpty, "\(result.stderr)")
        return result.stdoutText
    }

    @Test("converted fixtures are valid for warraq and jing; a broken file is reported as file:line and exits 1")
    func validate() throws {
        guard Self.canRun else { return }
        let directory = try makeTemporaryDirectory("warraq-validate")
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = directory.appending(path: "corpus.xml").path
        let inputs = ["feed", "captions", "page", "embed", "english", "site", "sections"].map { fixture("scrape/\($0).txt").path }
            + [fixture("tei/adversarial.jsonl").path, fixture("html/article-ar.html").path]
        let converted = try warraq(["convert", "--quiet", "-t", "tei", "-o", corpus] + inputs)
        #expect(converted.status == 0, "\(converted.stderr)")
        #expect(try Self.jing([corpus]) == "")
        let invalid = fixture("tei/invalid.xml").path
        let result = try warraq(["validate", corpus, invalid])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "\(invalid):7: Did not expect element datelinex there")
        #expect(!lines.contains { $0.hasPrefix(corpus + ":") })
        #expect(lines.last == "warraq: 1 of 2 valid")
        #expect(try Self.jing([invalid]).hasPrefix("\(invalid):7:"))
    }

    @Test("convert --validate checks each file written to --output-dir; jing agrees")
    func convertValidate() throws {
        guard Self.canRun else { return }
        let directory = try makeTemporaryDirectory("warraq-validate")
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appending(path: "out").path
        let result = try warraq(["convert", "-t", "tei", "--validate", fixture("scrape/feed.txt").path, fixture("tei/adversarial.jsonl").path, "--output-dir", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasSuffix("warraq: 6 of 6 TEI files valid\n"))
        let files = try FileManager.default.contentsOfDirectory(atPath: output).map { output + "/" + $0 }
        #expect(files.count == 6)
        #expect(try Self.jing(files) == "")
    }

    @Test("--validate without a file to check, or with another writer, is a usage error")
    func convertValidateUsage() throws {
        #expect(try warraq(["convert", "-t", "tei", "--validate", fixture("scrape/feed.txt").path]).status == 2)
        guard Self.canRun else { return }
        let directory = try makeTemporaryDirectory("warraq-validate")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try warraq(["convert", "-t", "jsonl", "--validate", fixture("scrape/feed.txt").path, "-o", directory.appending(path: "x.jsonl").path])
        #expect(result.status == 2)
    }

    @Test("a missing schema exits 2 and names where to put one")
    func missingSchema() throws {
        let result = try warraq(["validate", "--schema", "/nonexistent/tei_all.rng", "x.xml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/tei_all.rng"))
        let nowhere = try runProcess(warraqExecutable, ["validate", "x.xml"], environment: ["HOME": "/nonexistent", "XDG_DATA_HOME": "/nonexistent/xdg", "PATH": "/usr/bin:/bin"])
        if !FileManager.default.fileExists(atPath: "/usr/local/share/warraq/tei_all.rng"), !FileManager.default.fileExists(atPath: "/usr/share/warraq/tei_all.rng") {
            #expect(nowhere.status == 2)
            #expect(nowhere.stderr.contains("/nonexistent/xdg/warraq/tei_all.rng"))
        }
    }

    @Test("no file to check is a usage error")
    func noFiles() throws {
        #expect(try warraq(["validate"]).status == 2)
    }
}
