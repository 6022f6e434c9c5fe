import Foundation
import Testing
import WarraqTestSupport

/// docs/document.schema.json, the document as plugins in other languages see it, checked with
/// PyPI's jsonschema against what every reader makes of our fixtures.
@Suite("document schema")
struct DocumentSchemaTests {
    let schema = packageRoot.appending(path: "docs/document.schema.json").path
    let checker = fixture("clients/check_document_schema.py").path

    @Test("the JSON Lines of the scrape, html, text, jsonl, yaml and csv-plugin readers fit the schema")
    func readerOutputs() throws {
        guard Client.shouldRun(Client.python != nil) else { return }
        let python = try #require(Client.python)
        let directory = try makeTemporaryDirectory()
        let harness = try PluginHarness(path: [PluginHarness.csvReader])
        let yaml = directory.appending(path: "docs.yaml").path
        let runs: [(String, [String])] = [
            ("scrape", ["-f", "scrape", fixture("scrape").path]),
            ("html", [fixture("html").path]),
            ("text", [fixture("cli/batch").path]),
            ("jsonl", ["-f", "jsonl", fixture("cli/two-docs.jsonl").path, fixture("tei/adversarial.jsonl").path]),
            ("yaml-source", ["-f", "jsonl", "-t", "yaml", "-o", yaml, fixture("cli/two-docs.jsonl").path, fixture("tei/adversarial.jsonl").path]),
            ("yaml", ["-f", "yaml", yaml]),
            ("csv", [PluginHarness.csvReader.appending(path: "articles.csv").path]),
        ]
        var outputs: [String] = []
        var documents = 0
        for (name, arguments) in runs {
            let result = try harness.run(["convert", "--quiet"] + arguments)
            #expect(result.status == 0, "\(name): \(result.stderr)")
            guard !arguments.contains("-o") else { continue }
            #expect(!result.stdout.isEmpty, "\(name) made no documents")
            let file = directory.appending(path: "\(name).jsonl")
            try result.stdout.write(to: file)
            outputs.append(file.path)
            documents += result.stdout.filter { $0 == 0x0A }.count
        }
        let check = try runProcess(python, [checker, schema] + outputs)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdoutText == "ok \(documents)\n")
    }

    @Test("the schema refuses what the model refuses: null fields, a heading without level, unknown members")
    func refusals() throws {
        guard Client.shouldRun(Client.python != nil) else { return }
        let python = try #require(Client.python)
        let file = try makeTemporaryDirectory().appending(path: "bad.jsonl")
        try Data("""
        {"id":"a#1","title":null}
        {"id":"a#2","body":[{"type":"heading","text":"x"}]}
        {"id":"a#3","titel":"x"}
        {"id":"a#4","removed":[{"text":"x","reason":"ad","lines":[0,2]}]}
        {"id":"a#5","date":"3 December 2024"}

        """.utf8).write(to: file)
        let check = try runProcess(python, [checker, schema, file.path])
        let problems = check.stdoutText.split(separator: "\n").map { $0.split(separator: ":").prefix(2).joined(separator: ":") }
        #expect(problems == (1...5).map { "\(file.path):\($0)" })
    }
}
