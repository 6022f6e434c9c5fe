/// A body block. The set is closed, like swift-markdown's nodes: writers switch over it and the
/// compiler tells them when a kind is added. Every text-bearing block has a plain `text`.
public enum Block: Sendable, Equatable, Hashable {
    case heading(Heading)
    case paragraph(Paragraph)
    case quote(Quote)
    case list(ListBlock)
    case figure(Figure)
    case embed(Embed)
    case table(Table)

    /// The `type` value of the canonical JSON.
    public var typeName: String {
        switch self {
        case .heading: "heading"
        case .paragraph: "paragraph"
        case .quote: "quote"
        case .list: "list"
        case .figure: "figure"
        case .embed: "embed"
        case .table: "table"
        }
    }

    /// The language of a heading, paragraph or quote, set only where it differs from the
    /// document's (an English paragraph in an Arabic article); nil for the other kinds, which
    /// ignore a new value.
    public var language: String? {
        get {
            switch self {
            case .heading(let h): h.language
            case .paragraph(let p): p.language
            case .quote(let q): q.language
            case .list, .figure, .embed, .table: nil
            }
        }
        set {
            switch self {
            case .heading(var h): h.language = newValue; self = .heading(h)
            case .paragraph(var p): p.language = newValue; self = .paragraph(p)
            case .quote(var q): q.language = newValue; self = .quote(q)
            case .list, .figure, .embed, .table: break
            }
        }
    }

    /// The block's readable text, children included, one line per item or row.
    public var plainText: String {
        switch self {
        case .heading(let h): h.text
        case .paragraph(let p): p.text
        case .quote(let q): q.text
        case .list(let l): l.items.map(\.plainText).joined(separator: "\n")
        case .figure(let f): Self.spaced(f.caption, f.credit)
        case .embed(let e): Self.spaced(e.text, e.url)
        case .table(let t): t.text
        }
    }

    /// The parts that are there, a space between: a figure's or embed's plain text, asked of
    /// every one in an article when its headline is judged, and an array joined cost several
    /// allocations.
    private static func spaced(_ first: String?, _ second: String?) -> String {
        guard let first else { return second ?? "" }
        guard let second else { return first }
        return first + " " + second
    }
}

public struct Heading: Sendable, Equatable, Hashable {
    /// 1 to 6, as in HTML.
    public var level: Int
    public var text: String
    /// BCP 47, only where it differs from the document's.
    public var language: String?
    public var inlines: [Inline]?

    public init(level: Int, text: String, language: String? = nil, inlines: [Inline]? = nil) {
        self.level = min(max(level, 1), 6)
        self.text = text
        self.language = language
        self.inlines = inlines
    }
}

public struct Paragraph: Sendable, Equatable, Hashable {
    public var text: String
    /// BCP 47, only where it differs from the document's.
    public var language: String?
    public var inlines: [Inline]?

    public init(text: String, language: String? = nil, inlines: [Inline]? = nil) {
        self.text = text
        self.language = language
        self.inlines = inlines
    }
}

public struct Quote: Sendable, Equatable, Hashable {
    public var text: String
    /// Who is quoted, where the page says.
    public var source: String?
    /// BCP 47, only where it differs from the document's.
    public var language: String?
    public var inlines: [Inline]?

    public init(text: String, source: String? = nil, language: String? = nil, inlines: [Inline]? = nil) {
        self.text = text
        self.source = source
        self.language = language
        self.inlines = inlines
    }
}

public struct ListBlock: Sendable, Equatable, Hashable {
    public var ordered: Bool
    public var items: [ListItem]

    public init(ordered: Bool = false, items: [ListItem]) {
        self.ordered = ordered
        self.items = items
    }
}

/// A list item: its own text, and nested blocks (a sub-list) in `children`.
public struct ListItem: Sendable, Equatable, Hashable {
    public var text: String
    public var inlines: [Inline]?
    public var children: [Block]

    public init(text: String, inlines: [Inline]? = nil, children: [Block] = []) {
        self.text = text
        self.inlines = inlines
        self.children = children
    }

    var plainText: String {
        ([text] + children.map(\.plainText)).filter { !$0.isEmpty }.joined(separator: "\n")
    }
}

/// A picture: its caption and credit (`أ.ف.ب`), and its address when the reader knows it.
public struct Figure: Sendable, Equatable, Hashable {
    public var caption: String?
    public var credit: String?
    public var src: String?

    public init(caption: String? = nil, credit: String? = nil, src: String? = nil) {
        self.caption = caption
        self.credit = credit
        self.src = src
    }
}

/// Embedded third-party content, such as a tweet: its text and link.
public struct Embed: Sendable, Equatable, Hashable {
    public var text: String?
    public var url: String?

    public init(text: String? = nil, url: String? = nil) {
        self.text = text
        self.url = url
    }
}

/// A table, kept as text: `text` has one line per row with cells separated by tabs.
public struct Table: Sendable, Equatable, Hashable {
    public var rows: [[String]]

    public init(rows: [[String]]) { self.rows = rows }

    public var text: String { rows.map { $0.joined(separator: "\t") }.joined(separator: "\n") }
}

/// A run of inline text; the runs of a block concatenate to its `text`.
public struct Inline: Sendable, Equatable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case text, link, emphasis, strong, code
    }

    public var kind: Kind
    public var text: String
    /// The target, for links.
    public var url: String?

    public init(_ kind: Kind, _ text: String, url: String? = nil) {
        self.kind = kind
        self.text = text
        self.url = url
    }
}
