import WarraqCore

/// The scrape lines around the one being assembled: the assembler looks a fixed number of
/// lines back and ahead (echoes, a heading's next paragraphs), so only those are kept and a
/// dump of any size streams through in constant memory. Each line's echo key is kept with it,
/// its hash in an array of its own: repeats are counted by scanning hundreds of hashes for
/// every short heading.
struct LineWindow {
    /// Room for a page dump's lines from the start: grown from empty, the arrays were copied
    /// eight times on the way.
    private var lines: [ScrapeLine] = Self.room()
    private var echoHashes: [Int] = Self.room()
    private var echoStarts: [Int] = Self.room()
    /// The position of `lines[0]`.
    private(set) var start = 0

    /// One past the position of the last line added.
    var end: Int { start + lines.count }

    /// The line at `position`, lent rather than copied: the window is scanned hundreds of
    /// lines wide for every heading, and a copy retains and releases each of a line's strings.
    subscript(position: Int) -> ScrapeLine {
        _read { yield lines[position - start] }
    }

    private static func room<Element>() -> [Element] {
        var elements: [Element] = []
        elements.reserveCapacity(256)
        return elements
    }

    /// The hash of the echo key of the line at `position` (`LineEchoes.Key.hash`).
    func echoHash(at position: Int) -> Int { echoHashes[position - start] }

    /// The echo key's text of the line at `position`: its text from `LineEchoes.Key.start`.
    func echoText(at position: Int) -> Substring {
        let text = lines[position - start].text
        return text[text.utf8.index(text.startIndex, offsetBy: echoStarts[position - start])...]
    }

    /// Whether the lines at `a` and `b` have the same echo key's text, compared on their bytes.
    func sameEcho(_ a: Int, _ b: Int) -> Bool {
        let startA = echoStarts[a - start], startB = echoStarts[b - start]
        return UTF8Scalars.withBytes(lines[a - start].text) { bytesA in
            UTF8Scalars.withBytes(lines[b - start].text) { bytesB in
                ByteSearch.same(UnsafeBufferPointer(rebasing: bytesA[startA...]), UnsafeBufferPointer(rebasing: bytesB[startB...]))
            }
        }
    }

    /// How many of the positions in `range` that the window holds have the echo hash `hash`
    /// and are accepted by `matches`. The hashes are read from their buffer: this scan runs
    /// hundreds of lines wide for every short heading.
    func countEchoes(of hash: Int, in range: Range<Int>, where matches: (Int) -> Bool) -> Int {
        let held = positions(range)
        return echoHashes.withUnsafeBufferPointer { hashes in
            var count = 0
            for index in (held.lowerBound - start)..<(held.upperBound - start) where hashes[index] == hash && matches(index + start) {
                count += 1
            }
            return count
        }
    }

    /// The positions in `range` that the window holds.
    func positions(_ range: Range<Int>) -> Range<Int> {
        let lower = max(range.lowerBound, start)
        return lower..<max(min(range.upperBound, end), lower)
    }

    mutating func append(_ line: consuming ScrapeLine, echo: LineEchoes.Key) {
        lines.append(line)
        echoHashes.append(echo.hash)
        echoStarts.append(echo.start)
    }

    /// Forgets lines before `position`, in batches so that dropping stays cheap.
    mutating func forget(before position: Int) {
        let count = position - start
        guard count >= 1024 else { return }
        lines.removeFirst(count)
        echoHashes.removeFirst(count)
        echoStarts.removeFirst(count)
        start = position
    }
}
