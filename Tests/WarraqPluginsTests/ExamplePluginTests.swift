import Foundation
import Testing
import WarraqTestSupport

/// The plugins in Examples/, each run through `warraq` as a user would.
@Suite("example plugins")
struct ExamplePluginTests {
    @Test("the Python CSV reader is found on PATH, claims .csv, and its warnings are relayed with its name")
    func csvReader() throws {
        let harness = try PluginHarness(path: [PluginHarness.csvReader])
        let input = PluginHarness.csvReader.appending(path: "articles.csv").path
        let result = try harness.run(["convert", input])
        #expect(result.status == 0)
        let docs = try PluginHarness.documents(result.stdout)
        #expect(docs.map { $0["id"] as? String } == ["articles#1", "articles#2"])
        #expect(docs[0]["authors"] as? [String] == ["سارة علي", "Omar Haddad"])
        #expect((docs[0]["body"] as? [[String: Any]])?.count == 2)
        let origin = try #require(docs[1]["origin"] as? [String: Any])
        #expect(origin["format"] as? String == "csv")
        #expect(origin["lines"] as? [Int] == [5, 5])
        #expect(result.stderr.contains("\(input):1: warning: plugin 'csv': ignored columns: likes"))
    }

    @Test("a bad row is path:line naming the plugin; the other rows convert; exit 1")
    func csvReaderErrors() throws {
        let harness = try PluginHarness(path: [PluginHarness.csvReader])
        let input = fixture("plugins/bad.csv").path
        let result = try harness.run(["convert", "-f", "csv", input])
        #expect(result.status == 1)
        #expect(try PluginHarness.documents(result.stdout).map { $0["title"] as? String } == ["Kept"])
        #expect(result.stderr.contains("\(input):3: plugin 'csv': row has neither title nor body"))
    }

    @Test("the jq transform moves short paragraphs to removed, with its typed option")
    func jqTransform() throws {
        guard Client.shouldRun(Client.tool("jq") != nil) else { return }
        let harness = try PluginHarness(path: [PluginHarness.csvReader, PluginHarness.jqTransform])
        let input = PluginHarness.csvReader.appending(path: "articles.csv").path
        let result = try harness.run(["convert", "--transform", "drop-short:min-length=30", "--quiet", input])
        #expect(result.status == 0, "\(result.stderr)")
        let docs = try PluginHarness.documents(result.stdout)
        let first = docs[0]
        #expect((first["body"] as? [[String: Any]])?.map { $0["text"] as? String } == ["واتفق المشاركون على خطة جديدة."])
        #expect((first["removed"] as? [[String: Any]])?.map { $0["reason"] as? String } == ["boilerplate"])
        #expect(docs[1]["removed"] == nil)
    }

    @Test("the Swift plugins built on the SDK: a TSV index writer, its reader, a tatweel-stripping transform")
    func swiftWriter() throws {
        let built = try SwiftExample.build()
        let harness = try PluginHarness(path: [PluginHarness.csvReader, built])
        let input = PluginHarness.csvReader.appending(path: "articles.csv").path
        let result = try harness.run(["convert", "-t", "tsv", "--quiet", input])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText == "id\tdate\twords\ttitle\narticles#1\t2024-12-03\t9\tقمة المناخ تختتم أعمالها\narticles#2\t2024-12-04\t5\tPrices, again\n")
        let noHeader = try harness.run(["convert", "-t", "tsv:header=false", "--quiet", input])
        #expect(noHeader.stdoutText.hasPrefix("articles#1\t"))
        let describe = try runProcess(built.appending(path: "warraq-writer-tsv"), ["--describe"])
        #expect(describe.stdoutText.hasPrefix(#"{"protocol":1,"kind":"writer","name":"tsv""#))

        // The SDK's reader and transform: the index read back, and tatweel stripped on the way.
        let index = try makeTemporaryDirectory().appending(path: "index.tsv")
        try Data("id\tdate\twords\ttitle\na#1\t2024-12-03\t9\tقمـــة المناخ\nbroken line\n".utf8).write(to: index)
        let back = try harness.run(["convert", "--transform", "strip-tatweel", index.path])
        #expect(back.status == 1)
        #expect(back.stdoutText == #"{"id":"a#1","title":"قمة المناخ","date":"2024-12-03","origin":{"path":"\#(index.path)","format":"tsv","lines":[2,2]},"removed":[{"text":"9","reason":"metadata","lines":[2,2]}]}"# + "\n")
        #expect(back.stderr.contains("\(index.path):3: plugin 'tsv': expected 4 tab-separated fields, found 1"))
    }

    @Test("warraq formats lists plugins with where they came from, and those it could not load; convert warns of them")
    func formats() throws {
        let harness = try PluginHarness(path: [PluginHarness.csvReader, fixture("plugins/broken")])
        let result = try harness.run(["formats"])
        #expect(result.status == 0)
        let text = result.stdoutText
        #expect(text.contains("  csv       CSV export of articles"))
        #expect(text.contains("from plugin, PATH: \(PluginHarness.csvReader.path)/warraq-reader-csv"))
        #expect(text.contains("Plugins not loaded:"))
        #expect(text.contains("warraq-reader-future): --describe: protocol: speaks protocol 99, this warraq speaks 1"))
        #expect(text.contains("warraq-transform-noisy-describe): --describe did not print one JSON object"))
        let convert = try harness.run(["convert", "-f", "jsonl", fixture("cli/two-docs.jsonl").path])
        #expect(convert.status == 0)
        #expect(convert.stderr.hasPrefix("warraq: warning: plugin 'future' ("))
        #expect(try harness.run(["convert", "-f", "jsonl", "--quiet", fixture("cli/two-docs.jsonl").path]).stderr == "")
    }
}

/// Builds Examples/swift-plugins once per test run, in a scratch folder kept between runs so
/// that later builds are incremental.
enum SwiftExample {
    static func build() throws -> URL {
        let scratch = packageRoot.appending(path: ".build/examples/swift-plugins")
        let result = try SwiftPM.run([
            "build", "--package-path", PluginHarness.examples.appending(path: "swift-plugins").path,
            "--scratch-path", scratch.path,
        ])
        #expect(result.status == 0, "\(result.stdoutText)\n\(result.stderr)")
        return scratch.appending(path: "debug")
    }
}

/// README's "Write a reader in 10 minutes", followed to the letter.
@Suite("README reader walkthrough")
struct ReadmeWalkthroughTests {
    @Test("the reader in the README, saved in the plugin folder, converts with -f mycsv")
    func walkthrough() throws {
        guard Client.shouldRun(Client.tool("python3") != nil) else { return }
        let readme = try String(contentsOf: packageRoot.appending(path: "README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "### Write a reader in 10 minutes").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```python\n").dropFirst().first?.components(separatedBy: "```").first)
        let code = block.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("   ") ? String($0.dropFirst(3)) : String($0) }.joined(separator: "\n")
        let harness = try PluginHarness(path: [])
        let folder = harness.configHome.appending(path: "warraq/plugins")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let program = folder.appending(path: "warraq-reader-mycsv")
        try Data(code.utf8).write(to: program)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program.path)
        let export = try makeTemporaryDirectory().appending(path: "export.csv")
        try Data("title,date,body\nHello,2024-01-02,\"Some text, here.\"\n".utf8).write(to: export)
        let result = try harness.run(["convert", "-f", "mycsv", "--quiet", export.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText == #"{"id":"export#1","title":"Hello","date":"2024-01-02","origin":{"path":"\#(export.path)","format":"mycsv"},"body":[{"type":"paragraph","text":"Some text, here."}]}"# + "\n")
    }
}
