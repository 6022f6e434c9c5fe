import WarraqCore

/// Writes a document's `<text>`: title, subtitle, byline and dateline at the head of the
/// article's `div`, where TEI puts them; the blocks before the first heading; related articles as
/// a `listBibl` and a `gap` for each removal; then a `div` per heading, nested by level, because
/// TEI allows `head` only at the start of a division.
struct TEIBodyWriter {
    let document: Document
    /// The document's `xml:id`, which its removals' ids extend.
    let id: String
    let writer: XMLTextWriter

    func write() throws(WriterError) {
        try writer.start("text")
        try writer.start("body")
        try writer.start("div", ["type": "article"])
        if let title = document.title { try writer.element("head", title) }
        if let subtitle = document.subtitle { try writer.element("head", subtitle, ["type": "sub"]) }
        if !document.authors.isEmpty {
            try writer.start("byline")
            for author in document.authors { try writer.element("docAuthor", author) }
            try writer.end()
        }
        if let dateline = document.dateline { try self.dateline(dateline) }
        let firstHeading = document.body.firstIndex { if case .heading = $0 { true } else { false } } ?? document.body.endIndex
        for block in document.body[..<firstHeading] { try write(block) }
        if !document.related.isEmpty { try relatedList() }
        for (index, removal) in document.removed.enumerated() {
            try writer.empty("gap", ["reason": TEINames.token(removal.reason.rawValue), "corresp": "#" + TEINames.removalID(id, index)])
        }
        try sections(document.body[firstHeading...])
        try writer.end()
        try writer.end()
        try writer.end()
    }

    /// One `div type="section"` per heading; a heading closes the open divisions of its level and
    /// deeper, so a division never has text after a nested division (which TEI forbids).
    private func sections(_ blocks: ArraySlice<Block>) throws(WriterError) {
        var openLevels: [Int] = []
        for block in blocks {
            guard case .heading(let heading) = block else {
                try write(block)
                continue
            }
            while let level = openLevels.last, level >= heading.level {
                try writer.end()
                openLevels.removeLast()
            }
            try writer.start("div", ["type": "section"])
            try writer.mixed("head", ["n": String(heading.level), "xml:lang": Self.lang(heading.language)]) { () throws(WriterError) in try inlines(heading.inlines, text: heading.text) }
            openLevels.append(heading.level)
        }
        for _ in openLevels { try writer.end() }
    }

    /// The dateline as printed, its place and agency marked where the text shows them.
    private func dateline(_ dateline: Dateline) throws(WriterError) {
        let text = dateline.text
        var marks: [(range: Range<String.Index>, element: StaticString)] = []
        for (part, element) in [(dateline.place, "placeName" as StaticString), (dateline.agency, "orgName")] {
            guard let part, !part.isEmpty, let range = text.firstRange(of: part),
                  !marks.contains(where: { $0.range.overlaps(range) }) else { continue }
            marks.append((range, element))
        }
        marks.sort { $0.range.lowerBound < $1.range.lowerBound }
        try writer.mixed("dateline") { () throws(WriterError) in
            var position = text.startIndex
            for mark in marks {
                if position < mark.range.lowerBound { try writer.text(String(text[position..<mark.range.lowerBound])) }
                try writer.element(mark.element, String(text[mark.range]))
                position = mark.range.upperBound
            }
            if position < text.endIndex || marks.isEmpty { try writer.text(String(text[position...])) }
        }
    }

    private func write(_ block: Block) throws(WriterError) {
        switch block {
        case .heading(let heading):
            // Only reached inside list items; elsewhere headings open divisions.
            try writer.mixed("p", ["rend": "heading", "xml:lang": Self.lang(heading.language)]) { () throws(WriterError) in try inlines(heading.inlines, text: heading.text) }
        case .paragraph(let paragraph):
            try writer.mixed("p", ["xml:lang": Self.lang(paragraph.language)]) { () throws(WriterError) in try inlines(paragraph.inlines, text: paragraph.text) }
        case .quote(let quote):
            if let source = quote.source {
                try writer.start("cit")
                try writer.mixed("quote", ["xml:lang": Self.lang(quote.language)]) { () throws(WriterError) in try inlines(quote.inlines, text: quote.text) }
                try writer.element("bibl", source)
                try writer.end()
            } else {
                try writer.mixed("quote", ["xml:lang": Self.lang(quote.language)]) { () throws(WriterError) in try inlines(quote.inlines, text: quote.text) }
            }
        case .list(let list):
            try writer.start("list", ["type": list.ordered ? "ordered" : "bulleted"])
            for item in list.items {
                try writer.mixed("item") { () throws(WriterError) in
                    try inlines(item.inlines, text: item.text)
                    for child in item.children { try write(child) }
                }
            }
            if list.items.isEmpty { try writer.empty("item") }
            try writer.end()
        case .figure(let figure):
            try writer.start("figure")
            if let url = TEIPointer.uri(figure.src) { try writer.empty("graphic", ["url": url]) }
            if let caption = figure.caption { try writer.element("head", caption) }
            if let credit = figure.credit { try writer.element("note", credit, ["type": "credit"]) }
            try writer.end()
        case .embed(let embed):
            try writer.mixed("note", ["type": "embed"]) { () throws(WriterError) in
                if let url = embed.url {
                    try writer.element("ref", embed.text ?? url, ["target": TEIPointer.uri(url)])
                } else {
                    try writer.text(embed.text ?? "")
                }
            }
        case .table(let table):
            // TEI wants at least one row of at least one cell.
            try writer.start("table")
            for row in table.rows.isEmpty ? [[]] : table.rows {
                try writer.start("row")
                for cell in row.isEmpty ? [""] : row { try writer.element("cell", cell) }
                try writer.end()
            }
            try writer.end()
        }
    }

    /// A block's own language as `@xml:lang`, or nil (no attribute) when it has none or it is no tag.
    private static func lang(_ language: String?) -> String? { language.flatMap(TEILanguage.normalized) }

    /// Inline runs as `ref`, `emph`, `hi` and `code`; plain text when the reader had none.
    private func inlines(_ runs: [Inline]?, text: String) throws(WriterError) {
        guard let runs else {
            try writer.text(text)
            return
        }
        for run in runs {
            switch run.kind {
            case .text: try writer.text(run.text)
            case .link: try writer.element("ref", run.text, ["target": TEIPointer.uri(run.url)])
            case .emphasis: try writer.element("emph", run.text)
            case .strong: try writer.element("hi", run.text, ["rend": "bold"])
            case .code: try writer.element("code", run.text)
            }
        }
    }

    private func relatedList() throws(WriterError) {
        try writer.start("listBibl", ["type": "related"])
        for item in document.related {
            try writer.start("bibl")
            try writer.element("title", item.title)
            if let author = item.author { try writer.element("author", author) }
            if let section = item.section { try writer.element("note", section, ["type": "section"]) }
            if let url = item.url { try writer.element("ref", url, ["target": TEIPointer.uri(url)]) }
            try writer.end()
        }
        try writer.end()
    }
}
