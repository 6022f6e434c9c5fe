import Synchronization
import WarraqCore

/// The text and kind of short lines read lately, found again by their bytes: dumps repeat
/// lines (a caption printed twice, a page's headlines and menu on every page, a site's menu
/// and footer on every page of a crawl), and a line read before is given its text and kind
/// again instead of being folded and classified anew. Both follow from the line's bytes and
/// the classifier alone, so the answer is the same, whichever inputs came before.
struct RecentLines: Sendable {
    /// A line read and classified.
    struct Line: Sendable {
        /// The line as read: a copy, so that a table kept for the next input holds no slice of
        /// this input's text.
        let raw: String
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
    private static let slotBits = 11

    /// A slot: the hash of its line and where the line is in `kept`; `index` is -1 in an
    /// empty slot. Plain values, compared without touching the line, whose copy counts
    /// references.
    private struct Slot {
        var hash: UInt64 = 0
        var index: Int32 = -1
    }

    /// Made on the first line kept: an input too short to keep one costs no table.
    private var slots: [Slot] = []
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
        guard !slots.isEmpty else { return nil }
        let slot = slots[place.slot]
        guard slot.hash == place.hash, slot.index >= 0, case let line = kept[Int(slot.index)], Self.same(line.raw, raw) else { return nil }
        return line
    }

    /// Keeps `line` at `place` (its own), in place of the line there.
    mutating func keep(_ line: consuming Line, at place: Place) {
        if slots.isEmpty { slots = [Slot](repeating: Slot(), count: 1 << Self.slotBits) }
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
    private static func same(_ a: String, _ b: Substring) -> Bool {
        UTF8Scalars.withBytes(a) { a in UTF8Scalars.withBytes(b) { b in ByteSearch.same(a, b) } }
    }
}

extension RecentLines {
    /// Tables handed from one input's reader to the next one's, so that a run's inputs share
    /// what they read (most pages of a site repeat its menus and footers) and a reader's end
    /// does not destroy its table. A worker takes one per input, so there are about as many as
    /// workers; more than `kept` given back are dropped.
    final class Pool: Sendable {
        private let tables = Mutex<[RecentLines]>([])
        private static let kept = 16

        /// A table of lines read before, or a new one.
        func take() -> RecentLines {
            tables.withLock { $0.popLast() } ?? RecentLines()
        }

        /// Gives `table` back for a later input.
        func give(_ table: RecentLines) {
            tables.withLock { tables in
                if tables.count < Self.kept { tables.append(table) }
            }
        }
    }
}
