import Testing
@testable import WarraqText

@Suite("Folding copies unchanged text through and folds the rest as the rules say")
struct FoldingTests {
    /// Lines long enough for the copied runs, with what ends a run: capitals, hamza forms of
    /// alef, teh marbuta, diacritics and tatweel after a space, doubled and other white space,
    /// Arabic-Indic digits, spaces at the ends.
    static let lines = [
        "أعلنت الحكومة اليوم أن المحادثات مستمرة في العاصمة حتى نهاية الأسبوع المقبل",
        "قال المتحدث  باسم الوزارة \u{064B}إن الاجتماع ــ المقبل سيعقد في ١٢ كانون الثاني ٢٠٢٤",
        "LONDON (Reuters) - Shares rose\tas markets opened \u{A0}on Monday after the holiday ",
        "  الرئيس\u{200C}قال إن الاتفاق \u{0640}سيوقع مطلع الشهر المقبل في القاهرة والرياض معا \u{2003}",
        "ÉCOLE Ωmega مدرسة \u{0670}الفنون والآداب على مستوى المنطقة كلها والعالم العربي ايضا ى",
        "word word word word word word word word word word word word word word word \u{0650}",
    ]

    @Test("the fold is the rules' fold worked out scalar by scalar", arguments: lines)
    func foldsByTheRules(line: String) {
        #expect(Folding.fold(line) == FoldedLineTests.foldedScalars(line))
    }

    @Test("a fold stopped at a limit is the whole fold up to the scalar that reaches it, and the fold of what it read", arguments: lines)
    func stopsAtTheLimit(line: String) {
        let whole = Array(Folding.fold(line).utf8)
        var bytes = line
        bytes.withUTF8 { bytes in
            for limit in 1...whole.count + 2 {
                Folding.withFold(bytes, limit: limit) { folded, read in
                    // A space is put only with the scalar after it.
                    var end = min(limit, whole.count)
                    while end < whole.count, whole[end] & 0xC0 == 0x80 || whole[end - 1] == 0x20 { end += 1 }
                    #expect(Array(folded) == Array(whole[..<end]), "limit \(limit)")
                    let foldOfRead = Folding.fold(String(decoding: UnsafeBufferPointer(rebasing: bytes[..<read]), as: UTF8.self))
                    #expect(Array(foldOfRead.utf8) == Array(folded), "limit \(limit)")
                }
            }
        }
    }
}
