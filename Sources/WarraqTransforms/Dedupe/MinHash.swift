/// One-permutation MinHash signatures of word shingles, with fixed seeds: the same text gives
/// the same signature in every run. Each shingle is hashed once; the hash's top bits pick one of
/// `size` bins and the bin keeps the least of the rest, so a text costs one hash per word instead
/// of one per word and slot. Bins no shingle fell into borrow a filled bin's value, chosen by a
/// fixed probe sequence (optimal densification, Shrivastava 2017), so short texts still compare.
/// The share of equal bins of two signatures estimates the Jaccard similarity of their shingle
/// sets.
struct MinHash: Sendable {
    static let size = 64
    /// Bands of `rows` bins for locality-sensitive look-up: texts at Jaccard 0.8 share a band
    /// with probability 0.9999, at 0.3 with 0.12.
    static let rows = 4
    static var bands: Int { size / rows }
    /// `size` is 2 to the power of `binBits`.
    private static let binBits: UInt64 = 6
    private static let shingleSeed: UInt64 = 0x5741_5252_4151_0001
    private static let probeSeed: UInt64 = 0x5741_5252_4151_0002

    let shingleWords: Int

    init(shingleWords: Int) { self.shingleWords = shingleWords }

    /// The signature of a word sequence; nil when it has no words.
    func signature(_ words: [UInt64]) -> [UInt32]? {
        guard !words.isEmpty else { return nil }
        var slots = [UInt32](repeating: .max, count: Self.size)
        var filled: UInt64 = 0
        let k = min(shingleWords, words.count)
        slots.withUnsafeMutableBufferPointer { slots in
            words.withUnsafeBufferPointer { words in
                for start in 0...(words.count - k) {
                    var shingle = Self.shingleSeed
                    for j in start..<start + k { shingle = Self.mix(shingle ^ words[j]) }
                    let bin = Int(shingle >> (64 - Self.binBits))
                    slots[bin] = min(slots[bin], UInt32(truncatingIfNeeded: shingle))
                    filled |= 1 << UInt64(bin)
                }
            }
        }
        if filled != .max { densify(&slots, filled: filled) }
        return slots
    }

    /// Each empty bin takes the value of the first filled bin its own probe sequence reaches.
    private func densify(_ slots: inout [UInt32], filled: UInt64) {
        for bin in 0..<Self.size where filled & (1 << UInt64(bin)) == 0 {
            var attempt: UInt64 = 0
            while true {
                let probe = Int(Self.mix(Self.probeSeed ^ (UInt64(bin) << 32 | attempt)) >> (64 - Self.binBits))
                if filled & (1 << UInt64(probe)) != 0 {
                    slots[bin] = slots[probe]
                    break
                }
                attempt += 1
            }
        }
    }

    /// Estimated Jaccard similarity.
    static func similarity(_ a: [UInt32], _ b: [UInt32]) -> Double {
        var equal = 0
        for i in 0..<size where a[i] == b[i] { equal += 1 }
        return Double(equal) / Double(size)
    }

    /// The band's key, distinct per band.
    static func bandKey(_ signature: [UInt32], band: Int) -> UInt64 {
        var key = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
        for slot in signature[band * rows..<(band + 1) * rows] { key = mix(key ^ UInt64(slot)) }
        return key
    }

    /// SplitMix64's finalizer: every input bit reaches every output bit.
    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
