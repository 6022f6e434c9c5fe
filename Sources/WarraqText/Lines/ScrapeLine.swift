import WarraqCore

/// One non-blank input line as the scrape reader sees it.
struct ScrapeLine {
    /// The 1-based input lines it came from: more than one where a text browser wrapped it.
    var lines: LineRange
    /// The line with white space runs (NBSP included) folded to one space, ends trimmed.
    var text: String
    /// The line as it was, ad markers taken out: wide spaces in it still tell datelines apart.
    /// A slice of the input, not a copy: few lines are ever asked for it (an article's first
    /// paragraph, for its dateline).
    var raw: Substring
    var kind: LineKind

    /// `wordCount` is `text`'s when the caller has counted it already.
    init(lines: LineRange, text: String, raw: Substring, kind: LineKind, wordCount: Int? = nil, atMargin: Bool = false) {
        self.lines = lines
        self.text = text
        self.raw = raw
        self.kind = kind
        self.wordCount = wordCount ?? TextShape.wordCount(text)
        self.atMargin = atMargin
    }
    /// Its place among the dump's scrape lines, counted from 0 (set by the assembler).
    var position = 0
    /// The place of the first scrape line made from the same input line: an ad marker taken
    /// out of a line comes before the line's text.
    var firstPosition = 0
    /// Whether it stands at the margin of a dump whose text is indented: a page heading there.
    var atMargin = false

    /// Its first input line.
    var number: Int { lines.first }

    /// Words in `text`, whose spaces are folded already: its spaces plus one.
    let wordCount: Int
}

/// What a line is, judged from its shape and the profile's phrase lists.
enum LineKind {
    /// Short, without a sentence end: a title, a section label, a related headline.
    case heading
    /// Running text.
    case paragraph
    /// Not article text.
    case boilerplate(RemovalReason)
    /// A label that opens a block of links to other articles (`مقالات ذات صلة`).
    case relatedLabel
    /// A line that is a date, possibly with a place before it and a link after (`| الأرشيف`).
    case date(NewsDateParser.Match, dateText: String, rest: String?)
    /// A short line with a date among other words (`Jane Doe · Posted: Aug 08, 2024 4:00 AM`):
    /// the article's date when it has none yet, else a heading.
    case bylineDate(NewsDateParser.Match, dateText: String)
    /// `تاريخ النشر: …`.
    case labeledDate(NewsDateParser.Match, dateText: String)
    case keywords([String])
    case publisher(String)
    case author(String)
    /// A photo caption ending in its credit: `… (أ.ف.ب)`.
    case caption(String, credit: String)
    /// A dateline standing alone (`موسكو-سانا`).
    case dateline(Dateline)
    /// A line with a link to an embedded post (`pic.twitter.com/…`, `https://t.co/…`).
    case embedLink(url: String?)
}
