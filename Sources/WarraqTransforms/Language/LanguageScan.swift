import WarraqCore

/// What the language transform counts over a text's first words, on its UTF-8 bytes: letters by
/// script, words each language lists, and words holding each language's telling letters.
struct LanguageScan {
    private(set) var scripts = [Int](repeating: 0, count: Script.allCases.count)
    private(set) var wordHits: [Int]
    private(set) var letterWords: [Int]
    private(set) var words = 0
    let maximumWords: Int
    private let profiles: LanguageProfiles

    init(profiles: LanguageProfiles, maximumWords: Int) {
        self.profiles = profiles
        self.maximumWords = maximumWords
        wordHits = [Int](repeating: 0, count: profiles.languages.count)
        letterWords = wordHits
    }

    var isFull: Bool { words >= maximumWords }

    /// What U+0000…U+07FF are to a word, one table look-up per scalar of the scan: a letter's
    /// folded value (`folded`) in the low 16 bits and its script's raw value plus one above them;
    /// `insideWordBit` for the marks a word keeps going through; 0 for a separator.
    private static let lowScalars: [UInt32] = (UInt32(0)..<0x800).map { value in
        if let script = Script(value) { return folded(value) | UInt32(script.rawValue + 1) << 16 }
        return isInsideWord(value) ? insideWordBit : 0
    }
    private static let insideWordBit: UInt32 = 1 << 24

    /// Back to no text read, keeping the storage: one scan is reused block after block.
    mutating func reset() {
        for i in scripts.indices { scripts[i] = 0 }
        for i in wordHits.indices {
            wordHits[i] = 0
            letterWords[i] = 0
        }
        words = 0
    }

    /// Adds another scan's counts (of a block) to these (of its document).
    mutating func add(_ other: LanguageScan) {
        for i in scripts.indices { scripts[i] += other.scripts[i] }
        for i in wordHits.indices {
            wordHits[i] += other.wordHits[i]
            letterWords[i] += other.letterWords[i]
        }
        words += other.words
    }

    func letters(in script: Script) -> Int { scripts[script.rawValue] }

    mutating func scan(_ text: String) {
        guard !isFull else { return }
        var text = text
        // Moved into locals and back: the loop runs for every letter and writes them in place.
        var scripts: [Int] = [], wordHits: [Int] = [], letterWords: [Int] = []
        swap(&scripts, &self.scripts)
        swap(&wordHits, &self.wordHits)
        swap(&letterWords, &self.letterWords)
        var words = self.words
        let maximumWords = self.maximumWords
        let profiles = self.profiles
        text.withUTF8 { bytes in
            scripts.withUnsafeMutableBufferPointer { scripts in
                wordHits.withUnsafeMutableBufferPointer { wordHits in
                    letterWords.withUnsafeMutableBufferPointer { letterWords in
                        profiles.words.withLookup { wordLanguages in
                            profiles.lowLetters.withUnsafeBufferPointer { lowLetters in
                                Self.lowScalars.withUnsafeBufferPointer { lowScalars in
                                    var hash = WordHash()
                                    var length = 0
                                    var marks: UInt64 = 0
                                    var i = 0
                                    let n = bytes.count
                                    while i < n {
                                        let value = UTF8Scalars.next(bytes, at: &i)
                                        // Letter, inside-word mark or separator, by table below U+0800.
                                        let letter: (script: Int, folded: UInt32)?
                                        if value < 0x800 {
                                            let role = lowScalars[Int(value)]
                                            if role & Self.insideWordBit != 0 { continue }
                                            let script = Int(role >> 16)
                                            letter = script == 0 ? nil : (script - 1, role & 0xFFFF)
                                        } else if let script = Script(value) {
                                            letter = (script.rawValue, Self.folded(value))
                                        } else {
                                            if Self.isInsideWord(value) { continue }
                                            letter = nil
                                        }
                                        if let (script, folded) = letter {
                                            scripts[script] &+= 1
                                            hash.add(folded)
                                            length &+= 1
                                            marks |= folded < 0x800 ? lowLetters[Int(folded)] : profiles.letters[folded] ?? 0
                                        } else if length > 0 {
                                            Self.count(wordLanguages.languages(hash.value), into: wordHits)
                                            Self.count(marks, into: letterWords)
                                            words += 1
                                            hash = WordHash()
                                            length = 0
                                            marks = 0
                                            if words >= maximumWords { return }
                                        }
                                    }
                                    if length > 0 {
                                        Self.count(wordLanguages.languages(hash.value), into: wordHits)
                                        Self.count(marks, into: letterWords)
                                        words += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        swap(&scripts, &self.scripts)
        swap(&wordHits, &self.wordHits)
        swap(&letterWords, &self.letterWords)
        self.words = words
    }

    private static func count(_ bits: UInt64, into counts: UnsafeMutableBufferPointer<Int>) {
        var bits = bits
        while bits != 0 {
            counts[bits.trailingZeroBitCount] += 1
            bits &= bits - 1
        }
    }

    /// Marks a word keeps going through without counting them: combining accents, Arabic
    /// harakat, tatweel.
    static func isInsideWord(_ value: UInt32) -> Bool {
        (0x0300...0x036F).contains(value) || (0x064B...0x065F).contains(value) || value == 0x0670 || value == 0x0640
    }

    /// Lower case (ASCII, Latin-1, basic Cyrillic) and hamza-carrying alefs as bare alef, so
    /// that a sentence's first word and a word typed either way match the word lists.
    static func folded(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE, 0x0410...0x042F: value + 0x20
        case 0x0400...0x040F: value + 0x50
        case 0x0622, 0x0623, 0x0625, 0x0671: 0x0627
        default: value
        }
    }
}
