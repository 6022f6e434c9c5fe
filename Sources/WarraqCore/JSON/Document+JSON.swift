// The canonical JSON form of the document model (DESIGN.md): fixed member order, absent and
// empty fields left out. Each type's writer and reader stand side by side so they stay in step.
// `addMembers` is the one place that decides member order: it feeds both the `JSONValue` tree
// (`json`) and the bytes written straight out (`writeJSON`).

extension Document: JSONObjectRepresentable {
    public func addMembers<Sink: JSONObjectSink & ~Copyable>(to o: inout Sink) {
        o.add("id", id)
        o.add("title", title)
        o.add("subtitle", subtitle)
        o.add("date", date)
        o.add("dateText", dateText)
        o.add("dateline", dateline)
        o.add("authors", authors)
        o.add("publisher", publisher)
        o.add("section", section)
        o.add("language", language)
        o.add("url", url)
        o.add("keywords", keywords)
        o.add("origin", origin)
        o.add("body", body)
        o.add("related", related)
        o.add("removed", removed)
    }

    public init(json: JSONValue) throws(JSONShapeError) {
        var r = try JSONObjectReader(json, what: "a document")
        self.init(
            id: try r.requiredString("id"),
            title: try r.string("title"),
            subtitle: try r.string("subtitle"),
            date: try r.string("date"),
            dateText: try r.string("dateText"),
            dateline: try r.value("dateline"),
            authors: try r.strings("authors"),
            publisher: try r.string("publisher"),
            section: try r.string("section"),
            language: try r.string("language"),
            url: try r.string("url"),
            keywords: try r.strings("keywords"),
            origin: try r.value("origin"),
            body: try r.array("body"),
            related: try r.array("related"),
            removed: try r.array("removed")
        )
        try r.finish()
    }
}

extension Document {
    /// Written with the types known here: callers in other modules (the JSON Lines writer) would
    /// otherwise run the generic member list, one dynamic call per member.
    public func writeJSON(into out: inout [UInt8]) { JSONObjectWriter.write(self, into: &out) }
}

extension Dateline: JSONObjectRepresentable {
    public func addMembers<Sink: JSONObjectSink & ~Copyable>(to o: inout Sink) {
        o.add("place", place)
        o.add("agency", agency)
        o.add("text", text)
    }

    public init(json: JSONValue) throws(JSONShapeError) {
        var r = try JSONObjectReader(json, what: "a dateline")
        self.init(place: try r.string("place"), agency: try r.string("agency"), text: try r.requiredString("text"))
        try r.finish()
    }
}

extension Origin: JSONObjectRepresentable {
    public func addMembers<Sink: JSONObjectSink & ~Copyable>(to o: inout Sink) {
        o.add("path", path)
        o.add("format", format)
        o.add("lines", lines)
        o.add("sha256", sha256)
    }

    public init(json: JSONValue) throws(JSONShapeError) {
        var r = try JSONObjectReader(json, what: "an origin")
        self.init(
            path: try r.requiredString("path"),
            format: try r.requiredString("format"),
            lines: try r.value("lines"),
            sha256: try r.string("sha256")
        )
        try r.finish()
    }
}

extension LineRange: JSONRepresentable {
    public var json: JSONValue { .array([.int(first), .int(last)]) }

    /// `[first,last]` with the digits written in place: no array of values, no strings.
    public func writeJSON(into out: inout JSONObjectWriter) {
        out.put(UInt8(ascii: "["))
        out.write(first)
        out.put(UInt8(ascii: ","))
        out.write(last)
        out.put(UInt8(ascii: "]"))
    }

    public init(json: JSONValue) throws(JSONShapeError) {
        guard let items = json.arrayValue, items.count == 2,
              let first = items[0].intValue, let last = items[1].intValue,
              first >= 1, last >= first
        else { throw JSONShapeError("must be [first, last] line numbers, 1-based, first <= last") }
        self.init(first, last)
    }
}

extension RelatedItem: JSONObjectRepresentable {
    public func addMembers<Sink: JSONObjectSink & ~Copyable>(to o: inout Sink) {
        o.add("title", title)
        o.add("section", section)
        o.add("author", author)
        o.add("url", url)
    }

    public init(json: JSONValue) throws(JSONShapeError) {
        var r = try JSONObjectReader(json, what: "a related item")
        self.init(
            title: try r.requiredString("title"),
            section: try r.string("section"),
            author: try r.string("author"),
            url: try r.string("url")
        )
        try r.finish()
    }
}

extension Removal: JSONObjectRepresentable {
    public func addMembers<Sink: JSONObjectSink & ~Copyable>(to o: inout Sink) {
        o.add("text", text)
        o.add("reason", reason.rawValue)
        o.add("lines", lines)
    }

    public init(json: JSONValue) throws(JSONShapeError) {
        var r = try JSONObjectReader(json, what: "a removed item")
        self.init(
            text: try r.requiredString("text"),
            reason: RemovalReason(rawValue: try r.requiredString("reason")),
            lines: try r.value("lines")
        )
        try r.finish()
    }
}

