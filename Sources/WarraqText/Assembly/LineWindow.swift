/// The scrape lines around the one being assembled: the assembler looks a fixed number of
/// lines back and ahead (echoes, a heading's next paragraphs), so only those are kept and a
/// dump of any size streams through in constant memory.
struct LineWindow {
    private var lines: [ScrapeLine] = []
    /// The position of `lines[0]`.
    private(set) var start = 0

    /// One past the position of the last line added.
    var end: Int { start + lines.count }

    subscript(position: Int) -> ScrapeLine { lines[position - start] }

    /// The lines kept in `range`, clamped to what the window holds.
    subscript(range: Range<Int>) -> ArraySlice<ScrapeLine> {
        lines[(max(range.lowerBound, start) - start)..<(min(range.upperBound, end) - start)]
    }

    mutating func append(_ line: ScrapeLine) { lines.append(line) }

    /// Forgets lines before `position`, in batches so that dropping stays cheap.
    mutating func forget(before position: Int) {
        let count = position - start
        guard count >= 1024 else { return }
        lines.removeFirst(count)
        start = position
    }
}
