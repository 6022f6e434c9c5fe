import WarraqCore

/// A text as the hashes of its words, for comparing texts however they were typed: case,
/// punctuation, spacing, harakat, tatweel, hamza and the other Arabic letter variants, and
/// Arabic-Indic or Persian digits make no difference.
enum WordHashes {
    static func of(_ text: String, into hashes: inout [UInt64]) {
        var text = text
        text.withUTF8 { bytes in
            var hash = WordHash()
            var length = 0
            var i = 0
            let n = bytes.count
            while i < n {
                let (value, size) = UTF8Scalars.decode(bytes, at: i)
                i += size
                if Script(value) != nil || isDigit(value) {
                    hash.add(folded(value))
                    length += 1
                } else if !LanguageScan.isInsideWord(value), length > 0 {
                    hashes.append(hash.value)
                    hash = WordHash()
                    length = 0
                }
            }
            if length > 0 { hashes.append(hash.value) }
        }
    }

    static func of(_ text: String) -> [UInt64] {
        var hashes: [UInt64] = []
        of(text, into: &hashes)
        return hashes
    }

    /// One hash for a whole word sequence (a block's identity), or nil when it has no words.
    static func key(_ words: [UInt64]) -> UInt64? {
        guard !words.isEmpty else { return nil }
        var hash = WordHash()
        for word in words {
            hash.add(UInt32(truncatingIfNeeded: word))
            hash.add(UInt32(truncatingIfNeeded: word >> 32))
        }
        return hash.value
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
