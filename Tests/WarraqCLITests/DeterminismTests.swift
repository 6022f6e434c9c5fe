import Foundation
import Testing
import WarraqTestSupport

/// The same inputs give the same bytes on every run, at any --jobs, in any locale and time zone:
/// nothing in the output depends on time, locale, hash seeds or thread scheduling.
@Suite("Determinism")
struct DeterminismTests {
    static let inputs = ["captions", "embed", "english", "feed", "mixed", "page", "sections", "site", "teasers", "w3m"].map { fixture("scrape/\($0).txt").path }
        + [fixture("html").path, fixture("cli/batch").path, fixture("cli/two-docs.jsonl").path, fixture("tei/adversarial.jsonl").path]

    /// Each run is a fresh process, so Swift's per-process hash seed differs every time.
    static let settings: [(jobs: Int, lang: String, tz: String)] = [
        (1, "C", "UTC"), (2, "ar_SA.UTF-8", "Asia/Riyadh"), (8, "ar_SA.UTF-8", "Pacific/Kiritimati"),
    ]

    @Test("one stream: the same bytes at jobs 1, 2 and 8, LANG=C and ar_SA.UTF-8, any TZ", arguments: ["jsonl", "tei", "yaml", "markdown"])
    func stream(format: String) throws {
        var outputs: [Data] = []
        for setting in Self.settings {
            let result = try warraq(["convert", "--quiet", "-t", format, "--jobs", "\(setting.jobs)"] + Self.inputs,
                                    environment: ["LANG": setting.lang, "LC_ALL": setting.lang, "TZ": setting.tz])
            #expect(result.status == 0, "\(setting): \(result.stderr)")
            outputs.append(result.stdout)
        }
        #expect(outputs[0].count > 10_000)
        for (setting, output) in zip(Self.settings, outputs).dropFirst() { #expect(output == outputs[0], "\(setting)") }
    }

    @Test("--output-dir: the same file names and bytes at jobs 1 and 8")
    func outputDirectory() throws {
        let work = try makeTemporaryDirectory("warraq-determinism")
        var trees: [[String: Data]] = []
        for (n, setting) in [Self.settings[0], Self.settings[2]].enumerated() {
            let out = work.appending(path: "out\(n)")
            let result = try warraq(["convert", "--quiet", "-t", "tei", "--jobs", "\(setting.jobs)", "--output-dir", out.path] + Self.inputs,
                                    environment: ["LANG": setting.lang, "TZ": setting.tz])
            #expect(result.status == 0, "\(result.stderr)")
            let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
            trees.append(Dictionary(uniqueKeysWithValues: try names.map { ($0, try Data(contentsOf: out.appending(path: $0))) }))
        }
        #expect(trees[0].count > 10)
        #expect(trees[0] == trees[1])
    }
}
