import Foundation
import WarraqCore

/// The text and kind of short lines read lately, found again by their bytes: dumps repeat
/// lines (a caption printed twice, a page's headlines and menu on every page), and a line read
/// before is given its text and kind again instead of being folded and classified anew. Both
/// follow from the line's bytes alone, so the answer is the same.
struct RecentLines {
    /// A line read and classified.
    struct Line {
        /// The line as read.
        let raw: Substring
        /// Its text, white space folded (`FoldedSpaces.text`).
        let text: String
        let wordCount: Int
        let kind: LineKind
    }

    /// Where a line is kept: its slot, and the hash of its bytes that tells the line there
    /// apart from most others without a look at their bytes.
    struct Place {
        fileprivate let slot: Int
        fileprivate let hash: UInt64
    }

    /// Lines longer than this, in bytes, are not kept: paragraphs seldom come again.
    static let longest = 160
    /// A power of two: a slot is the top bits of a hash.
    private static let slotBits = 8

    /// The hash of each slot's line, 0 for an empty slot: compared without touching the line,
    /// whose copy counts references.
    private var hashes = [UInt64](repeating: 0, count: 1 << slotBits)
    /// Each slot holds the last line kept whose hash points to it.
    private var lines = [Line?](repeating: nil, count: 1 << slotBits)

    /// Where `raw` is kept, nil when it is too long to be: a hash of all its bytes, eight at
    /// a time.
    static func place(of raw: Substring) -> Place? {
        UTF8Scalars.withBytes(raw) { bytes -> Place? in
            guard !bytes.isEmpty, bytes.count <= longest else { return nil }
            var hash = UInt64(bytes.count)
            var offset = 0
            while offset + 8 <= bytes.count {
                hash = mix(hash, UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self))
                offset += 8
            }
            if offset < bytes.count { hash = mix(hash, bytes[offset...].reduce(0) { $0 << 8 | UInt64($1) }) }
            // Never 0, which marks an empty slot.
            hash |= 1
            return Place(slot: Int(truncatingIfNeeded: hash >> (64 - UInt64(slotBits))), hash: hash)
        }
    }

    /// The line kept at `place` if its bytes are those of `raw`.
    func line(at place: Place, _ raw: Substring) -> Line? {
        guard hashes[place.slot] == place.hash, let line = lines[place.slot], Self.same(line.raw, raw) else { return nil }
        return line
    }

    /// Keeps `line` at `place` (its own), in place of the line there.
    mutating func keep(_ line: Line, at place: Place) {
        hashes[place.slot] = place.hash
        lines[place.slot] = line
    }

    /// `hash` with `word` stirred in.
    private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let product = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        return product ^ product >> 29
    }

    /// Whether two lines hold the same bytes, compared by `memcmp`.
    private static func same(_ a: Substring, _ b: Substring) -> Bool {
        UTF8Scalars.withBytes(a) { a in
            UTF8Scalars.withBytes(b) { b in a.count == b.count && memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
        }
    }
}
