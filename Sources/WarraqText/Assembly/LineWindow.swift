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

    /// Looks at the lines kept in `range` (clamped to what the window holds) in order until
    /// `body` returns a result. The lines are read in place: the window is scanned hundreds of
    /// lines wide for every heading, and copying a line out retains and releases its strings.
    func first<Result>(in range: Range<Int>, _ body: (ScrapeLine) -> Result?) -> Result? {
        lines.withUnsafeBufferPointer { buffer in
            for index in kept(range) {
                if let result = body(buffer[index]) { return result }
            }
            return nil
        }
    }

    func contains(in range: Range<Int>, where test: (ScrapeLine) -> Bool) -> Bool {
        first(in: range) { test($0) ? true : nil } ?? false
    }

    /// How many lines kept in `range` pass `test`, read in place like `first(in:_:)`.
    func count(in range: Range<Int>, where test: (ScrapeLine) -> Bool) -> Int {
        lines.withUnsafeBufferPointer { buffer in
            kept(range).reduce(0) { count, index in test(buffer[index]) ? count + 1 : count }
        }
    }

    /// The indices in `lines` of the positions in `range` that the window holds.
    private func kept(_ range: Range<Int>) -> Range<Int> {
        let lower = max(range.lowerBound, start) - start
        return lower..<max(min(range.upperBound, end) - start, lower)
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
