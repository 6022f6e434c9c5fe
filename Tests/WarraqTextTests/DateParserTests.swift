import Testing
@testable import WarraqText

@Suite("News date parser")
struct DateParserTests {
    @Test("dates in the forms pages print", arguments: [
        ("تاريخ النشر: 3rd, December 2024 GMT", "2024-12-03"),
        ("2016-12-16 15:24:14", "2016-12-16T15:24:14"),
        ("2025-11-02T09:30", "2025-11-02T09:30"),
        ("دمشق    21 / 07 / 2018", "2018-07-21"),
        ("21/07/2018", "2018-07-21"),
        ("الجمعة 16 ديسمبر/كانون الأول 2016", "2016-12-16"),
        ("١٢ كانون الثاني ٢٠٢٤", "2024-01-12"),
        ("۵ آذار ۲۰۲۳", "2023-03-05"),
        ("3 شباط 2020", "2020-02-03"),
        ("March 3, 2025", "2025-03-03"),
        ("Published on 14 Feb. 2023", "2023-02-14"),
        ("le 5 mars 2024", "2024-03-05"),
        ("الأحد 27 نوفمبر (تشرين الثاني) 2022", "2022-11-27"),
        ("05.01.2025, 15:23", "2025-01-05"),
        ("입력 2026.07.12 22:09", "2026-07-12T22:09"),
        ("渡辺洋介2025年1月13日 21時37分", "2025-01-13"),
        ("söndag 2 augusti 2026", "2026-08-02"),
        ("Publicerad 23 okt 2025 kl 10.23", "2025-10-23"),
        ("12. MÄR 2025 18:03", "2025-03-12"),
        ("2 lutego 2025", "2025-02-02"),
    ])
    func parses(text: String, iso: String) {
        #expect(NewsDateParser.standard.parse(text)?.iso == iso)
    }

    @Test("no date is invented", arguments: ["48 ألف جندي", "عدد القراءات : 981", "31/02/20", "2024", "في 2013 وقعت مجزرة", "99 / 99 / 2018", "2025年13月1日", "1.2.3 2025"])
    func refuses(text: String) {
        #expect(NewsDateParser.standard.parse(text) == nil)
    }
}
