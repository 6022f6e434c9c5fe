import WarraqCore

/// A document being assembled, with the input lines it has taken so far.
struct Draft {
    var title: String?
    var titleLine: Int?
    var section: String?
    var date: String?
    var dateText: String?
    var dateline: Dateline?
    var authors: [String] = []
    var publisher: String?
    var keywords: [String] = []
    var body: [Block] = []
    /// The input line of each body block, for splitting a tweet glued to a paragraph.
    var bodyLines: [LineRange] = []
    var related: [RelatedItem] = []
    var removed: [Removal] = []
    /// Lines turned into fields (title, section, date, dateline) with the text each said: when a
    /// thin draft is folded into another article they become removals again.
    var claimed: [Removal] = []
    var lines: LineRange?
    var paragraphs = 0
    /// Words of running text: what makes a draft an article rather than a page's furniture.
    /// Counted as paragraphs are appended (from the line's own count where it has one), so
    /// that `ThinArticles` need not read the text again.
    var paragraphWords = 0
    /// Opened by a heading in a block of related links (after `Read more`).
    var afterRelatedLabel = false

    mutating func take(_ range: LineRange) {
        lines = lines.map { $0.union(range) } ?? range
    }

    mutating func remove(_ text: String, _ reason: RemovalReason, lines range: LineRange) {
        Self.append(Removal(text: text, reason: reason, lines: range), to: &removed)
        take(range)
    }

    mutating func claim(_ text: String, lines range: LineRange) {
        Self.append(Removal(text: text, reason: .metadata, lines: range), to: &claimed)
        take(range)
    }

    mutating func append(_ block: Block, lines range: LineRange) {
        if case .paragraph(let paragraph) = block { paragraphWords += TextShape.wordCount(paragraph.text) }
        Self.append(block, to: &body)
        Self.append(range, to: &bodyLines)
        take(range)
    }

    /// Appends a paragraph of `words` words, counted already.
    mutating func appendParagraph(_ text: String, words: Int, lines range: LineRange) {
        Self.append(.paragraph(Paragraph(text: text)), to: &body)
        Self.append(range, to: &bodyLines)
        take(range)
        paragraphWords += words
    }

    /// Room a list is given when its first element comes: most drafts hold a few blocks and
    /// removals, and a list grown from one by doubling was moved three or four times.
    static let firstRoom = 8

    private static func append<Element>(_ element: Element, to list: inout [Element]) {
        if list.capacity == 0 { list.reserveCapacity(firstRoom) }
        list.append(element)
    }

    /// Takes what was gathered before the first paragraph (removals, figures, metadata).
    mutating func absorb(_ other: Draft) {
        Self.prepend(other.removed, to: &removed)
        Self.prepend(other.claimed, to: &claimed)
        Self.prepend(other.body, to: &body)
        Self.prepend(other.bodyLines, to: &bodyLines)
        paragraphWords += other.paragraphWords
        date = date ?? other.date
        dateText = dateText ?? other.dateText
        dateline = dateline ?? other.dateline
        Self.prepend(other.authors, to: &authors)
        publisher = publisher ?? other.publisher
        Self.prepend(other.keywords, to: &keywords)
        Self.prepend(other.related, to: &related)
        if let range = other.lines { lines = lines.map { $0.union(range) } ?? range }
    }

    /// Puts `front` before `list` in place: most of what is absorbed is empty, and `+` would
    /// build a new array all the same. Before an empty list `front` is shared, not copied
    /// element by element.
    private static func prepend<Element>(_ front: [Element], to list: inout [Element]) {
        if list.isEmpty {
            list = front
        } else if !front.isEmpty {
            list.insert(contentsOf: front, at: 0)
        }
    }
}
