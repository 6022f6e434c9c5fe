import Testing
import WarraqCore
@testable import WarraqText

@Suite("Ad markers")
struct AdMarkerTests {
    @Test("a marker found twice in a line is removed once, both places spaced and the text folded again")
    func markerTwice() throws {
        let dump = "عنوان الخبر هنا\n\nقال المتحدث [ad_1]إن الاجتماع  انتهى[ad_1] مساء أمس بعد ساعات من النقاش الطويل في المدينة.\n"
        var reader = try ScrapeReader(Input(path: "ads.txt", source: .bytes(Array(dump.utf8))))
        var documents: [Document] = []
        while let document = try reader.next() { documents.append(document) }
        #expect(documents.flatMap(\.removed).filter { $0.reason == .ad }.map(\.text) == ["[ad_1]"])
        let paragraphs = documents.flatMap(\.body).compactMap { block -> String? in
            guard case .paragraph(let paragraph) = block else { return nil }
            return paragraph.text
        }
        #expect(paragraphs.last == "قال المتحدث إن الاجتماع انتهى مساء أمس بعد ساعات من النقاش الطويل في المدينة.")
        #expect(!paragraphs.contains { $0.contains("[ad") })
    }
}
