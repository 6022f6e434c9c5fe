/// MinHash signatures of word shingles, with fixed seeds: the same text gives the same
/// signature in every run. The share of equal slots of two signatures estimates the Jaccard
/// similarity of their shingle sets.
struct MinHash: Sendable {
    static let size = 64
    /// Bands of `rows` slots for locality-sensitive look-up: texts at Jaccard 0.8 share a band
    /// with probability 0.9999, at 0.3 with 0.12.
    static let rows = 4
    static var bands: Int { size / rows }

    let shingleWords: Int
    /// Odd multipliers and offsets of the slot hash functions, from a fixed SplitMix64 stream.
    private let multipliers: [UInt64]
    private let offsets: [UInt64]

    init(shingleWords: Int) {
        self.shingleWords = shingleWords
        var state: UInt64 = 0x5741_5252_4151_0001
        var multipliers: [UInt64] = []
        var offsets: [UInt64] = []
        for _ in 0..<Self.size {
            multipliers.append(Self.splitMix(&state) | 1)
            offsets.append(Self.splitMix(&state))
        }
        self.multipliers = multipliers
        self.offsets = offsets
    }

    /// The signature of a word sequence; nil when it has no words.
    func signature(_ words: [UInt64]) -> [UInt32]? {
        guard !words.isEmpty else { return nil }
        var slots = [UInt32](repeating: .max, count: Self.size)
        let k = min(shingleWords, words.count)
        slots.withUnsafeMutableBufferPointer { slots in
            multipliers.withUnsafeBufferPointer { multipliers in
                offsets.withUnsafeBufferPointer { offsets in
                    words.withUnsafeBufferPointer { words in
                        for start in 0...(words.count - k) {
                            var shingle: UInt64 = 0
                            for j in start..<start + k { shingle = Self.mix(shingle ^ words[j]) }
                            for i in 0..<Self.size {
                                let value = UInt32(truncatingIfNeeded: (shingle &* multipliers[i] &+ offsets[i]) >> 32)
                                slots[i] = min(slots[i], value)
                            }
                        }
                    }
                }
            }
        }
        return slots
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

    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private static func splitMix(_ state: inout UInt64) -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        return mix(state &- 0x9E37_79B9_7F4A_7C15)
    }
}
