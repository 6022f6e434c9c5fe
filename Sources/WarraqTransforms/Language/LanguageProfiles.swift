import WarraqYAML

/// The languages the language transform knows, read from `Resources/languages.yaml`: which
/// script each is written in, its function words and its telling letters, compiled into hash
/// tables that the scan looks words up in without making strings.
struct LanguageProfiles: Sendable {
    struct Language: Sendable {
        var code: String
        var script: Script
        /// Other primary tags a page may declare for it (`nb` for `no`).
        var aliases: [String]
    }

    private(set) var languages: [Language] = []
    /// Word hash → the languages (bit i = `languages[i]`) that list the word.
    private(set) var words = WordTable()
    /// Letter → the languages it sets apart.
    private(set) var letters: [UInt32: UInt64] = [:]
    /// `letters` for U+0000…U+07FF (Latin, Greek, Cyrillic, Arabic), as a flat table; ASCII
    /// letters are too common to tell languages apart and mark none.
    private(set) var lowLetters: [UInt64] = []
    /// Scripts that one language owns.
    private(set) var scriptLanguages: [Script: String] = [:]
    private(set) var letterWeight = 0.5
    /// Words a heading, paragraph or quote needs before its own language is judged.
    private(set) var blockMinimumWords = 15
    /// How many times the document's language's score a block in the same script must reach
    /// for another language, and the share of its words that language's list must hold.
    private(set) var blockMargin = 2.0
    private(set) var blockWordShare = 0.2

    static let builtIn: LanguageProfiles = {
        // The built-in file is checked by the tests; a failure here is a build defect.
        try! LanguageProfiles(yaml: Array(EmbeddedData.files["languages.yaml"]!.utf8))
    }()

    init(yaml bytes: [UInt8]) throws {
        let root = try YAMLLoader.load(bytes)
        if let weight = root["letter-weight"]?.scalar {
            guard let value = Double(weight) else { throw YAMLError(line: root["letter-weight"]?.line, "letter-weight: expected a number") }
            letterWeight = value
        }
        if let margin = root["block-margin"] {
            guard let value = margin.scalar.flatMap({ Double($0) }), value >= 1 else { throw YAMLError(line: margin.line, "block-margin: expected a number of at least 1") }
            blockMargin = value
        }
        if let share = root["block-word-share"] {
            guard let value = share.scalar.flatMap({ Double($0) }), (0...1).contains(value) else { throw YAMLError(line: share.line, "block-word-share: expected a number from 0 to 1") }
            blockWordShare = value
        }
        if let words = root["block-min-words"] {
            guard let value = words.scalar.flatMap({ Int($0) }), value > 0 else { throw YAMLError(line: words.line, "block-min-words: expected a whole number above 0") }
            blockMinimumWords = value
        }
        for pair in root["scripts"]?.mapping ?? [] {
            guard let name = pair.key.scalar, let script = Script(name: name), let code = pair.value.scalar else {
                throw YAMLError(line: pair.key.line, "scripts: expected a script (\(Script.allCases.map(\.name).joined(separator: ", "))) and a language tag")
            }
            scriptLanguages[script] = code
        }
        for node in root["languages"]?.sequence ?? [] {
            guard let code = node["code"]?.scalar, let scriptName = node["script"]?.scalar, let script = Script(name: scriptName) else {
                throw YAMLError(line: node.line, "languages: each needs a code and a known script")
            }
            guard languages.count < 64 else { throw YAMLError(line: node.line, "languages: at most 64") }
            let bit = UInt64(1) << UInt64(languages.count)
            languages.append(Language(code: code, script: script, aliases: node["aliases"]?.sequence?.compactMap(\.scalar) ?? []))
            for word in (node["words"]?.scalar ?? "").split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                var hash = WordHash()
                for scalar in word.unicodeScalars { hash.add(LanguageScan.folded(scalar.value)) }
                words.add(hash.value, languages: bit)
            }
            for scalar in (node["letters"]?.scalar ?? "").unicodeScalars {
                letters[LanguageScan.folded(scalar.value), default: 0] |= bit
            }
        }
        lowLetters = (0..<0x800).map { $0 < 0x80 ? 0 : letters[UInt32($0)] ?? 0 }
    }
}

/// FNV-1a over a word's folded scalars.
struct WordHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    mutating func add(_ scalar: UInt32) {
        value = (value ^ UInt64(scalar)) &* 0x0000_0100_0000_01B3
    }
}
