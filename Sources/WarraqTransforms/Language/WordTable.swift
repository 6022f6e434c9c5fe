/// Word hash → the languages that list the word, as an open-addressing table probed linearly:
/// the hashes are FNV-1a already, so one multiply spreads them over the slots, with none of a
/// `Dictionary`'s SipHash on every word of the text.
struct WordTable: Sendable {
    private var keys: [UInt64]
    private var values: [UInt64]
    private var mask: Int
    private var count = 0

    init() {
        keys = [UInt64](repeating: 0, count: 16)
        values = keys
        mask = 15
    }

    /// Runs `body` with a look-up that reads the table in place: the scan asks once per word,
    /// and going through the arrays each time would retain and release them.
    func withLookup<Result>(_ body: (Lookup) -> Result) -> Result {
        keys.withUnsafeBufferPointer { keys in
            values.withUnsafeBufferPointer { values in body(Lookup(keys: keys, values: values, mask: mask)) }
        }
    }

    struct Lookup {
        let keys: UnsafeBufferPointer<UInt64>
        let values: UnsafeBufferPointer<UInt64>
        let mask: Int

        /// The languages listing the word; 0 when none does.
        func languages(_ hash: UInt64) -> UInt64 {
            var slot = WordTable.slot(hash, mask)
            while values[slot] != 0 {
                if keys[slot] == hash { return values[slot] }
                slot = (slot + 1) & mask
            }
            return 0
        }
    }

    /// Adds `languages` to the word's.
    mutating func add(_ hash: UInt64, languages: UInt64) {
        guard languages != 0 else { return }
        var slot = Self.slot(hash, mask)
        while values[slot] != 0, keys[slot] != hash { slot = (slot + 1) & mask }
        if values[slot] == 0 {
            keys[slot] = hash
            count += 1
        }
        values[slot] |= languages
        // At most a quarter full, so that a miss (most words) ends within a probe or two.
        if count * 4 > keys.count { grow() }
    }

    /// Fibonacci hashing: the high half of the product, which every bit of the hash reaches.
    private static func slot(_ hash: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.1 != 0 }
        keys = [UInt64](repeating: 0, count: keys.count * 2)
        values = keys
        mask = keys.count - 1
        count = 0
        for (key, value) in old { add(key, languages: value) }
    }
}
