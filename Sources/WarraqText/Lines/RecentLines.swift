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

    /// A slot: the hash of its line and where the line is in `kept`; `index` is -1 in an
    /// empty slot. Plain values, compared without touching the line, whose copy counts
    /// references.
    private struct Slot {
        var hash: UInt64 = 0
        var index: Int32 = -1
    }

    private var slots = [Slot](repeating: Slot(), count: 1 << slotBits)
    /// The lines of the slots that hold one, each the last kept there: only these are
    /// destroyed with the reader, not a line's worth of storage for every slot.
    private var kept: [Line] = []

    /// Where `raw` is kept, nil when it is too long to be: a `ByteHash` of all its bytes.
    static func place(of raw: Substring) -> Place? {
        UTF8Scalars.withBytes(raw) { bytes -> Place? in
            guard !bytes.isEmpty, bytes.count <= longest else { return nil }
            let hash = ByteHash.of(UnsafeRawBufferPointer(bytes))
            return Place(slot: Int(truncatingIfNeeded: hash >> (64 - UInt64(slotBits))), hash: hash)
        }
    }

    /// The line kept at `place` if its bytes are those of `raw`.
    func line(at place: Place, _ raw: Substring) -> Line? {
        let slot = slots[place.slot]
        guard slot.hash == place.hash, slot.index >= 0, case let line = kept[Int(slot.index)], Self.same(line.raw, raw) else { return nil }
        return line
    }

    /// Keeps `line` at `place` (its own), in place of the line there.
    mutating func keep(_ line: consuming Line, at place: Place) {
        let index = slots[place.slot].index
        if index >= 0 {
            kept[Int(index)] = line
        } else {
            slots[place.slot].index = Int32(kept.count)
            kept.append(line)
        }
        slots[place.slot].hash = place.hash
    }

    /// Whether two lines hold the same bytes.
    private static func same(_ a: Substring, _ b: Substring) -> Bool {
        UTF8Scalars.withBytes(a) { a in UTF8Scalars.withBytes(b) { b in ByteSearch.same(a, b) } }
    }
}
