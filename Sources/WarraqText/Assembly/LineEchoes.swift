import WarraqCore

/// Where a line's text is printed again in the same dump. Pages print their headline more than
/// once (the window title, a breadcrumb, "Share this story: …", a list of most-read links), so
/// an echoed heading is likely the title; a short line printed many times ("Article content",
/// "Advertisement") is layout, not text.
enum LineEchoes {
    /// A short line printed at least this often is layout.
    static let layoutRepeats = 4
    /// The longest line, in words, that counts as layout when repeated.
    static let layoutWords = 5
    /// How far, in lines, echoes and repeats are looked for.
    static let window = 150

    /// What a line's repeats are found by: its text without a list bullet or number before it,
    /// and that hashed, so that nearby repeats are found by comparing integers. Made once, as
    /// the line comes: a list item's marker is found by `Character`s.
    struct Key {
        /// The byte offset in the line's text where the key's text starts: kept as a place in
        /// the text, not a string of its own, which every line would retain and release.
        let start: Int
        /// 0 for lines too long to be headings, which are never looked for.
        let hash: Int
    }

    static func key(_ line: ScrapeLine) -> Key {
        guard line.wordCount <= LineClassifier.headingWords else { return Key(start: 0, hash: 0) }
        let text = line.text
        let start = ListMarker.item(Substring(text)).map { text.utf8.distance(from: text.startIndex, to: $0.startIndex) } ?? 0
        // Hashed on bytes: `String`'s hash normalises Unicode first, which is slow on Arabic.
        let hash = UTF8Scalars.withBytes(text) { bytes in
            Self.hash(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start...])))
        }
        return Key(start: start, hash: hash | 1)
    }

    /// `ByteHash` of the bytes, as an `Int`.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        Int(bitPattern: UInt(ByteHash.of(bytes)))
    }

    /// How often the line at `position` is printed within the window around it (itself
    /// included). Counting near it, not in the whole dump, keeps a big dump of many pages from
    /// making every recurring headline look like layout.
    static func repeats(_ position: Int, in lines: LineWindow) -> Int {
        let hash = lines.echoHash(at: position)
        guard hash != 0 else { return 1 }
        // The line itself is counted without comparing it with itself.
        return lines.countEchoes(of: hash, in: (position - window)..<(position + window)) { other in
            other == position || lines.sameEcho(other, position)
        }
    }

    static func isLayout(_ position: Int, in lines: LineWindow) -> Bool {
        lines[position].wordCount <= layoutWords && repeats(position, in: lines) >= layoutRepeats
    }

    /// Whether the line at `position` is printed again: on its own, after a bullet, or inside
    /// a longer line near it.
    static func isEchoed(_ position: Int, in lines: LineWindow) -> Bool {
        let line = lines[position]
        if repeats(position, in: lines) > 1 { return true }
        guard line.wordCount >= 3 else { return false }
        let needle = ByteSearch.Needle(line.text)
        return lines.positions((position - window)..<(position + window)).contains { other in
            lines[other].text.utf8.count > line.text.utf8.count && needle.occurs(in: lines[other].text)
        }
    }
}
