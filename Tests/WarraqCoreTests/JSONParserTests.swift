import Testing
import WarraqCore

@Suite("JSON parser")
struct JSONParserTests {
    @Test("parses every kind of value and keeps member order")
    func values() throws {
        let value = try JSONParser.parse(#" {"z":1,"a":[true,false,null,-0.5e+3,"\u0633\ud83d\ude00\/"]} "#)
        #expect(value == .object([
            JSONMember("z", .number("1")),
            JSONMember("a", .array([.bool(true), .bool(false), .null, .number("-0.5e+3"), .string("س😀/")])),
        ]))
    }

    @Test("rejects what RFC 8259 rejects, saying where", arguments: [
        ("{\"a\":1,}", 7), ("[1 2]", 3), ("\"tab\there\"", 4), ("01", 1), ("{'a':1}", 1),
        ("[1]x", 3), ("\"\\x\"", 2), ("", 0), ("[", 1), ("nul", 0),
    ])
    func rejects(text: String, offset: Int) {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(text) }
        do { _ = try JSONParser.parse(text) } catch { #expect(error.offset == offset, "\(text): \(error)") }
    }

    @Test("rejects invalid UTF-8 inside strings")
    func invalidUTF8() {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
    }

    @Test("refuses nesting deeper than the cap instead of overflowing the stack")
    func depth() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(deep) }
        let fine = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(throws: Never.self) { try JSONParser.parse(fine) }
    }
}

@Suite("JSON parser strings")
struct JSONParserStringTests {
    @Test("strings with and without escapes, ASCII or not, read as their text", arguments: [
        (#""plain""#, "plain"), (#""مقال""#, "مقال"), (#""a\nb""#, "a\nb"), (#""مقال\u0020خبر""#, "مقال خبر"), (#""""#, ""),
    ])
    func strings(json: String, text: String) throws {
        #expect(try JSONParser.parse(json) == .string(text))
    }

    @Test("invalid UTF-8 after an escape is rejected too")
    func invalidAfterEscape() {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse([0x22, 0x5C, 0x6E, 0xC3, 0x28, 0x22]) }
    }
}

@Suite("JSON parser keeping members")
struct JSONParserKeepingTests {
    /// The slow rule: the whole value, with the members not kept taken out of every object.
    static func pruned(_ value: JSONValue, _ kept: [String]) -> JSONValue {
        switch value {
        case .object(let members): .object(members.filter { kept.contains($0.key) }.map { JSONMember($0.key, pruned($0.value, kept)) })
        case .array(let items): .array(items.map { pruned($0, kept) })
        default: value
        }
    }

    static let kept = ["@type", "name", "author"]

    @Test("the value is the whole value without the members left out, at any depth", arguments: [
        #"{"@type":"NewsArticle","headline":"x","author":[{"@type":"Person","name":"س","url":"\/a"}],"n":[1,-2.5e3,true,null,{"name":"deep"}]}"#,
        #"[{"name":"a","x":{"name":"b"}},{"other":"\u0633"},"s",3]"#,
        #"{"name":{"name":{"skip":[[[]]],"author":"k"}}}"#, #""plain""#, "[]", "{}",
    ])
    func keeps(json: String) throws {
        #expect(try JSONParser.parse(json, keepingMembers: Self.kept) == Self.pruned(try JSONParser.parse(json), Self.kept))
    }

    @Test("a member left out is checked as strictly, with the same error", arguments: [
        #"{"x":[1,2,]}"#, #"{"x":"\uZZZZ"}"#, #"{"x":01}"#, #"{"x":{"y" 1}}"#, "{\"x\":\"tab\there\"}", #"{"x":nul}"#, #"{"x":"a"#,
    ])
    func rejects(json: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(json, keepingMembers: Self.kept) }
        var whole: JSONParser.SyntaxError?
        do { _ = try JSONParser.parse(json) } catch { whole = error }
        do { _ = try JSONParser.parse(json, keepingMembers: Self.kept) } catch { #expect(error == whole) }
    }

    @Test("nesting inside a member left out counts toward the cap")
    func depth() {
        let deep = #"{"x":"# + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "}"
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(deep, keepingMembers: Self.kept) }
    }
}
