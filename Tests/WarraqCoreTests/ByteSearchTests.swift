import Testing
import WarraqCore

@Suite("Byte search")
struct ByteSearchTests {
    @Test("a substring is searched in place: its offsets are those of the same text as a string")
    func substringOffsets() {
        let line = "  [ad_1]قال المتحدث [ad_1][ad_1] إن الاجتماع [ad]انتهى [ad_1]"
        let slice = line.dropFirst(2).dropLast(3)
        for needle in ["[ad_1]", "[ad]", "ال", " ", "[ad_1][ad_1]", "غير موجود", ""] {
            #expect(ByteSearch.offsets(of: needle, in: slice) == ByteSearch.offsets(of: needle, in: String(slice)))
        }
        #expect(ByteSearch.offsets(of: "[ad_1]", in: slice) == [0, 28, 34])
    }
}
