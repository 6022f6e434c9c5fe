import Testing
import WarraqCore
@testable import WarraqFormats

/// How `inspect` tells what became of each source line from what the documents say.
@Suite("inspect: source line map")
struct InspectLineMapTests {
    let lines = [
        "عنوان الخبر الأول",                                   // 1 title
        "",                                                     // 2
        "[ad_1]",                                               // 3 removed: ad
        "موسكو-سانا بدأت المحادثات اليوم",                     // 4 dateline + paragraph 1
        "بين الطرفين في العاصمة",                               // 5 paragraph 1, wrapped
        "صورة من الاجتماع",                                     // 6 figure caption
        "خبر آخر ذو صلة",                                       // 7 related
        "سطر لا يطابق شيئا",                                    // 8 kept, matched to nothing
        "stray line between documents",                         // 9 unaccounted
        "Second  story title",                                  // 10 title of document 2 (spaces folded)
        "Share on Facebook",                                    // 11 removed: widget
        "Tags: economy, trade",                                 // 12 removed: metadata, keywords
    ]

    var documents: [Document] {
        [
            Document(
                id: "t#1", title: "عنوان الخبر الأول",
                dateline: Dateline(place: "موسكو", agency: "سانا", text: "موسكو-سانا"),
                origin: Origin(path: "t.txt", format: "scrape", lines: LineRange(1, 8)),
                body: [
                    .paragraph(Paragraph(text: "بدأت المحادثات اليوم بين الطرفين في العاصمة")),
                    .figure(Figure(caption: "صورة من الاجتماع")),
                ],
                related: [RelatedItem(title: "خبر آخر ذو صلة")],
                removed: [Removal(text: "[ad_1]", reason: .ad, lines: LineRange(line: 3))]
            ),
            Document(
                id: "t#2", title: "Second story title", keywords: ["economy", "trade"],
                origin: Origin(path: "t.txt", format: "scrape", lines: LineRange(10, 12)),
                removed: [
                    Removal(text: "Share on Facebook", reason: .widget, lines: LineRange(line: 11)),
                    Removal(text: "Tags: economy, trade", reason: .metadata, lines: LineRange(line: 12)),
                ]
            ),
        ]
    }

    @Test("each line is blank, removed with its reason, kept as a named part, or unaccounted")
    func fates() {
        let map = SourceLineMap(lines: lines, documents: documents)
        #expect(map.fates == [
            .kept(document: 0, parts: [.title]),
            .blank,
            .removed(document: 0, reason: .ad, field: nil),
            .kept(document: 0, parts: [.dateline, .block(0, "paragraph")]),
            .kept(document: 0, parts: [.block(0, "paragraph")]),
            .kept(document: 0, parts: [.block(1, "figure")]),
            .kept(document: 0, parts: [.related(0)]),
            .kept(document: 0, parts: []),
            .unaccounted,
            .kept(document: 1, parts: [.title]),
            .removed(document: 1, reason: .widget, field: nil),
            .removed(document: 1, reason: .metadata, field: .metadata("keywords")),
        ])
        #expect(map.kept == 7)
        #expect(map.removed == 3)
        #expect(map.blank == 1)
        #expect(map.unaccounted == 1)
        #expect(map.removedLinesByReason == [.ad: 1, .widget: 1, .metadata: 1])
    }

    @Test("ranges past the end of the input are cut to it, not trusted")
    func outOfRange() {
        let document = Document(
            id: "x#1", origin: Origin(path: "x", format: "scrape", lines: LineRange(1, 40)),
            removed: [Removal(text: "gone", reason: .footer, lines: LineRange(2, 90))]
        )
        let map = SourceLineMap(lines: ["kept", "gone"], documents: [document])
        #expect(map.fates == [.kept(document: 0, parts: []), .removed(document: 0, reason: .footer, field: nil)])
    }

    @Test("a long document's lines are matched in order, each to its own paragraph")
    func longDocument() {
        let paragraphs = (1...600).map { "paragraph number \($0) of a long text" }
        let document = Document(
            id: "long#1", origin: Origin(path: "long", format: "text", lines: LineRange(1, 600)),
            body: paragraphs.map { .paragraph(Paragraph(text: $0)) }
        )
        let map = SourceLineMap(lines: paragraphs, documents: [document])
        #expect(map.fates.enumerated().allSatisfy { $1 == .kept(document: 0, parts: [.block($0, "paragraph")]) })
    }

    @Test("the report's line runs: each document's range in line order and the lines between")
    func segments() {
        let runs = InspectReport.segments(documents.reversed(), lineCount: 13)
        #expect(runs.map(\.lines) == [0..<8, 8..<9, 9..<12, 12..<13])
        #expect(runs.map(\.document) == [1, nil, 0, nil])
    }
}
