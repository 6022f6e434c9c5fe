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
        UTF8Scalars.withBytes(text) { bytes in
            // Scalars of one column each come to at most `limit` one at a time.
            if let width = narrowWidth(bytes) { return min(width, limit) }
            var width = 0
            var index = 0
            while index < bytes.count {
                if width >= limit { return limit }
                if bytes[index] < 0x80 {
                    width += 1
                    index += 1
                    continue
                }
                let (value, length) = UTF8Scalars.decode(bytes, at: index)
                width += value < 0x300 ? 1 : isZeroWidth(value) ? 0 : isWide(value) ? 2 : 1
                index += length
            }
            return width
        }
    }

    /// The width of text whose scalars are all below U+06C0, counted eight bytes at a time:
    /// there every scalar takes one column but the combining marks, which in Arabic (most of
    /// the scrapes) are found by their two bytes. Nil when some byte starts a scalar that the
    /// tables must judge: U+0300…U+037F (the Latin combining marks), U+06C0 on.
    private static func narrowWidth(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        ByteWords.count(bytes) { byte, previous in
            // ASCII and lead bytes start scalars; continuation bytes are 10xxxxxx.
            let starts = (~byte | byte << 1) & ByteWords.highs
            // U+0610…U+061A, U+064B…U+065F and U+0670.
            let marks = ByteWords.equal(previous, 0xD8) & ByteWords.within(byte, from: 0x90, count: 0x0B)
                | ByteWords.equal(previous, 0xD9) & (ByteWords.within(byte, from: 0x8B, count: 0x15) | ByteWords.equal(byte, 0xB0))
            return starts & ~marks
        } unless: { byte, _ in
            ByteWords.within(byte, from: 0xCC, count: 2) | ByteWords.within(byte, from: 0xDB, count: 0x25)
        }
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
