import WarraqCore

/// Columns a text browser gives each character: two for East Asian wide characters, none for
/// combining marks and format controls, one for the rest. Wrap detection compares line widths
/// in these columns, the unit w3m and lynx wrap in.
enum DisplayWidth {
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return 1 }
        if isZeroWidth(v) { return 0 }
        return isWide(v) ? 2 : 1
    }

    /// The text's width, or `limit` when it is at least that wide: callers comparing a long
    /// line with a column need not measure all of it.
    static func of(_ text: Substring, upTo limit: Int = .max) -> Int {
        UTF8Scalars.withBytes(text) { of($0, upTo: limit) }
    }

    /// The width of valid UTF-8 `bytes`, or `limit` when they are at least that wide.
    static func of(_ bytes: UnsafeBufferPointer<UInt8>, upTo limit: Int) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var width = 0
        var index = 0
        // Where the sixty-four bytes `plainScalars` turned away last end: up to there, the
        // walk goes sixteen at a time.
        var doubtfulEnd = 0
        while index < bytes.count {
            if width >= limit { return limit }
            // Sixty-four bytes at once while they hold no mark and no longer scalar: most of a
            // line, at half the cost of the walk below.
            if index >= doubtfulEnd, index + 65 <= bytes.count {
                let block = UnsafeRawPointer(base + index)
                if let scalars = plainScalars(block) ?? (index + 66 <= bytes.count ? punctuatedScalars(block) : nil) {
                    width += scalars
                    index += 64
                    continue
                }
                doubtfulEnd = index + 64
            }
            // Sixteen bytes at once up to the first scalar of three or four bytes. Each scalar
            // before it adds one column or none, so the width passes every value on the way
            // and is at the limit where the scalar walk would stop.
            let (length, scalars) = index + 17 <= bytes.count
                ? narrowScalars(UnsafeRawPointer(base + index), count: 16)
                : narrowTail(UnsafeBufferPointer(rebasing: bytes[index...]))
            width += scalars
            index += length
            if width >= limit { return limit }
            guard index < bytes.count, length < 16 else { continue }
            let (value, scalarLength) = UTF8Scalars.decode(bytes, at: index)
            width += of(Unicode.Scalar(value)!)
            index += scalarLength
        }
        return width
    }

    /// How many scalars start in the sixty-four bytes at `start` (the sixty-fifth readable too),
    /// each one column wide; nil when a byte starts a scalar of three or four bytes or may be
    /// a mark (`mayBeMark`), which `narrowScalars` then tells apart.
    @inline(__always)
    private static func plainScalars(_ start: UnsafeRawPointer) -> Int? {
        var leads = Leads()
        var doubtful = ByteVectors.Lanes()
        // The block's largest bytes, compared with E0 once for the four chunks.
        var highest = ByteVectors.Vector()
        for offset in stride(from: 0, to: 64, by: 16) {
            let byte = start.loadUnaligned(fromByteOffset: offset, as: ByteVectors.Vector.self)
            let next = start.loadUnaligned(fromByteOffset: offset + 1, as: ByteVectors.Vector.self)
            highest = highest.replacing(with: byte, where: byte .> highest)
            doubtful .|= mayBeMark(byte, next: next)
            leads.add(byte)
        }
        guard !(doubtful .| highest .>= .splat(0xE0)).anySet else { return nil }
        return leads.count
    }

    /// Scalars counted at their leads, a chunk at a time: a signed compare gives -1 in the
    /// lanes of bytes that are no continuation (10xxxxxx, -128…-65 as a signed byte), and
    /// subtracting it adds one, without a mask and a select of ones.
    private struct Leads {
        private var counts = SIMD16<Int8>()

        @inline(__always)
        mutating func add(_ bytes: ByteVectors.Vector) {
            let isLead = unsafeBitCast(bytes, to: SIMD16<Int8>.self) .> SIMD16<Int8>(repeating: -65)
            counts &-= SIMD16<Int8>().replacing(with: -1, where: isLead)
        }

        /// The leads added, at most eight a lane.
        var count: Int { sum(unsafeBitCast(counts, to: ByteVectors.Vector.self)) }
    }

    /// `plainScalars` for a block holding general punctuation (U+2000…203F, E2 80 xx: quotes,
    /// dashes, the ellipsis), one column each but the zero-width ones (U+200B…200F,
    /// U+202A…202E), and counted at their leads too; the sixty-sixth byte readable as well.
    /// Marks are looked for at two-byte leads only: a punctuation's last byte may look like a
    /// mark's.
    @inline(__always)
    private static func punctuatedScalars(_ start: UnsafeRawPointer) -> Int? {
        var leads = Leads()
        var doubtful = ByteVectors.Lanes()
        for offset in stride(from: 0, to: 64, by: 16) {
            let byte = start.loadUnaligned(fromByteOffset: offset, as: ByteVectors.Vector.self)
            let next = start.loadUnaligned(fromByteOffset: offset + 1, as: ByteVectors.Vector.self)
            let last = start.loadUnaligned(fromByteOffset: offset + 2, as: ByteVectors.Vector.self)
            let twoByteLead = byte .>= .splat(0xC0) .& byte .< .splat(0xE0)
            let punctuation = byte .== .splat(0xE2) .& next .== .splat(0x80)
                .& last &- .splat(0x8B) .>= .splat(5) .& last &- .splat(0xAA) .>= .splat(5)
            doubtful .|= mayBeMark(byte, next: next) .& twoByteLead .| byte .>= .splat(0xE0) .& .!punctuation
            leads.add(byte)
        }
        guard !doubtful.anySet else { return nil }
        return leads.count
    }

    /// The sum of the lanes, each at most eight: the two words added, then their bytes.
    @inline(__always)
    private static func sum(_ lanes: ByteVectors.Vector) -> Int {
        let words = unsafeBitCast(lanes, to: SIMD2<UInt64>.self)
        return Int(truncatingIfNeeded: ((words[0] &+ words[1]) &* ByteWords.ones) >> 56)
    }

    /// The lanes whose scalar may be a mark (see `narrowScalars`), given the byte after each:
    /// a lead CC, CD or DB, or a continuation 8B…9F or B0 but the Arabic comma's (D8 8C), the
    /// commonest of them in Arabic text.
    @inline(__always)
    private static func mayBeMark(_ byte: ByteVectors.Vector, next: ByteVectors.Vector) -> ByteVectors.Lanes {
        let markTail = (next &- .splat(0x8B) .< .splat(0x15)) .& .!(byte .== .splat(0xD8) .& next .== .splat(0x8C))
        return markTail .| (next .== .splat(0xB0)) .| (byte | .splat(1) .== .splat(0xCD)) .| (byte .== .splat(0xDB))
    }

    /// `narrowScalars` of the last bytes, fewer than seventeen, copied after zeros.
    private static func narrowTail(_ bytes: UnsafeBufferPointer<UInt8>) -> (length: Int, scalars: Int) {
        var block = (ByteVectors.Vector(), ByteVectors.Vector())
        withUnsafeMutableBytes(of: &block) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
        return withUnsafeBytes(of: &block) { narrowScalars($0.baseAddress!, count: bytes.count) }
    }

    /// How many of the first `count` of the sixteen bytes at `start` (the seventeenth readable
    /// too) come before the first scalar of three or four bytes, which may be wide or
    /// zero-width, and the width of the scalars that start in them. ASCII and two-byte scalars
    /// are one column wide but the marks: U+0300…036F (CC, CD 80…AF), U+0610…061A (D8 90…9A),
    /// U+064B…065F (D9 8B…9F), U+0670 (D9 B0) and U+06D6…06ED (DB 96…AD). A scalar is counted
    /// at its lead, its mark test made on the byte after it.
    @inline(__always)
    private static func narrowScalars(_ start: UnsafeRawPointer, count: Int) -> (length: Int, scalars: Int) {
        let byte = start.loadUnaligned(as: ByteVectors.Vector.self)
        let next = (start + 1).loadUnaligned(as: ByteVectors.Vector.self)
        let longLeads = (byte .>= .splat(0xE0)).highBits
        let length = min(count, longLeads[0] != 0 ? longLeads[0].trailingZeroBitCount / 8
            : longLeads[1] != 0 ? 8 + longLeads[1].trailingZeroBitCount / 8 : 16)
        // A continuation byte is 10xxxxxx.
        var counted = byte & .splat(0xC0) .!= .splat(0x80)
        // Most blocks hold no mark: the bytes that may be one, tested first, are few.
        if mayBeMark(byte, next: next).anySet {
            let marks = (byte .== .splat(0xCC)) .| (byte .== .splat(0xCD) .& (next .< .splat(0xB0)))
                .| (byte .== .splat(0xD8) .& (next &- .splat(0x90) .< .splat(0x0B)))
                .| (byte .== .splat(0xD9) .& ((next &- .splat(0x8B) .< .splat(0x15)) .| (next .== .splat(0xB0))))
                .| (byte .== .splat(0xDB) .& (next &- .splat(0x96) .< .splat(0x18)))
            counted .&= .!marks
        }
        if length < 16 {
            counted .&= ByteVectors.Vector(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15) .< .splat(UInt8(length))
        }
        let ones = unsafeBitCast(ByteVectors.Vector().replacing(with: 1, where: counted), to: SIMD2<UInt64>.self)
        return (length, Int(truncatingIfNeeded: ((ones[0] &+ ones[1]) &* ByteWords.ones) >> 56))
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    private static func isZeroWidth(_ v: UInt32) -> Bool {
        switch v {
        case 0x300...0x36F, 0x610...0x61A, 0x64B...0x65F, 0x670, 0x6D6...0x6ED, 0x200B...0x200F, 0x202A...0x202E,
             0x2060...0x2064, 0xFE00...0xFE0F, 0xFEFF:
            return true
        default:
            return false
        }
    }
}
