/// Lane tests on the masks of sixteen-byte comparisons. The standard library's `any` calls a
/// generic reduction out of line; these read the mask as two words, a few instructions inline.
extension SIMDMask where Storage == SIMD16<Int8> {
    /// Whether some lane is set.
    @inlinable @inline(__always)
    public var anySet: Bool {
        let words = highBits
        return words[0] | words[1] != 0
    }

    /// The first lane set, or nil when none is.
    @inlinable @inline(__always)
    public var firstSet: Int? {
        let words = highBits
        if words[0] != 0 { return words[0].trailingZeroBitCount / 8 }
        if words[1] != 0 { return 8 + words[1].trailingZeroBitCount / 8 }
        return nil
    }

    /// The lanes as two words, 0x80 in each byte of a set lane: a lane's offset is a set
    /// bit's divided by eight.
    @inlinable @inline(__always)
    public var highBits: SIMD2<UInt64> {
        unsafeBitCast(SIMD16<UInt8>().replacing(with: 0x80, where: self), to: SIMD2<UInt64>.self)
    }
}
