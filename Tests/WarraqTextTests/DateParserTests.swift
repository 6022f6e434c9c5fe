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
    ])
    func parses(text: String, iso: String) {
        #expect(NewsDateParser.standard.parse(text)?.iso == iso)
    }

    @Test("no date is invented", arguments: ["48 ألف جندي", "عدد القراءات : 981", "31/02/20", "2024", "في 2013 وقعت مجزرة", "99 / 99 / 2018"])
    func refuses(text: String) {
        #expect(NewsDateParser.standard.parse(text) == nil)
    }
}
