import Testing
import WarraqCore
@testable import WarraqText

@Suite("Datelines at the start of a line")
struct DatelineParserTests {
    let parser = DatelineParser(profile: .builtIn)

    @Test("datelines are found, the text after them folded", arguments: [
        ("سمارت ــ تركيا", Dateline(place: "تركيا", agency: "سمارت", text: "سمارت ــ تركيا"), ""),
        ("القاهرة (رويترز) - أعلنت الحكومة اليوم", Dateline(place: "القاهرة", agency: "رويترز", text: "القاهرة (رويترز) -"), "أعلنت الحكومة اليوم"),
        ("LONDON (Reuters) -  Shares  rose", Dateline(place: "LONDON", agency: "Reuters", text: "LONDON (Reuters) -"), "Shares rose"),
        ("حلب ــ سانا   قال مصدر", Dateline(place: "حلب", agency: "سانا", text: "حلب ــ سانا"), "قال مصدر"),
        ("الأناضول – ريف إدلب قصف مدفعي", Dateline(place: "ريف إدلب", agency: "الأناضول", text: "الأناضول – ريف إدلب"), "قصف مدفعي"),
        ("موسكو-سانا أعلن  الكرملين", Dateline(place: "موسكو", agency: "سانا", text: "موسكو-سانا"), "أعلن الكرملين"),
        // Tatweel under a vowel sign draws out a letter; the dash comes after the place.
        ("القـَاهرة - سانا النص", Dateline(place: "القـَاهرة", agency: "سانا", text: "القـَاهرة - سانا"), "النص"),
    ])
    func found(raw: String, dateline: Dateline, rest: String) {
        let parsed = parser.parse(raw[...])
        #expect(parsed?.dateline == dateline)
        #expect(parsed?.rest == rest)
    }

    /// Only a line's first words can hold a dateline: a dash or bracket further on, a dash
    /// line or an unknown agency is no dateline, however long the line.
    @Test("lines without a dateline are turned away", arguments: [
        "قال مصدر في حلب - سانا",
        "- - - - - - - - - - - - - - - -",
        "اقرأ أيضا - - - - - - - - - - - -",
        String(repeating: "كلمة ", count: 80) + "- سانا",
        String(repeating: "ـ", count: 300),
        "LONDON (Reuters and its partners) - Shares rose",
        "حلب ــ مراسلنا قال",
        "Hello, world (Reuters) - text",
    ])
    func turnedAway(raw: String) {
        #expect(parser.parse(raw[...]) == nil)
    }
}
