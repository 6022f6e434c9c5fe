import Testing
import WarraqCore
@testable import WarraqTransforms

@Suite("filter")
struct FilterTests {
    let documents = [
        Document(id: "a#1", title: "خبر", date: "2024-05-01", language: "ar", body: [paragraph("قال الوزير اليوم إن الخطة جاهزة")]),
        Document(id: "b#1", language: "fa-IR", body: [paragraph("وزیر گفت که برنامه آماده است")]),
        Document(id: "c#1", title: "Note", language: "en", body: [paragraph("Short.")]),
    ]

    private func filter(_ options: String) throws -> (kept: [String], rejected: [String]) {
        let result = try run(try FilterTransform(options: FormatOptions(parsing: options)), documents)
        #expect(result.setAside.allSatisfy { $0.channel == "rejected" })
        return (result.kept.map(\.id), result.setAside.map { "\($0.document.id) \($0.reason)" })
    }

    @Test("each condition keeps what meets it and rejects the rest with the reason")
    func conditions() throws {
        #expect(try filter("min-words=3") == (["a#1", "b#1"], ["c#1 min-words: 2 < 3"]))
        #expect(try filter("language=ar+fa") == (["a#1", "b#1"], ["c#1 language: en"]))
        #expect(try filter("has-date") == (["a#1"], ["b#1 has-date", "c#1 has-date"]))
        #expect(try filter("has-title") == (["a#1", "c#1"], ["b#1 has-title"]))
        #expect(try filter("language=ar,has-title") == (["a#1"], ["b#1 language: fa-IR", "c#1 language: en"]))
        #expect(try filter("") == (["a#1", "b#1", "c#1"], []))
    }

    @Test("options: unknown names and bad values are usage errors naming them")
    func options() {
        #expect(throws: UsageError("transform 'filter' has no option 'max-words' (known: min-words, language, has-date, has-title)")) {
            try FilterTransform(options: FormatOptions(parsing: "max-words=3"))
        }
        #expect(throws: UsageError("transform 'filter': min-words=many is not a whole number from 0 to \(Int.max)")) {
            try FilterTransform(options: FormatOptions(parsing: "min-words=many"))
        }
    }
}
