import WarraqCore

/// A document that uses every field and every block kind, with text that stresses JSON escaping.
let everyFieldDocument = Document(
    id: "dump_01#2",
    title: "الكرملين: علاقتنا مع دمشق \"استراتيجية\"",
    subtitle: "عنوان فرعي",
    date: "2024-12-03",
    dateText: "تاريخ النشر: 3rd, December 2024 GMT",
    dateline: Dateline(place: "موسكو", agency: "سانا", text: "موسكو-سانا"),
    authors: ["رائد جبر", "Jane Doe"],
    publisher: "موقع 24",
    section: "أخبار سورية",
    language: "ar",
    url: "https://example.org/news/1?a=b&c=d",
    keywords: ["سوريا", "روسيا"],
    origin: Origin(path: "dumps/dump_01.txt", format: "scrape", lines: LineRange(3, 17), sha256: String(repeating: "ab", count: 32)),
    body: [
        .heading(Heading(level: 2, text: "عنوان")),
        .paragraph(Paragraph(text: "سطر\tمع\nفواصل \\ و / و \u{1} و \u{200F}", inlines: [
            Inline(.text, "سطر\tمع\nفواصل \\ و / و \u{1} و "),
            Inline(.link, "\u{200F}", url: "https://t.co/x"),
        ])),
        .quote(Quote(text: "«نحافظ على علاقات»", source: "بوتين", language: "fa")),
        .list(ListBlock(ordered: true, items: [
            ListItem(text: "أول"),
            ListItem(text: "ثان", children: [.list(ListBlock(items: [ListItem(text: "nested")]))]),
        ])),
        .figure(Figure(caption: "قوات روسية", credit: "أ.ف.ب", src: "https://example.org/a.jpg")),
        .embed(Embed(text: "pic.twitter.com/abc", url: "https://t.co/bpn")),
        .table(Table(rows: [["a", "b"], ["ج", "د"]])),
    ],
    related: [RelatedItem(title: "تركيا تؤكد", section: "المشرق العربي", author: "سعيد", url: "https://example.org/2")],
    removed: [Removal(text: "[ad_1]", reason: .ad, lines: LineRange(line: 3))]
)
