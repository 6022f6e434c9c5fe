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
        var best: Script?
        var bestCount = 0
        for script in Script.allCases where scan.letters(in: script) > bestCount {
            best = script
            bestCount = scan.letters(in: script)
        }
        guard var script = best, bestCount >= minimumLetters else { return nil }
        // Japanese mixes kana into Han; a tenth of kana is enough to tell it from Chinese.
        let kana = scan.letters(in: .kana), han = scan.letters(in: .han)
        if script == .han || script == .kana { script = kana * 10 >= kana + han ? .kana : .han }
        if let owner = profiles.scriptLanguages[script] { return owner }
        var winner: String?
        var winnerScore = 0.0
        for (i, language) in profiles.languages.enumerated() where language.script == script {
            let score = Double(scan.wordHits[i]) + profiles.letterWeight * Double(scan.letterWords[i])
            if score > winnerScore {
                winner = language.code
                winnerScore = score
            }
        }
        return winner
    }

    /// True when a declared tag (`nb-NO`) names the identified language (`no`) or an alias of it.
    func agrees(declared: String, with code: String) -> Bool {
        let primary = declared.split(separator: "-").first.map { $0.lowercased() } ?? ""
        if primary == code { return true }
        return profiles.languages.first { $0.code == code }?.aliases.contains(primary) ?? false
    }
}