extension Inline: JSONObjectRepresentable {
    public func addMembers<Sink: JSONObjectSink & ~Copyable>(to o: inout Sink) {
        o.add("type", kind.rawValue)
        o.add("text", text)
        o.add("url", url)
    }

    public init(json: JSONValue) throws(JSONShapeError) {
        var r = try JSONObjectReader(json, what: "an inline")
        let name = try r.requiredString("type")
        guard let kind = Kind(rawValue: name) else {
            throw JSONShapeError("unknown inline type '\(name)' (known: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")))", at: "type")
        }
        self.init(kind, try r.requiredString("text"), url: try r.string("url"))
        try r.finish()
    }
}

extension ListItem: JSONObjectRepresentable {
    public func addMembers<Sink: JSONObjectSink & ~Copyable>(to o: inout Sink) {
        o.add("type", "item")
        o.add("text", text)
        o.add("inlines", inlines)
        o.add("children", children)
    }

    public init(json: JSONValue) throws(JSONShapeError) {
        var r = try JSONObjectReader(json, what: "a list item")
        let type = try r.requiredString("type")
        guard type == "item" else { throw JSONShapeError("a list's children must be of type 'item', not '\(type)'", at: "type") }
        self.init(text: try r.requiredString("text"), inlines: try r.inlines(), children: try r.array("children"))
        try r.finish()
    }
}

extension JSONObjectSink where Self: ~Copyable {
    /// `inlines` is written only when a reader had inline markup, even when empty.
    mutating func add(_ key: StaticString, _ inlines: [Inline]?) {
        if let inlines { add(key, array: inlines) }
    }
}

extension JSONObjectReader {
    mutating func inlines() throws(JSONShapeError) -> [Inline]? {
        let items: [Inline] = try array("inlines")
        return items.isEmpty ? nil : items
    }
}

extension Block: JSONObjectRepresentable {
    public static let typeNames = ["heading", "paragraph", "quote", "list", "figure", "embed", "table"]

    public func addMembers<Sink: JSONObjectSink & ~Copyable>(to o: inout Sink) {
        o.add("type", typeName)
        switch self {
        case .heading(let h):
            o.add("level", .int(h.level))
            o.add("text", h.text)
            o.add("language", h.language)
            o.add("inlines", h.inlines)
        case .paragraph(let p):
            o.add("text", p.text)
            o.add("language", p.language)
            o.add("inlines", p.inlines)
        case .quote(let q):
            o.add("text", q.text)
            o.add("source", q.source)
            o.add("language", q.language)
            o.add("inlines", q.inlines)
        case .list(let l):
            o.add("ordered", .bool(l.ordered))
            o.add("children", l.items)
        case .figure(let f):
            o.add("caption", f.caption)
            o.add("credit", f.credit)
            o.add("src", f.src)
        case .embed(let e):
            o.add("text", e.text)
            o.add("url", e.url)
        case .table(let t):
            o.add("text", t.text)
            o.add("rows", .array(t.rows.map { .array($0.map(JSONValue.string)) }))
        }
    }

    public init(json: JSONValue) throws(JSONShapeError) {
        var r = try JSONObjectReader(json, what: "a block")
        let type = try r.requiredString("type")
        switch type {
        case "heading":
            guard let level = try r.int("level"), (1...6).contains(level) else {
                throw JSONShapeError("a heading needs a level from 1 to 6", at: "level")
            }
            self = .heading(Heading(level: level, text: try r.requiredString("text"), language: try r.string("language"), inlines: try r.inlines()))
        case "paragraph":
            self = .paragraph(Paragraph(text: try r.requiredString("text"), language: try r.string("language"), inlines: try r.inlines()))
        case "quote":
            self = .quote(Quote(text: try r.requiredString("text"), source: try r.string("source"), language: try r.string("language"), inlines: try r.inlines()))
        case "list":
            self = .list(ListBlock(ordered: try r.bool("ordered") ?? false, items: try r.array("children")))
        case "figure":
            self = .figure(Figure(caption: try r.string("caption"), credit: try r.string("credit"), src: try r.string("src")))
        case "embed":
            self = .embed(Embed(text: try r.string("text"), url: try r.string("url")))
        case "table":
            _ = try r.string("text")
            let shape = JSONShapeError("a table needs rows: an array of arrays of strings", at: "rows")
            guard let rowValues = r.raw("rows")?.arrayValue else { throw shape }
            var rows: [[String]] = []
            for rowValue in rowValues {
                guard let cells = rowValue.arrayValue else { throw shape }
                var row: [String] = []
                for cell in cells {
                    guard let text = cell.stringValue else { throw shape }
                    row.append(text)
                }
                rows.append(row)
            }
            self = .table(Table(rows: rows))
        default:
            throw JSONShapeError("unknown block type '\(type)' (known: \(Self.typeNames.joined(separator: ", ")))", at: "type")
        }
        try r.finish()
    }
}
