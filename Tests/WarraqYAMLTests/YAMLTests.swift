import Foundation
import Testing
import WarraqCore
import WarraqFormats
import WarraqTestSupport
@testable import WarraqYAML

/// Documents whose every string field holds one tricky string.
func trickyDocuments() -> [Document] {
    trickyStrings.enumerated().map { index, text in
        Document(
            id: "tricky#\(index + 1)", title: text, date: text, dateText: text,
            dateline: Dateline(place: text, agency: text, text: text), authors: [text, "ok"], publisher: text,
            keywords: [text], origin: Origin(path: text, format: "scrape", lines: LineRange(index + 1, index + 2), sha256: text),
            body: [
                .heading(Heading(level: 2, text: text)), .paragraph(Paragraph(text: text)),
                .list(ListBlock(ordered: true, items: [ListItem(text: text)])), .table(Table(rows: [[text, text]])),
            ],
            related: [RelatedItem(title: text)], removed: [Removal(text: text, reason: .ad, lines: LineRange(line: 1))]
        )
    }
}

@Suite("YAML writer and reader")
struct YAMLTests {
    @Test("our YAML reader gives back the documents, and JSONL through YAML comes back byte for byte")
    func roundTrip() throws {
        let documents = trickyDocuments() + [everyKindDocument]
        let yaml = try render(documents, with: YAMLWriter())
        var reader = try YAMLReader(Input(path: "t.yaml", source: .bytes(yaml)))
        var back: [Document] = []
        while let document = try reader.next() { back.append(document) }
        #expect(reader.takeDiagnostics() == [])
        #expect(back == documents)
        #expect(try render(back, with: JSONLWriter()) == render(documents, with: JSONLWriter()))
    }

    @Test("PyYAML reads our YAML as exactly our JSON, and yamllint passes it")
    func clients() throws {
        guard Client.shouldRun(Client.python != nil) else { return }
        let python = try #require(Client.python)
        let directory = FileManager.default.temporaryDirectory.appending(path: "warraq-yaml-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let documents = trickyDocuments() + [everyKindDocument]
        let yaml = directory.appending(path: "out.yaml"), jsonl = directory.appending(path: "out.jsonl")
        try Data(render(documents, with: YAMLWriter())).write(to: yaml)
        try Data(render(documents, with: JSONLWriter())).write(to: jsonl)
        let check = try runProcess(python, [fixture("clients/check_yaml.py").path, yaml.path, jsonl.path])
        #expect(check.stdoutText == "ok\n", "\(check.stdoutText)\(check.stderr)")
        let lint = try runProcess(python, ["-m", "yamllint", "-d", "relaxed", yaml.path])
        #expect(lint.status == 0, "\(lint.stdoutText)")
        #expect(!lint.stdoutText.contains("error"))
    }

    @Test("strings a loader could misread are quoted; plain words are not", arguments: trickyStrings.prefix(40))
    func quoted(text: String) {
        #expect(YAMLScalarStyle.needsQuotes(text))
    }

    @Test("ordinary text stays plain", arguments: ["سمارت", "Reuters", "plain words here", "موسكو-سانا", "a:b", "x-y"])
    func plain(text: String) {
        #expect(!YAMLScalarStyle.needsQuotes(text))
    }

    @Test("a malformed document is reported with its line and skipped")
    func malformed() throws {
        let text = "---\nid: a#1\n...\n---\nid: [unclosed\n...\n"
        var reader = try YAMLReader(Input(path: "bad.yaml", source: .bytes(Array(text.utf8))))
        #expect(try reader.next()?.id == "a#1")
        #expect(try reader.next() == nil)
        let diagnostics = reader.takeDiagnostics()
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.description.hasPrefix("bad.yaml:") == true)
    }
}

let everyKindDocument = Document(
    id: "kinds#1", title: "كل الأنواع", language: "ar",
    body: [
        .heading(Heading(level: 3, text: "عنوان فرعي")),
        .paragraph(Paragraph(text: "فقرة مع رابط", inlines: [Inline(.text, "فقرة مع "), Inline(.link, "رابط", url: "https://example.org")])),
        .quote(Quote(text: "«اقتباس»", source: "متحدث")),
        .list(ListBlock(ordered: false, items: [ListItem(text: "أول", children: [.list(ListBlock(ordered: true, items: [ListItem(text: "داخلي")]))]), ListItem(text: "ثان")])),
        .figure(Figure(caption: "صورة", credit: "أ.ف.ب", src: "https://example.org/a <b>.jpg")),
        .embed(Embed(text: "تغريدة", url: "https://t.co/x")),
        .table(Table(rows: [["a", "b~~~"], ["ج", "د"]])),
    ]
)
