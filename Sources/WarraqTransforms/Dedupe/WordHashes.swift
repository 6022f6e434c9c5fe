import WarraqCore

/// A text as the hashes of its words, for comparing texts however they were typed: case,
/// punctuation, spacing, harakat, tatweel, hamza and the other Arabic letter variants, and
/// Arabic-Indic or Persian digits make no difference. Words are hashed straight from the UTF-8
/// bytes, one table look-up per scalar below U+0800, without making strings.
enum WordHashes {
    /// What a scalar is to a word: its folded value when it is a letter or digit, or one of these.
    private static let separator: UInt32 = 0
    private static let insideWord: UInt32 = .max
    /// `role` of U+0000…U+07FF (Latin, Greek, Cyrillic, Hebrew, Arabic), where nearly all text is.
    private static let lowRoles: [UInt32] = (0..<0x800).map { role(UInt32($0)) }

    static func of(_ text: String, into hashes: inout [UInt64]) {
        var text = text
        lowRoles.withUnsafeBufferPointer { lowRoles in
            text.withUTF8 { bytes in
                var hash = WordHash()
                var inWord = false
                var i = 0
                let n = bytes.count
                while i < n {
                    let value = UTF8Scalars.next(bytes, at: &i)
                    let role = value < 0x800 ? lowRoles[Int(value)] : role(value)
                    if role == separator {
                        guard inWord else { continue }
                        hashes.append(hash.value)
                        hash = WordHash()
                        inWord = false
                    } else if role != insideWord {
                        hash.add(role)
                        inWord = true
                    }
                }
                if inWord { hashes.append(hash.value) }
            }
        }
    }

    static func of(_ text: String) -> [UInt64] {
        var hashes: [UInt64] = []
        of(text, into: &hashes)
        return hashes
    }

    /// One hash for a whole word sequence (a block's identity), or nil when it has no words.
    static func key(_ words: ArraySlice<UInt64>) -> UInt64? {
        guard !words.isEmpty else { return nil }
        var hash = WordHash()
        for word in words {
            hash.add(UInt32(truncatingIfNeeded: word))
            hash.add(UInt32(truncatingIfNeeded: word >> 32))
        }
        return hash.value
    }

    private static func role(_ value: UInt32) -> UInt32 {
        if Script(value) != nil || isDigit(value) { return folded(value) }
        return LanguageScan.isInsideWord(value) ? insideWord : separator
    }

    private static func isDigit(_ value: UInt32) -> Bool {
        (0x30...0x39).contains(value) || (0x0660...0x0669).contains(value) || (0x06F0...0x06F9).contains(value)
    }

    private static func folded(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x0660...0x0669: value - 0x0660 + 0x30
        case 0x06F0...0x06F9: value - 0x06F0 + 0x30
        case 0x0649, 0x06CC: 0x064A
        case 0x0629: 0x0647
        case 0x06A9: 0x0643
        default: LanguageScan.folded(value)
        }
    }
}
