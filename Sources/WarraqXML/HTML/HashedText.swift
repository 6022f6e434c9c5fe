/// A text whose hash is worked out once, and cheaply: a kept text is looked up and then added,
/// and Swift hashes a text that is not ASCII by normalising it first.
///
/// Texts equal as Swift compares them (canonically equivalent) must hash alike. The ASCII
/// bytes other than letters and `;<=>` and `` ` `` are in no character's canonical
/// decomposition, so equivalent texts hold the same of them in the same order; a text with
/// enough of them (spaces between words, punctuation, digits) is hashed by the first of those
/// alone, read from its bytes. A shorter one (a few words) is hashed whole, as Swift does.
struct HashedText: Hashable {
    let text: String
    let hash: Int

    /// A text with fewer fixed bytes than this is hashed whole: a few words share too few to
    /// tell texts apart.
    static let fixedBytesEnough = 8
    /// The fixed bytes hashed, at most: the first words of a paragraph tell it from others.
    static let fixedBytesHashed = 32

    init(_ text: String) {
        self.text = text
        var bytes = text
        let fixed = bytes.withUTF8 { Self.fixedBytesHash($0) }
        hash = fixed.count >= Self.fixedBytesEnough ? fixed.hash : text.hashValue
    }

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.hash == rhs.hash && lhs.text == rhs.text }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    /// FNV-1a over the first `fixedBytesHashed` bytes that canonical equivalence leaves in
    /// place, and how many were hashed.
    private static func fixedBytesHash(_ bytes: UnsafeBufferPointer<UInt8>) -> (hash: Int, count: Int) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var count = 0
        for byte in bytes where isFixed(byte) {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
            count += 1
            if count == fixedBytesHashed { break }
        }
        return (Int(truncatingIfNeeded: hash), count)
    }

    /// ASCII, not a letter, and not `;` (U+037E), `<`, `=`, `>` (with U+0338) or `` ` `` (U+1FEF).
    private static func isFixed(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x00...0x3A, 0x3F...0x40, 0x5B...0x5F, 0x7B...0x7F: true
        default: false
        }
    }
}
