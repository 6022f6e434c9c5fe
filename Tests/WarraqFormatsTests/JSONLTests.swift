import Testing
import WarraqCore
import WarraqFormats
import WarraqTestSupport

@Suite("JSON Lines reader and writer")
struct JSONLTests {
    @Test("reading and writing again reproduces the bytes")
    func roundTrip() throws {
        let original = try Input.file(fixture("cli/two-docs.jsonl").path).readAll()
        var reader = try JSONLReader(Input(path: "two-docs.jsonl", source: .bytes(original)))
        var writer = JSONLWriter()
        var out: [UInt8] = []
        while let document = try reader.next() { try writer.write(document, into: &out) }
        #expect(out == original)
        #expect(reader.takeDiagnostics().isEmpty)
    }

    @Test("a block's language is read back, and written again in its place")
    func blockLanguage() throws {
        let line = #"{"id":"x#1","language":"ar","body":[{"type":"paragraph","text":"The plan","language":"en"},{"type":"quote","text":"ما باید","source":"وزیر","language":"fa"},{"type":"paragraph","text":"نص"}]}"# + "\n"
        var reader = try JSONLReader(Input(path: "x.jsonl", source: .bytes(Array(line.utf8))))
        let document = try #require(try reader.next())
        #expect(document.body.map(\.language) == ["en", "fa", nil])
        var writer = JSONLWriter()
        var out: [UInt8] = []
        try writer.write(document, into: &out)
        #expect(String(decoding: out, as: UTF8.self) == line)
    }

    @Test("a malformed line is reported with its line number and skipped; the rest is read")
    func malformed() throws {
        var reader = try JSONLReader(.file(fixture("cli/malformed.jsonl").path))
        var titles: [String?] = []
        while let document = try reader.next() { titles.append(document.title) }
        #expect(titles == ["good before", "good after"])
        let messages = reader.takeDiagnostics().map { "\($0.line ?? 0): \($0.message)" }
        #expect(messages == [
            "2: not JSON: column 22: unexpected character",
            "3: not a Warraq document: unknown member 'titel'",
        ])
    }

    @Test("blank lines and a BOM on the first line are tolerated")
    func tolerant() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\"id\":\"a#1\"}\n\n  \n{\"id\":\"a#2\"}".utf8)
        var reader = try JSONLReader(Input(path: "x.jsonl", source: .bytes(bytes)))
        #expect(try reader.next()?.id == "a#1")
        #expect(try reader.next()?.id == "a#2")
        #expect(try reader.next() == nil)
    }
}

@Suite("Plain text reader")
struct PlainTextTests {
    @Test("one document, a paragraph per blank-line-separated block, with provenance")
    func paragraphs() throws {
        var reader = try PlainTextReader(.file(fixture("cli/batch/a.text").path))
        let document = try #require(try reader.next())
        #expect(document.id == "a#1")
        #expect(document.body == [
            .paragraph(Paragraph(text: "عنوان أول")),
            .paragraph(Paragraph(text: "فقرة أولى من النص. تكملة الفقرة الأولى.")),
            .paragraph(Paragraph(text: "فقرة ثانية.")),
        ])
        #expect(document.origin?.lines == LineRange(1, 6))
        #expect(document.origin?.format == "text")
        #expect(document.origin?.sha256?.count == 64)
        #expect(try reader.next() == nil)
    }

    @Test("invalid UTF-8 is repaired and reported as a warning")
    func repair() throws {
        var reader = try PlainTextReader(Input(path: "bad.text", source: .bytes(Array("ok ".utf8) + [0xC0])))
        #expect(try reader.next()?.body == [.paragraph(Paragraph(text: "ok \u{FFFD}"))])
        #expect(reader.takeDiagnostics().map(\.description) == ["bad.text: warning: invalid UTF-8 at byte 3, replaced with U+FFFD"])
    }
}
