/// Byte tests run on eight bytes at a time in a 64-bit word, each byte judged together with
/// the one before it. Readers look at every byte of every line for spaces, double spaces and
/// lead bytes; a loop of byte comparisons compiles to branches and costs several times more.
/// A test returns a word with the high bit set in the lanes (bytes) that pass.
public enum ByteWords {
    public static let ones: UInt64 = 0x0101_0101_0101_0101
    public static let highs: UInt64 = 0x8080_8080_8080_8080

    /// How many bytes pass `test`, given each lane's byte and the byte before it (zero before
    /// the first). Lanes past the end hold zero bytes, which every test must turn away.
    @inlinable @inline(__always)
    public static func count(_ bytes: UnsafeBufferPointer<UInt8>, _ test: (_ byte: UInt64, _ previous: UInt64) -> UInt64) -> Int {
        var total = 0
        // Passing lanes are added up in the lanes, a byte each, and summed every 255 words.
        var lanes: UInt64 = 0
        var words = 0
        var last: UInt8 = 0
        var index = 0
        while index < bytes.count {
            let word = load(bytes, at: index)
            lanes &+= (test(word, word << 8 | UInt64(last)) & highs) >> 7
            last = UInt8(truncatingIfNeeded: word >> 56)
            index += 8
            words += 1
            if words == 255 {
                total &+= sum(lanes)
                lanes = 0
                words = 0
            }
        }
        return total &+ sum(lanes)
    }

    /// The sum of a word's eight bytes.
    @inlinable @inline(__always)
    static func sum(_ lanes: UInt64) -> Int {
        let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
        return Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) >> 48)
    }

    /// Whether `accept` takes the offset of some byte that passes `test` (tried in order):
    /// the test finds the few bytes worth a closer look, eight at a time.
    @inlinable @inline(__always)
    public static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ test: (_ byte: UInt64, _ previous: UInt64) -> UInt64, accepting accept: (Int) -> Bool) -> Bool {
        var last: UInt8 = 0
        var index = 0
        while index < bytes.count {
            let word = load(bytes, at: index)
            var hits = test(word, word << 8 | UInt64(last)) & highs
            while hits != 0 {
                if accept(index + hits.trailingZeroBitCount / 8) { return true }
                hits &= hits &- 1
            }
            last = UInt8(truncatingIfNeeded: word >> 56)
            index += 8
        }
        return false
    }

    /// Eight bytes from `index`, zero past the end. The last word of a buffer of eight bytes
    /// or more is its last eight bytes shifted down: one load, not a byte loop, for the end
    /// of nearly every line.
    @inlinable @inline(__always)
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
        if index + 8 <= bytes.count {
            return UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
        }
        if bytes.count >= 8 {
            let last = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + bytes.count - 8).loadUnaligned(as: UInt64.self))
            return last >> (8 * UInt64(index + 8 - bytes.count))
        }
        var word: UInt64 = 0
        for offset in 0..<(bytes.count - index) { word |= UInt64(bytes[index + offset]) << (8 * offset) }
        return word
    }

    /// Lanes equal to `byte`.
    @inlinable @inline(__always)
    public static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        return ~(((difference & ~highs) &+ ~highs) | difference) & highs
    }

    /// Lanes where both the byte and the one before it equal `byte`: one zero test for the
    /// pair, cheaper than two `equal`s.
    @inlinable @inline(__always)
    public static func equal(_ word: UInt64, _ previous: UInt64, _ byte: UInt8) -> UInt64 {
        let repeated = ones &* UInt64(byte)
        let difference = (word ^ repeated) | (previous ^ repeated)
        return ~(((difference & ~highs) &+ ~highs) | difference) & highs
    }

    /// Lanes below `bound`, which is at most 0x80.
    @inlinable @inline(__always)
    public static func below(_ word: UInt64, _ bound: UInt8) -> UInt64 {
        ~((word & ~highs) &+ ones &* UInt64(0x80 - bound)) & ~word & highs
    }

    /// Lanes from `low` up to `low + count`, both in one 0x80-aligned half of the byte values.
    @inlinable @inline(__always)
    public static func within(_ word: UInt64, from low: UInt8, count: UInt8) -> UInt64 {
        let shifted = word ^ (ones &* UInt64(low & 0x80))
        return below(shifted, (low & 0x7F) + count) & ~below(shifted, low & 0x7F)
    }

    /// ASCII white space: the space, tab, line feed, vertical tab, form feed, carriage return.
    @inlinable @inline(__always)
    public static func asciiSpace(_ word: UInt64) -> UInt64 {
        within(word, from: 0x09, count: 5) | equal(word, 0x20)
    }

    /// ASCII control spaces and the lead bytes of the other white space (U+0085, U+00A0,
    /// U+1680, U+2000…, U+3000, U+FEFF): a line without any has no white space to fold but
    /// single spaces.
    @inlinable @inline(__always)
    public static func spaceLead(_ word: UInt64) -> UInt64 {
        within(word, from: 0x09, count: 5) | equal(word, 0xC2) | within(word, from: 0xE1, count: 3) | equal(word, 0xEF)
    }
}

