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
    var bodyLines: [Int] = []
    var related: [RelatedItem] = []
    var removed: [Removal] = []
    var lines: LineRange?
    var paragraphs = 0

    mutating func take(_ line: Int) {
        lines = lines.map { $0.union(LineRange(line: line)) } ?? LineRange(line: line)
    }

    mutating func remove(_ text: String, _ reason: RemovalReason, line: Int) {
        removed.append(Removal(text: text, reason: reason, lines: LineRange(line: line)))
        take(line)
    }

    mutating func append(_ block: Block, line: Int) {
        body.append(block)
        bodyLines.append(line)
        take(line)
    }

    /// Takes what was gathered before the first paragraph (removals, figures, metadata).
    mutating func absorb(_ other: Draft) {
        removed = other.removed + removed
        body = other.body + body
        bodyLines = other.bodyLines + bodyLines
        date = date ?? other.date
        dateText = dateText ?? other.dateText
        dateline = dateline ?? other.dateline
        authors = other.authors + authors
        publisher = publisher ?? other.publisher
        keywords = other.keywords + keywords
        related = other.related + related
        if let range = other.lines { lines = lines.map { $0.union(range) } ?? range }
    }
}
