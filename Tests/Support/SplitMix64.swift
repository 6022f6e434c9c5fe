/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64), so that case `n` of
/// seed `s` is the same bytes on every machine and every run.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The generator for one case: independent of every other case, so a case can be replayed alone.
    public init(seed: UInt64, index: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (index &* 0x9E37_79B9_7F4A_7C15))
        state = mixer.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
