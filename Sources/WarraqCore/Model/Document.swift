/// One article: what a reader found, what a transform changed, what a writer renders.
///
/// Field names and order are those of DESIGN.md's canonical JSON, which tools outside Warraq
/// read. Optional fields that are `nil` and arrays that are empty are left out of every output.
public struct Document: Sendable, Equatable, Hashable {
    /// Stable within a run: the input's file stem, `#`, and the document's 1-based position in it.
    public var id: String
    public var title: String?
    public var subtitle: String?
    /// ISO 8601, as precise as the source says: `2024-12-03` or `2016-12-16T15:24:14`.
    public var date: String?
    /// The date exactly as the page printed it.
    public var dateText: String?
    public var dateline: Dateline?
    public var authors: [String]
    public var publisher: String?
    public var section: String?
    /// BCP 47 tag, `ar` or `en-GB`.
    public var language: String?
    public var url: String?
    public var keywords: [String]
    public var origin: Origin?
    public var body: [Block]
    public var related: [RelatedItem]
    /// Everything a reader dropped, with why and from where: nothing is lost silently.
    public var removed: [Removal]

    /// Inlinable: called across modules it built the document in a buffer of its own and
    /// copied it out, retaining every string and array once more.
    @inlinable
    public init(
        id: String,
        title: String? = nil,
        subtitle: String? = nil,
        date: String? = nil,
        dateText: String? = nil,
        dateline: Dateline? = nil,
        authors: [String] = [],
        publisher: String? = nil,
        section: String? = nil,
        language: String? = nil,
        url: String? = nil,
        keywords: [String] = [],
        origin: Origin? = nil,
        body: [Block] = [],
        related: [RelatedItem] = [],
        removed: [Removal] = []
    ) {
        self.id = id
        self.title = title
        self.subtitle = subtitle
        self.date = date
        self.dateText = dateText
        self.dateline = dateline
        self.authors = authors
        self.publisher = publisher
        self.section = section
        self.language = language
        self.url = url
        self.keywords = keywords
        self.origin = origin
        self.body = body
        self.related = related
        self.removed = removed
    }
}

/// Where an article was filed from and by whom: `موسكو-سانا`, `القاهرة (رويترز) -`.
public struct Dateline: Sendable, Equatable, Hashable {
    public var place: String?
    public var agency: String?
    /// The dateline as printed.
    public var text: String

    public init(place: String? = nil, agency: String? = nil, text: String) {
        self.place = place
        self.agency = agency
        self.text = text
    }
}

/// Provenance: which input, read how, which lines, and the input's hash.
public struct Origin: Sendable, Equatable, Hashable {
    public var path: String
    /// The reader's format name (`scrape`, `html`, `text`).
    public var format: String
    /// First and last input line (1-based, inclusive) the document was read from.
    public var lines: LineRange?
    /// Lowercase hex SHA-256 of the whole input.
    public var sha256: String?

    public init(path: String, format: String, lines: LineRange? = nil, sha256: String? = nil) {
        self.path = path
        self.format = format
        self.lines = lines
        self.sha256 = sha256
    }
}

/// An inclusive range of 1-based input lines, written as `[first, last]`.
public struct LineRange: Sendable, Equatable, Hashable {
    public var first: Int
    public var last: Int

    public init(_ first: Int, _ last: Int) {
        self.first = first
        self.last = max(first, last)
    }

    public init(line: Int) { self.init(line, line) }

    /// The smallest range holding both.
    public func union(_ other: LineRange) -> LineRange {
        LineRange(min(first, other.first), max(last, other.last))
    }
}

/// A link to another article that the page listed beside this one.
public struct RelatedItem: Sendable, Equatable, Hashable {
    public var title: String
    public var section: String?
    public var author: String?
    public var url: String?

    public init(title: String, section: String? = nil, author: String? = nil, url: String? = nil) {
        self.title = title
        self.section = section
        self.author = author
        self.url = url
    }
}

/// Text a reader or transform dropped, kept so that nothing is lost.
public struct Removal: Sendable, Equatable, Hashable {
    public var text: String
    public var reason: RemovalReason
    public var lines: LineRange?

    public init(text: String, reason: RemovalReason, lines: LineRange? = nil) {
        self.text = text
        self.reason = reason
        self.lines = lines
    }
}
