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
        twoByteWidths.withUnsafeBufferPointer { twoByteWidths in
            var width = 0
            var index = 0
            while index < bytes.count {
                if width >= limit { return limit }
                // Sixteen bytes at once while the limit is out of their reach (each scalar
                // adds at most one there), so that it is still met where the scalar walk
                // would meet it; up to the first scalar that may be other than one wide.
                if index + 17 <= bytes.count, width + 16 <= limit {
                    let (length, scalars) = narrowScalars(UnsafeRawPointer(bytes.baseAddress! + index))
                    width += scalars
                    index += length
                    if length == 16 { continue }
                }
                let lead = bytes[index]
                if lead < 0x80 {
                    width += 1
                    index += 1
                    continue
                }
                if lead < 0xC0 {
                    // The rest of a scalar whose lead `narrowScalars` counted.
                    index += 1
                    continue
                }
                if lead < 0xE0 {
                    // Two bytes: Latin, Greek, Cyrillic, Hebrew, Arabic, by table.
                    width += Int(twoByteWidths[Int(lead & 0x1F) << 6 | Int(bytes[index + 1] & 0x3F)])
                    index += 2
                    continue
                }
                let (value, length) = UTF8Scalars.decode(bytes, at: index)
                width += of(Unicode.Scalar(value)!)
                index += length
            }
            return width
        }
    }

    /// How many of the sixteen bytes at `start` (the seventeenth readable too) hold scalars
    /// each one column wide, and how many scalars start in them: ASCII, and two-byte scalars but
    /// the combining marks (leads CC, CD), the Arabic marks (D8 90…9A, D9 8B…9F, D9 B0) and all
    /// of DB (DB 96…AD are marks); three- and four-byte scalars may be wide or zero-width. A
    /// scalar is counted at its lead, its mark test made on the byte after it, so the first
    /// byte turned away is a lead: the bytes before it end where a scalar does.
    @inline(__always)
    private static func narrowScalars(_ start: UnsafeRawPointer) -> (length: Int, scalars: Int) {
        let byte = start.loadUnaligned(as: ByteVectors.Vector.self)
        let next = (start + 1).loadUnaligned(as: ByteVectors.Vector.self)
        // CC and CD are one test with the low bit set.
        let other = (byte | .splat(1) .== .splat(0xCD)) .| (byte .== .splat(0xDB)) .| (byte .>= .splat(0xE0))
            .| (next &- .splat(0x8B) .< .splat(0x15)) .| (next .== .splat(0xB0))
        let rejected = unsafeBitCast(ByteVectors.Vector().replacing(with: 0x80, where: other), to: SIMD2<UInt64>.self)
        let length = rejected[0] != 0 ? rejected[0].trailingZeroBitCount / 8 : rejected[1] != 0 ? 8 + rejected[1].trailingZeroBitCount / 8 : 16
        // A continuation byte is 10xxxxxx; the scalars are the other bytes before `length`,
        // which for most blocks is all sixteen.
        let leads = byte & .splat(0xC0) .!= .splat(0x80)
        let lanes = ByteVectors.Vector(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
        let counted = length == 16 ? leads : leads .& (lanes .< .splat(UInt8(length)))
        let ones = unsafeBitCast(ByteVectors.Vector().replacing(with: 1, where: counted), to: SIMD2<UInt64>.self)
        return (length, Int(truncatingIfNeeded: ((ones[0] &+ ones[1]) &* ByteWords.ones) >> 56))
    }

    /// The widths of U+0000…U+07FF, the scalars of two UTF-8 bytes and fewer, by scalar value:
    /// most of a line's scalars outside ASCII, looked up without the range tests.
    private static let twoByteWidths: [UInt8] = (0..<0x800).map { UInt8(of(Unicode.Scalar(UInt32($0))!)) }

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
