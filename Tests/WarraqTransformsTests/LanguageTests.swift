import Testing
import WarraqCore
@testable import WarraqTransforms

@Suite("language")
struct LanguageTests {
    private func tagged(_ documents: [Document], _ options: String = "") throws -> [String?] {
        try run(try LanguageTransform(options: FormatOptions(parsing: options)), documents).kept.map(\.language)
    }

    @Test("our samples: Arabic-script languages told apart (ar, fa, ur, ckb) and Latin-script ones (en, fr, de)")
    func samples() throws {
        let documents = try fixtureDocuments("languages.jsonl")
        let expected = documents.map { String($0.id.dropFirst("sample-".count).prefix { $0 != "#" }) }
        #expect(expected == ["ar", "fa", "ur", "ckb", "en", "fr", "de"])
        #expect(try tagged(documents) == expected)
    }

    @Test("Japanese by its kana, Korean by Hangul, Russian and Ukrainian by their letters and words")
    func otherScripts() throws {
        let texts = [
            "ja": "東京都は月曜日、新しい経済対策を発表しました。都によりますと、対策には中小企業への支援が含まれています。",
            "zh": "东京都星期一宣布了新的经济措施，其中包括对中小企业的支持，并将在明年开始实施这项计划。",
            "ko": "서울시는 월요일 새로운 경제 대책을 발표했습니다. 대책에는 중소기업 지원이 포함되어 있습니다.",
            "ru": "Министр заявил в понедельник, что правительство готовит новый план для поддержки экономики, который был объявлен на прошлой неделе.",
            "uk": "Міністр заявив у понеділок, що уряд готує новий план для підтримки економіки, який було оголошено минулого тижня.",
        ]
        for (code, text) in texts.sorted(by: { $0.key < $1.key }) {
            #expect(try tagged([Document(id: "\(code)#1", body: [paragraph(text)])]) == [code])
        }
    }

    @Test("a declared tag that agrees is kept (en-GB, nb for no); one the text contradicts is replaced")
    func declared() throws {
        let english = try fixtureDocuments("languages.jsonl")[4]
        var british = english
        british.language = "en-GB"
        var wrong = english
        wrong.language = "fr"
        let norwegian = Document(id: "no#1", language: "nb-NO", body: [paragraph(
            "Det er ikke lett å si hva som skjer nå, sier han, men vi skal gjøre det vi kan for å hjelpe dem som har blitt rammet av flommen i år, og det blir mye arbeid etter dette."
        )])
        #expect(try tagged([british, wrong, norwegian]) == ["en-GB", "en", "nb-NO"])
        #expect(try tagged([wrong], "keep-declared") == ["fr"])
    }

    @Test("too little text never overrides the page, and a document with no letters is 'und'")
    func shortText() throws {
        let title = Document(id: "t#1", title: "Le plan du gouvernement", language: "en")
        let digits = Document(id: "d#1", body: [paragraph("2024 — 15:30")])
        #expect(try tagged([title, digits]) == ["en", "und"])
        #expect(try tagged([title], "min-words=3") == ["fr"])
    }

    /// An Arabic article around the given blocks, long enough to be Arabic whatever they are.
    private func arabicArticle(_ blocks: [Block]) -> Document {
        let arabic = "قال وزير الخارجية في مؤتمر صحفي عقده اليوم في القاهرة إن الحكومة تعمل على إعداد خطة جديدة لدعم الاقتصاد الوطني خلال الأشهر المقبلة، وأضاف أن الخطة ستعرض على البرلمان قبل نهاية العام."
        return Document(id: "article#1", title: "خطة حكومية جديدة لدعم الاقتصاد", body: [paragraph(arabic)] + blocks + [paragraph(arabic)])
    }

    private func blockLanguages(_ document: Document) throws -> [String?] {
        let kept = try run(try LanguageTransform(options: FormatOptions()), [document]).kept
        #expect(kept.map(\.language) == ["ar"])
        return kept.first?.body.map(\.language) ?? []
    }

    @Test("an English paragraph in an Arabic article is tagged en; the Arabic ones are left untagged")
    func englishParagraph() throws {
        let english = paragraph("The minister told reporters that the government would present the plan to parliament before the end of the year, and that it had been discussed with the central bank.")
        #expect(try blockLanguages(arabicArticle([english])) == [nil, "en", nil])
    }

    @Test("a Persian quote in an Arabic article is tagged fa, in the same script")
    func persianQuote() throws {
        let quote = Block.quote(Quote(text: "ما باید با همه کشورهای منطقه برای حل این بحران همکاری کنیم و این کار را هر چه زودتر آغاز کنیم، زیرا مردم دیگر نمی توانند صبر کنند.", source: "وزیر خارجه"))
        #expect(try blockLanguages(arabicArticle([quote])) == [nil, "fa", nil])
    }

    @Test("blocks too short to judge are not tagged, nor a list's items, a figure or an embed")
    func shortBlocks() throws {
        let blocks: [Block] = [
            paragraph("Reuters contributed to this report."),
            .quote(Quote(text: "ما باید صبر کنیم")),
            .heading(Heading(level: 2, text: "Markets and the central bank")),
            .list(ListBlock(items: [ListItem(text: "The minister told reporters that the government would present the plan to parliament before the end of the year.")])),
            .figure(Figure(caption: "The minister told reporters that the government would present the plan to parliament before the end of the year.")),
        ]
        #expect(try blockLanguages(arabicArticle(blocks)) == [nil, nil, nil, nil, nil, nil, nil])
    }

    @Test("a block in a close language of the same script is not tagged without a clear margin (Danish in Norwegian)")
    func closeLanguages() throws {
        let norwegian = "Det er ikke lett å si hva som skjer nå, sier han, men vi skal gjøre det vi kan for å hjelpe dem som har blitt rammet av flommen i år, og det blir mye arbeid etter dette."
        let document = Document(id: "no#1", language: "no", body: [paragraph(norwegian), paragraph(norwegian)])
        let kept = try run(try LanguageTransform(options: FormatOptions()), [document]).kept
        #expect(kept.first?.body.map(\.language) == [nil, nil])
    }

    @Test("the declared languages the text contradicted are reported")
    func notes() throws {
        var document = try fixtureDocuments("languages.jsonl")[0]
        document.language = "en"
        #expect(try run(try LanguageTransform(options: FormatOptions()), [document]).notes == [
            "language: declared language replaced in 1 documents: sample-ar#1 en → ar",
        ])
    }

    @Test("options: unknown names and bad numbers are usage errors")
    func options() {
        #expect(throws: UsageError("transform 'language' has no option 'model' (known: max-words, min-words, keep-declared)")) {
            try LanguageTransform(options: FormatOptions(parsing: "model=big"))
        }
        #expect(throws: UsageError("transform 'language': max-words=0 is not a whole number from 1 to 1000000")) {
            try LanguageTransform(options: FormatOptions(parsing: "max-words=0"))
        }
    }

    @Test("the built-in profiles load: every language has words, and codes are unique")
    func profiles() {
        let profiles = LanguageProfiles.builtIn
        #expect(profiles.languages.count == 30)
        #expect(Set(profiles.languages.map(\.code)).count == profiles.languages.count)
        #expect(profiles.scriptLanguages[.kana] == "ja")
        #expect(profiles.blockMinimumWords == 15)
        #expect(throws: (any Error).self) { try LanguageProfiles(yaml: Array("block-min-words: none".utf8)) }
        #expect(throws: (any Error).self) { try LanguageProfiles(yaml: Array("block-margin: 0.5".utf8)) }
    }
}
