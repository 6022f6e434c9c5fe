import WarraqCore

/// Where a line's text is printed again in the same dump. Pages print their headline more than
/// once (the window title, a breadcrumb, "Share this story: …", a list of most-read links), so
/// an echoed heading is likely the title; a short line printed many times ("Article content",
/// "Advertisement") is layout, not text.
struct LineEchoes {
    /// A short line printed at least this often is layout.
    static let layoutRepeats = 4
    /// The longest line, in words, that counts as layout when repeated.
    static let layoutWords = 5
    /// How far, in lines, echoes and repeats are looked for.
    static let window = 150

    /// Each line's key hashed, so that nearby repeats are found by comparing integers.
    private let hashes: [Int]

    init(_ lines: [ScrapeLine]) {
        hashes = lines.map { $0.wordCount <= LineClassifier.headingWords ? Self.key($0).hashValue : 0 }
    }

    /// The text without a list bullet or number before it.
    static func key(_ line: ScrapeLine) -> String {
        ListMarker.item(Substring(line.text)).map(String.init) ?? line.text
    }

    /// How often `lines[index]` is printed within the window around it (itself included).
    /// Counting near it, not in the whole dump, keeps a big dump of many pages from making
    /// every recurring headline look like layout.
    func repeats(_ index: Int, in lines: [ScrapeLine]) -> Int {
        let hash = hashes[index]
        guard hash != 0 else { return 1 }
        let key = Self.key(lines[index])
        let low = max(0, index - Self.window), high = min(lines.count, index + Self.window)
        return (low..<high).reduce(0) { count, other in
            hashes[other] == hash && Self.key(lines[other]) == key ? count + 1 : count
        }
    }

    func isLayout(_ index: Int, in lines: [ScrapeLine]) -> Bool {
        lines[index].wordCount <= Self.layoutWords && repeats(index, in: lines) >= Self.layoutRepeats
    }

    /// Whether `lines[index]` is printed again: on its own, after a bullet, or inside a longer
    /// line near it.
    func isEchoed(_ index: Int, in lines: [ScrapeLine]) -> Bool {
        let line = lines[index]
        if repeats(index, in: lines) > 1 { return true }
        guard line.wordCount >= 3 else { return false }
        let low = max(0, index - Self.window), high = min(lines.count, index + Self.window)
        return lines[low..<high].contains { other in
            other.text.utf8.count > line.text.utf8.count && ByteSearch.contains(line.text, in: other.text)
        }
    }
}