/// `ByteWords`' walk sixteen bytes at a time in a SIMD vector, each byte judged together with
/// the one after it: a comparison of two `SIMD16<UInt8>` compiles to one vector instruction,
/// where a lane test on a 64-bit word takes several for half the bytes.
public enum ByteVectors {
    public typealias Vector = SIMD16<UInt8>
    public typealias Lanes = SIMDMask<Vector.MaskStorage>

    /// Whether `accept` takes the offset of some byte that passes `test` (tried in order),
    /// given each lane's byte and the byte after it. Past the end the lanes hold zero bytes;
    /// the walk turns away what passes there.
    @inlinable @inline(__always)
    public static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ test: (_ byte: Vector, _ next: Vector) -> Lanes, accepting accept: (Int) -> Bool) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var index = 0
        // Both loads in the buffer: up to 16 bytes (one at least) are left for the tail.
        while index + 17 <= bytes.count {
            let byte = UnsafeRawPointer(base + index).loadUnaligned(as: Vector.self)
            let next = UnsafeRawPointer(base + index + 1).loadUnaligned(as: Vector.self)
            if accepts(test(byte, next), at: index, before: bytes.count, accept) { return true }
            index += 16
        }
        var tail = (Vector(), Vector())
        withUnsafeMutableBytes(of: &tail) { $0.copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[index...]))) }
        let (byte, next) = withUnsafeBytes(of: &tail) { ($0.load(as: Vector.self), $0.loadUnaligned(fromByteOffset: 1, as: Vector.self)) }
        return accepts(test(byte, next), at: index, before: bytes.count, accept)
    }

    /// Whether `accept` takes the offset of a passing lane of the vector at `index`, lanes
    /// from `end` on turned away.
    @inlinable @inline(__always)
    static func accepts(_ passing: Lanes, at index: Int, before end: Int, _ accept: (Int) -> Bool) -> Bool {
        let words = passing.highBits
        guard words[0] | words[1] != 0 else { return false }
        for half in 0..<2 {
            var hits = words[half]
            while hits != 0 {
                let offset = index + 8 * half + hits.trailingZeroBitCount / 8
                if offset >= end { return false }
                if accept(offset) { return true }
                hits &= hits &- 1
            }
        }
        return false
    }

    /// The sum of a vector's sixteen bytes.
    @inlinable @inline(__always)
    static func sum(_ lanes: Vector) -> Int {
        let words = unsafeBitCast(lanes, to: SIMD2<UInt64>.self)
        return ByteWords.sum(words[0]) &+ ByteWords.sum(words[1])
    }
}

extension SIMD16 where Scalar == UInt8 {
    /// `byte` in every lane. Operations with a scalar operand (`byte .== 0x20`) compile to a
    /// loop over the lanes; with two vectors (`byte .== .splat(0x20)`) to one instruction.
    @inlinable @inline(__always)
    public static func splat(_ byte: UInt8) -> Self { Self(repeating: byte) }
}
