import WarraqCore

/// A line folded for phrase matching (see `Folding`) only as far as the matching looks. A long
/// paragraph, most of a dump's bytes, is matched on its first bytes (phrases it may start with)
/// and on its bare core (a whole-line phrase with marks around it); only short lines, which
/// may hold a phrase anywhere, are folded whole.
struct FoldedLine {
    /// The folded line, or when `isWhole` is false its first bytes: at least `reach` beyond
    /// the longest phrase, so that a phrase's end is tested against the scalar after it.
    let head: String
    /// Whether `head` is the whole folded line.
    let isWhole: Bool
    /// The folded line without the label marks around it (`LineClassifier.trimmingMarks`), nil
    /// when longer than any phrase.
    let bare: Substring?

    /// Bytes beyond a prefix phrase that `head` holds: the longest UTF-8 scalar.
    static let reach = 4

    /// A line folded whole.
    init(whole folded: String) {
        self.init(head: folded, isWhole: true, bare: LineClassifier.trimmingMarks(folded))
    }

    /// `text` folded whole, or when `whole` is false as far as phrases of at most `longest`
    /// bytes are matched.
    init(_ text: String, whole: Bool, longest: Int) {
        guard !whole else {
            self.init(whole: Folding.fold(text))
            return
        }
        self = UTF8Scalars.withBytes(text) { bytes in
            let (head, isWhole) = Folding.fold(bytes, limit: longest + Self.reach)
            guard !isWhole else { return FoldedLine(whole: head) }
            // Folding keeps label marks and drops or spaces out the rest of what trimming
            // passes over, so the bare line is the fold of the text between those.
            let bare = Folding.fold(UnsafeBufferPointer(rebasing: bytes[Self.core(bytes)]), within: longest).map(LineClassifier.trimmingMarks)
            return FoldedLine(head: head, isWhole: false, bare: bare)
        }
    }

    private init(head: String, isWhole: Bool, bare: Substring?) {
        self.head = head
        self.isWhole = isWhole
        self.bare = bare
    }

    /// The bytes from the first to the last scalar that folds to something other than label
    /// marks and spaces.
    private static func core(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        func isEdge(_ value: UInt32) -> Bool {
            LineClassifier.isLabelMark(value) || Folding.isSpace(value) || Folding.vanishes(value)
        }
        var start = 0
        while start < bytes.count {
            let (value, length) = UTF8Scalars.decode(bytes, at: start)
            guard isEdge(value) else { break }
            start += length
        }
        var end = bytes.count
        while end > start {
            let last = UTF8Scalars.start(before: end, in: bytes)
            guard isEdge(UTF8Scalars.decode(bytes, at: last).value) else { break }
            end = last
        }
        return start..<end
    }
}
