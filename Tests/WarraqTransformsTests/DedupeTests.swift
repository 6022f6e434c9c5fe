import Testing
import WarraqCore
@testable import WarraqTransforms

@Suite("dedupe")
struct DedupeTests {
    private func dedupe(_ documents: [Document], _ options: String = "") throws -> (kept: [Document], setAside: [SetAsideDocument], notes: [String]) {
        try run(try DedupeTransform(options: FormatOptions(parsing: options)), documents)
    }

    @Test("within a document: the echoed title, the repeated caption and paragraph go to removed; short repeats stay")
    func withinDocument() throws {
        let document = try fixtureDocuments("repeats.jsonl")[0]
        let kept = try dedupe([document]).kept[0]
        #expect(kept.body.map(\.typeName) == ["figure", "paragraph", "paragraph", "paragraph", "paragraph"])
        #expect(kept.body.filter { $0.plainText == "اقرأ أيضا" }.count == 2)
        #expect(kept.removed.map(\.reason) == [.duplicate, .duplicate, .duplicate])
        #expect(kept.removed.map(\.text) == [document.body[0].plainText, document.body[3].plainText, document.body[7].plainText])
        // Nothing lost: every dropped block is in removed.
        #expect(kept.body.count + kept.removed.count == document.body.count)
    }

    @Test("across a batch: an exact copy and a near copy (other dateline, trailing promo) are set aside naming the kept one")
    func acrossBatch() throws {
        let documents = try fixtureDocuments("dump-a.jsonl") + fixtureDocuments("dump-b.jsonl")
        let result = try dedupe(documents)
        #expect(result.kept.map(\.id) == ["dump-a#1", "dump-a#2", "dump-a#3", "dump-b#3"])
        #expect(result.setAside.map(\.document.id) == ["dump-b#1", "dump-b#2"])
        #expect(result.setAside.map(\.keptID) == ["dump-a#1", "dump-a#2"])
        #expect(result.setAside.allSatisfy { $0.channel == "duplicates" && $0.reason == "duplicate" })
    }

    @Test("different articles on one subject are not matched, and a strict threshold keeps the near copy")
    func noFalseMatch() throws {
        let documents = try fixtureDocuments("dump-a.jsonl") + fixtureDocuments("dump-b.jsonl")
        // dump-a#1 and #3 are both Arabic ministry news; only exact copies go at threshold 1.
        #expect(try dedupe(documents, "threshold=1").setAside.map(\.document.id) == ["dump-b#2"])
        #expect(try dedupe(Array(documents.prefix(3))).setAside.isEmpty)
    }

    @Test("the same choice in every run and whichever copy comes first is the one kept")
    func deterministic() throws {
        let a = try fixtureDocuments("dump-a.jsonl"), b = try fixtureDocuments("dump-b.jsonl")
        let first = try dedupe(a + b), second = try dedupe(a + b)
        #expect(first.kept == second.kept)
        #expect(first.setAside == second.setAside)
        #expect(try dedupe(b + a).setAside.map(\.keptID) == ["dump-b#1", "dump-b#2"])
    }

    @Test("scope=document leaves the batch alone; scope=batch leaves blocks alone")
    func scopes() throws {
        let documents = try fixtureDocuments("dump-a.jsonl") + fixtureDocuments("dump-b.jsonl")
        #expect(try dedupe(documents, "scope=document").kept.count == 6)
        let repeats = try fixtureDocuments("repeats.jsonl")
        #expect(try dedupe(repeats, "scope=batch").kept[0].removed.isEmpty)
        #expect(throws: UsageError("transform 'dedupe': scope=all is not document, batch or both")) {
            try DedupeTransform(options: FormatOptions(parsing: "scope=all"))
        }
        #expect(throws: UsageError("transform 'dedupe': threshold=1.5 is not a number above 0 and at most 1")) {
            try DedupeTransform(options: FormatOptions(parsing: "threshold=1.5"))
        }
    }

    @Test("word hashes ignore case, punctuation, harakat, tatweel, letter variants and digit forms")
    func wordHashes() {
        #expect(WordHashes.of("قالَ الأمـــر: ١٢٣ مدرسة") == WordHashes.of("قال الامر 123 مدرسه"))
        #expect(WordHashes.of("The Plan, announced!") == WordHashes.of("the plan announced"))
        #expect(WordHashes.of("the plan") != WordHashes.of("the plans"))
    }
}
