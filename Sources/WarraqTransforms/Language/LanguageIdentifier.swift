/// Decides a text's language from a `LanguageScan`: the script with the most letters, then the
/// language that script's owner or word and letter scores name.
struct LanguageIdentifier: Sendable {
    let profiles: LanguageProfiles
    /// Fewer letters than this say nothing.
    var minimumLetters = 20

    init(profiles: LanguageProfiles = .builtIn) { self.profiles = profiles }

    func scan(maximumWords: Int) -> LanguageScan { LanguageScan(profiles: profiles, maximumWords: maximumWords) }

    /// The BCP 47 primary tag, or nil when the text is too short or its script unknown here.
    func identify(_ scan: LanguageScan) -> String? {
        guard let script = script(of: scan) else { return nil }
        if let owner = profiles.scriptLanguages[script] { return owner }
        var winner: Int?
        var winnerScore = 0.0
        for i in profiles.languages.indices where profiles.languages[i].script == script {
            let score = score(scan, i)
            if score > winnerScore {
                winner = i
                winnerScore = score
            }
        }
        return winner.map { profiles.languages[$0].code }
    }

    /// The language of one block of a document in `language`, when the block shows clearly that
    /// it is another: long enough (`block-min-words`), and either in another script than the
    /// document or, in the same script, scoring `block-margin` times the document's language,
    /// with at least `block-word-share` of its words in the other language's list.
    /// Nil when the block is in the document's language, or that cannot be told.
    func blockLanguage(_ block: LanguageScan, in document: LanguageScan, language: String) -> String? {
        let primary = Self.primaryTag(language)
        guard block.words >= profiles.blockMinimumWords, let code = identify(block), !agrees(primary: primary, with: code),
              let blockScript = script(of: block), let documentScript = script(of: document) else { return nil }
        if !Self.sameWritingSystem(blockScript, documentScript) { return code }
        guard let own = profiles.languages.firstIndex(where: { $0.script == blockScript && agrees(primary: primary, with: $0.code) }),
              let other = profiles.languages.firstIndex(where: { $0.code == code }) else { return nil }
        let clear = score(block, other) >= profiles.blockMargin * max(score(block, own), 1)
        return clear && Double(block.wordHits[other]) >= profiles.blockWordShare * Double(block.words) ? code : nil
    }

    /// The script with the most letters, when there are enough; Han or kana by their mix.
    private func script(of scan: LanguageScan) -> Script? {
        var best: Script?
        var bestCount = 0
        for script in Script.allCases where scan.letters(in: script) > bestCount {
            best = script
            bestCount = scan.letters(in: script)
        }
        guard let script = best, bestCount >= minimumLetters else { return nil }
        // Japanese mixes kana into Han; a tenth of kana is enough to tell it from Chinese.
        let kana = scan.letters(in: .kana), han = scan.letters(in: .han)
        if script == .han || script == .kana { return kana * 10 >= kana + han ? .kana : .han }
        return script
    }

    /// Japanese writes Han too: a block of kanji in a Japanese text is not in another script.
    private static func sameWritingSystem(_ a: Script, _ b: Script) -> Bool {
        a == b || (a == .han && b == .kana) || (a == .kana && b == .han)
    }

    /// The evidence for `profiles.languages[index]`: its words found, and words with its letters.
    private func score(_ scan: LanguageScan, _ index: Int) -> Double {
        Double(scan.wordHits[index]) + profiles.letterWeight * Double(scan.letterWords[index])
    }

    /// True when a declared tag (`nb-NO`) names the identified language (`no`) or an alias of it.
    func agrees(declared: String, with code: String) -> Bool {
        agrees(primary: Self.primaryTag(declared), with: code)
    }

    /// `agrees(declared:with:)` for a primary tag already taken out of the declared tag, as a
    /// document's blocks are judged against one tag.
    private func agrees(primary: String, with code: String) -> Bool {
        if primary == code { return true }
        return profiles.languages.first { $0.code == code }?.aliases.contains(primary) ?? false
    }

    private static func primaryTag(_ tag: String) -> String {
        tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
    }
}
