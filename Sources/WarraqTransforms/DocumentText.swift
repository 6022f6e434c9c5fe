import WarraqCore

/// Maps text over runs that are read as one stream: a block's inline runs concatenate to its
/// text, so white space folding must see where one run ends and the next begins.
typealias RunMapping = ([String]) -> [String]

extension Document {
    /// Applies `map` to every field a reader put prose in: title, subtitle, dateline, authors,
    /// publisher, section, keywords, the body and related titles. Ids, URLs, dates, origin and
    /// `removed` (kept verbatim so that nothing is lost) are left alone.
    mutating func mapText(_ map: RunMapping) {
        func one(_ text: String) -> String { map([text])[0] }
        title = title.map(one)
        subtitle = subtitle.map(one)
        dateline = dateline.map { Dateline(place: $0.place.map(one), agency: $0.agency.map(one), text: one($0.text)) }
        authors = authors.map(one)
        publisher = publisher.map(one)
        section = section.map(one)
        keywords = keywords.map(one)
        body = body.map { $0.mappingText(map) }
        related = related.map { item in
            var item = item
            item.title = one(item.title)
            item.section = item.section.map(one)
            item.author = item.author.map(one)
            return item
        }
    }
}

extension Block {
    func mappingText(_ map: RunMapping) -> Block {
        func one(_ text: String) -> String { map([text])[0] }
        /// The text and its inline runs, kept consistent: the text is the runs joined.
        func runs(_ text: String, _ inlines: [Inline]?) -> (String, [Inline]?) {
            guard let inlines, !inlines.isEmpty else { return (one(text), inlines) }
            let mapped = map(inlines.map(\.text))
            let newInlines = zip(inlines, mapped).map { Inline($0.kind, $1, url: $0.url) }
            return (mapped.joined(), newInlines)
        }
        switch self {
        case .heading(var h):
            (h.text, h.inlines) = runs(h.text, h.inlines)
            return .heading(h)
        case .paragraph(var p):
            (p.text, p.inlines) = runs(p.text, p.inlines)
            return .paragraph(p)
        case .quote(var q):
            (q.text, q.inlines) = runs(q.text, q.inlines)
            q.source = q.source.map(one)
            return .quote(q)
        case .list(let l):
            return .list(ListBlock(ordered: l.ordered, items: l.items.map { $0.mappingText(map) }))
        case .figure(let f):
            return .figure(Figure(caption: f.caption.map(one), credit: f.credit.map(one), src: f.src))
        case .embed(let e):
            return .embed(Embed(text: e.text.map(one), url: e.url))
        case .table(let t):
            return .table(Table(rows: t.rows.map { $0.map(one) }))
        }
    }
}

extension ListItem {
    func mappingText(_ map: RunMapping) -> ListItem {
        var item = self
        if let inlines, !inlines.isEmpty {
            let mapped = map(inlines.map(\.text))
            item.inlines = zip(inlines, mapped).map { Inline($0.kind, $1, url: $0.url) }
            item.text = mapped.joined()
        } else {
            item.text = map([text])[0]
        }
        item.children = children.map { $0.mappingText(map) }
        return item
    }
}
