import WarraqCore

/// The bullets text browsers put before list items (`  • News`, `  * Sports`, `  1. …`). Menus and
/// link lists come out of w3m and lynx as such lists, so an item's marker is a hint to its role.
enum ListMarker {
    /// The bullets as strings: their bytes are read without hashing a `Character` into a set,
    /// whose first non-ASCII one cost hundreds of thousands of instructions.
    static let bulletTexts = ["•", "*", "-", "–", "◦", "▪", "·", "+", "‣", "○", "●", "■", "□"]
    /// The bullets as scalars, not `Character`s: `Character`'s `==` takes U+0387 (Greek ano
    /// teleia) for its canonical equivalent `·`, and the bytes do not.
    static let bullets = Set(bulletTexts.flatMap(\.unicodeScalars))

    /// Whether `byte` is the first byte of a bullet or of a digit that numbers items: `*`,
    /// `+`, `-`, the digits, the lead of `·` (C2) and of the other bullets (E2). A switch, not
    /// a set: a hashed look-up cost a hundred instructions a line.
    static func isMarkerLead(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2A, 0x2B, 0x2D, 0x30...0x39, 0xC2, 0xE2: true
        default: false
        }
    }

    /// The bytes of the bullet `bytes` hold from `start`, nil when none: a switch on the lead
    /// byte and on the two bytes after an E2, where trying each bullet's bytes in turn cost a
    /// hundred instructions a line.
    static func bulletLength(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        switch bytes[start] {
        case 0x2A, 0x2B, 0x2D: 1
        case 0xC2: start + 1 < bytes.count && bytes[start + 1] == 0xB7 ? 2 : nil
        case 0xE2: start + 2 < bytes.count && isBulletTail(UInt16(bytes[start + 1]) << 8 | UInt16(bytes[start + 2])) ? 3 : nil
        default: nil
        }
    }

    /// The two bytes after E2 of `•`, `–`, `‣`, `■`, `□`, `▪`, `○`, `●`, `◦`.
    private static func isBulletTail(_ tail: UInt16) -> Bool {
        switch tail {
        case 0x80A2, 0x8093, 0x80A3, 0x96A0, 0x96A1, 0x96AA, 0x978B, 0x978F, 0x97A6: true
        default: false
        }
    }

    /// What the line's bytes tell of its item.
    private enum ByteRead {
        /// No item, whatever its `Character`s.
        case none
        /// The item text starts at this byte offset.
        case item(Int)
        /// The bytes open like an item's, but a scalar that may join the space before it
        /// follows the marker's spaces: the `Character`s decide.
        case ask
    }

    /// The line's bytes read as an item's must open: after spaces and tabs, a bullet or one or
    /// two digits and `.` or `)`, then a space. Nearly every line is turned away by its first
    /// byte; an item whose text opens with an ASCII byte, or another scalar that never joins
    /// (`TextShape.neverJoins`), is cut on the bytes: the space before it is a `Character` of its own.
    private static func read(_ line: Substring) -> ByteRead {
        // The first byte alone turns most lines away, read without opening the slice's bytes:
        // `withUTF8` of a `var` copy cost a hundred instructions, a retain and a release a line.
        guard let lead = line.utf8.first, lead == 0x20 || lead == 0x09 || isMarkerLead(lead) else { return .none }
        var line = line
        return line.withUTF8 { bytes in
            guard let start = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }), isMarkerLead(bytes[start]) else { return .none }
            func spaceAt(_ offset: Int) -> Bool { offset < bytes.count && bytes[offset] == 0x20 }
            var end: Int
            if (0x30...0x39).contains(bytes[start]) {
                end = start + 1
                if end < bytes.count, (0x30...0x39).contains(bytes[end]) { end += 1 }
                guard end < bytes.count, bytes[end] == 0x2E || bytes[end] == 0x29 else { return .none }
                end += 1
            } else {
                guard let length = bulletLength(bytes, at: start) else { return .none }
                end = start + length
            }
            guard spaceAt(end) else { return .none }
            while spaceAt(end) { end += 1 }
            return end == bytes.count || bytes[end] < 0x80 || TextShape.neverJoins(UTF8Scalars.decode(bytes, at: end).value) ? .item(end) : .ask
        }
    }

    /// The item text after the marker (leading spaces skipped), or nil when the line is no item.
    static func item(_ line: Substring) -> Substring? {
        switch read(line) {
        case .none: nil
        case .ask: itemByCharacters(line)
        case .item(let offset): line[line.utf8.index(line.startIndex, offsetBy: offset)...]
        }
    }

    /// `item` read `Character` by `Character`: the rule itself, for the lines whose bytes open
    /// like an item's.
    static func itemByCharacters(_ line: Substring) -> Substring? {
        let body = line.drop { $0 == " " || $0 == "\t" }
        guard let first = body.first else { return nil }
        if first.unicodeScalars.count == 1, let scalar = first.unicodeScalars.first, bullets.contains(scalar) {
            let rest = body.dropFirst()
            guard rest.first == " " else { return nil }
            return rest.drop { $0 == " " }
        }
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        guard (1...2).contains(digits.count) else { return nil }
        let rest = body.dropFirst(digits.count)
        guard rest.first == "." || rest.first == ")", rest.dropFirst().first == " " else { return nil }
        return rest.dropFirst(2).drop { $0 == " " }
    }

    static func starts(_ line: Substring) -> Bool { item(line) != nil }

    /// Dashes start list items in w3m but also quoted speech in many languages (`- Angsten vil
    /// øke`), so only other markers say for sure that a line is a menu or link item.
    static func menuItem(_ line: Substring) -> Substring? {
        guard let item = item(line), !opensWithDash(line) else { return nil }
        return item
    }

    /// Whether the first scalar after the spaces and tabs is `-` or `–` (E2 80 93): of an
    /// item, that is its marker, a `Character` of its own.
    private static func opensWithDash(_ line: Substring) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            guard let start = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return false }
            return bytes[start] == 0x2D || (start + 2 < bytes.count && bytes[start] == 0xE2 && bytes[start + 1] == 0x80 && bytes[start + 2] == 0x93)
        }
    }
}
