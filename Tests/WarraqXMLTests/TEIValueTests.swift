import Testing
import WarraqCore
@testable import WarraqXML

/// The values TEI constrains, as Warraq derives them from a document.
@Suite("TEI values")
struct TEIValueTests {
    @Test("ids are ASCII NCNames, distinct for distinct document ids", arguments: [
        ("002_c99#2", "d_002_c99-2"), ("x.1#10", "d_x.1-10"),
        ("a/b c:d#1", "d_a_b_c_d_1_" + String(SHA256.hex("a/b c:d#1".utf8).prefix(12))),
        ("x-1", "d_x-1_" + String(SHA256.hex("x-1".utf8).prefix(12))),
    ])
    func ids(id: String, expected: String) {
        #expect(TEINames.xmlID(for: id) == expected)
    }

    @Test("ids of the fixtures never collide")
    func distinctIDs() {
        let ids = TEIFixtures.ids + ["x#1", "x_1#1", "x-1#1"]
        #expect(Set(ids.map(TEINames.xmlID)).count == Set(ids).count)
    }

    @Test("@when: XML Schema dates as precise as given, ASCII digits, real calendar values only", arguments: [
        ("2024", "2024"), ("2024-12", "2024-12"), ("2024-12-03", "2024-12-03"), ("2016-12-16T15:24", "2016-12-16T15:24:00"),
        ("2016-12-16T15:24:14.5Z", "2016-12-16T15:24:14.5Z"), ("2024-02-29T23:59+0300", "2024-02-29T23:59:00+03:00"),
        ("2024-12-03 10:15", "2024-12-03T10:15:00"), ("٢٠٢٤-١٢-٠٣", "2024-12-03"), ("2024-12-03T10", "2024-12-03"),
        ("2024-01-01T24:00:00", "2024-01-01"), ("2024-01-01T10:00:00+15:00", "2024-01-01"), ("2024-12-03T10:15:00-13:59", "2024-12-03"), ("2024-12-03T10:15:00+14:00", "2024-12-03T10:15:00+14:00"),
    ])
    func when(date: String, expected: String) {
        #expect(TEIDate.when(date) == expected)
    }

    @Test("no @when for what is not a date", arguments: ["2023-02-29", "2024-13-01", "0000-01-01", "3 December 2024", "", "20245-01-01", "2024-1-3"])
    func notWhen(date: String) {
        #expect(TEIDate.when(date) == nil)
    }

    @Test("addresses become URIs both checkers accept, meaning kept", arguments: [
        ("https://example.org/a", "https://example.org/a"), ("https://a.b/%zz", "https://a.b/%25zz"),
        ("https://a.b/#a#b", "https://a.b/#a%23b"), ("http://a.b/c?d=[1]", "http://a.b/c?d=%5B1%5D"),
        ("http://[::1]:8080/x", "http://[::1]:8080/x"), ("https://a.b/c d", "https://a.b/c%20d"),
        ("https://ar.wikipedia.org/wiki/سوريا", "https://ar.wikipedia.org/wiki/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7"),
        ("1a:b", "1a%3Ab"), ("HTTPS://A.B/%41", "https://A.B/%41"), ("http://a.b:port/", "http://a.b%3Aport/"),
    ])
    func pointer(address: String, expected: String) {
        #expect(TEIPointer.uri(address) == expected)
    }

    @Test("nothing to point at, no pointer", arguments: ["", "  ", "http:", "http://", "x:", "http://user@:/"])
    func noPointer(address: String) {
        #expect(TEIPointer.uri(address) == nil)
    }

    @Test("languages: the document's tag mended, else Arabic by script, else none")
    func language() {
        #expect(TEILanguage.tag(for: Document(id: "a", language: "ar_EG")) == "ar-EG")
        #expect(TEILanguage.tag(for: Document(id: "a", language: "en-GB")) == "en-GB")
        #expect(TEILanguage.tag(for: Document(id: "a", title: "خبر عاجل", language: "not a tag")) == "ar")
        #expect(TEILanguage.tag(for: Document(id: "a", title: "News")) == nil)
        #expect(TEILanguage.tag(for: Document(id: "a", language: "toolongsubtag")) == nil)
    }

    @Test("a letter's script by range agrees with the Unicode property on every scalar")
    func letterScript() {
        for value in 0...0x10FFFF {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let expected: TEILanguage.LetterScript? = switch scalar.value {
            case _ where !scalar.properties.isAlphabetic: nil
            case 0x0600...0x06FF, 0x0750...0x077F, 0x0870...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: .arabic
            default: .other
            }
            if TEILanguage.letterScript(scalar) != expected { Issue.record("U+\(String(value, radix: 16))") }
        }
    }

    @Test("tokens hold no white space or controls")
    func token() {
        #expect(TEINames.token("custom reason\u{1}") == "custom-reason-")
        #expect(TEINames.token("") == "unknown")
        #expect(TEINames.token("إعلان") == "إعلان")
    }
}
