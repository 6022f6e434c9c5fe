import Testing
import WarraqCore

@Suite("Canonical JSON")
struct CanonicalJSONTests {
    @Test("writing, reading and writing again gives the same bytes and an equal document")
    func roundTrip() throws {
        let bytes = JSONWriter.bytes(everyFieldDocument.json)
        let back = try Document(json: JSONParser.parse(bytes))
        #expect(back == everyFieldDocument)
        #expect(JSONWriter.bytes(back.json) == bytes)
    }

    @Test("members come in the design's order and absent fields are left out")
    func memberOrder() throws {
        let minimal = Document(id: "x#1", title: "t", body: [.paragraph(Paragraph(text: "p"))])
        #expect(JSONWriter.string(minimal.json) == #"{"id":"x#1","title":"t","body":[{"type":"paragraph","text":"p"}]}"#)
        guard case .object(let members) = everyFieldDocument.json else {
            Issue.record("a document must be an object")
            return
        }
        #expect(members.map(\.key) == [
            "id", "title", "subtitle", "date", "dateText", "dateline", "authors", "publisher", "section",
            "language", "url", "keywords", "origin", "body", "related", "removed",
        ])
    }

    @Test("a block's language follows its text (and a quote's source), precedes its inlines, and is left out when nil")
    func blockLanguage() throws {
        let blocks: [Block] = [
            .heading(Heading(level: 2, text: "h", language: "en", inlines: [Inline(.text, "h")])),
            .paragraph(Paragraph(text: "p", language: "en")),
            .quote(Quote(text: "q", source: "s", language: "fa")),
            .paragraph(Paragraph(text: "p")),
        ]
        #expect(blocks.map { JSONWriter.string($0.json) } == [
            #"{"type":"heading","level":2,"text":"h","language":"en","inlines":[{"type":"text","text":"h"}]}"#,
            #"{"type":"paragraph","text":"p","language":"en"}"#,
            #"{"type":"quote","text":"q","source":"s","language":"fa"}"#,
            #"{"type":"paragraph","text":"p"}"#,
        ])
        #expect(try blocks.map { try Block(json: $0.json) } == blocks)
        #expect(blocks.map(\.language) == ["en", "en", "fa", nil])
    }

    @Test("non-ASCII stays raw UTF-8, slashes are not escaped, controls are")
    func escaping() {
        let text = JSONWriter.string(.string("سانا / \"q\" \\ \n\t\u{1}\u{7F}"))
        #expect(text == #""سانا / \"q\" \\ \n\t\u0001"# + "\u{7F}\"")
        #expect(!JSONWriter.string(everyFieldDocument.json).contains("\\u06"))
    }

    @Test("every byte that needs an escape gets it, wherever it falls in a sixteen-byte block or the last one")
    func escapingAtEveryOffset() {
        let named: [UInt8: String] = [0x22: #"\""#, 0x5C: #"\\"#, 0x0A: #"\n"#, 0x0D: #"\r"#, 0x09: #"\t"#, 0x08: #"\b"#, 0x0C: #"\f"#]
        for byte in Array(UInt8(0)..<0x20) + [0x22, 0x5C] {
            let escaped = named[byte] ?? "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
            for before in 0..<40 {
                let prefix = String(repeating: "é", count: before / 2) + String(repeating: "a", count: before % 2)
                let text = prefix + String(decoding: [byte], as: UTF8.self) + "z" + String(decoding: [byte], as: UTF8.self)
                #expect(JSONWriter.string(.string(text)) == "\"" + prefix + escaped + "z" + escaped + "\"")
            }
        }
    }

    @Test("bytes written straight from the document are the bytes of its JSONValue tree")
    func directWriting() {
        let documents = [everyFieldDocument, Document(id: "x#1", body: [.paragraph(Paragraph(text: "p", inlines: []))])]
        for document in documents {
            var direct: [UInt8] = Array("prefix ".utf8)
            document.writeJSON(into: &direct)
            #expect(direct == Array("prefix ".utf8) + JSONWriter.bytes(document.json))
        }
    }

    @Test("line ranges written straight out have the digits of their JSONValue tree", arguments: [
        LineRange(1, 1), LineRange(9, 10), LineRange(99, 1000), LineRange(123_456_789, Int.max),
    ])
    func directLineRange(range: LineRange) {
        var direct: [UInt8] = []
        range.writeJSON(into: &direct)
        #expect(direct == JSONWriter.bytes(range.json))
    }

    @Test("a document is one line")
    func oneLine() {
        #expect(!JSONWriter.bytes(everyFieldDocument.json).contains(0x0A))
    }

    @Test("Codable goes through the same canonical form")
    func codable() throws {
        let data = try JSONEncoderShim.encode(everyFieldDocument)
        #expect(try JSONDecoderShim.decode(data) == everyFieldDocument)
    }

    @Test("shape errors name the path to the bad member", arguments: [
        (#"{"title":"x"}"#, "missing required member 'id'"),
        (#"{"id":"a","titel":"x"}"#, "unknown member 'titel'"),
        (#"{"id":"a","body":[{"type":"paragraph"}]}"#, "body[0]: missing required member 'text'"),
        (#"{"id":"a","body":[{"type":"video","text":"x"}]}"#, "body[0].type: unknown block type 'video'"),
        (#"{"id":"a","origin":{"path":"p","format":"f","lines":[5,2]}}"#, "origin.lines: must be [first, last]"),
        (#"{"id":"a","authors":"x"}"#, "authors: must be an array of strings"),
        (#"{"id":"a","body":[{"type":"heading","level":9,"text":"x"}]}"#, "body[0].level: a heading needs a level"),
    ])
    func shapeErrors(json: String, expected: String) throws {
        do {
            _ = try Document(json: JSONParser.parse(json))
            Issue.record("accepted \(json)")
        } catch let error as JSONShapeError {
            #expect(error.description.hasPrefix(expected), "\(error)")
        }
    }
}
