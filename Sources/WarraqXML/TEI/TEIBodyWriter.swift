import WarraqCore

/// Writes a document's `<text>`: title, byline and dateline at the head of the article's `div`,
/// blocks up to the first heading, then one nested `div` per heading (TEI allows `head` only at
/// the start of a division), related articles as a `listBibl`, and a `gap` per removal.
struct TEIBodyWriter {
    let document: Document
    let writer: XMLTextWriter

    static func removalID(_ document: Document, _ index: Int) -> String {
        TEINames.xmlID(for: document.id) + "_rm\(index + 1)"
    }

    func write() throws {
        try writer.start("text")
        try writer.start("body")
        try writer.start("div", ["type": "article"])
        if let title = document.title { try writer.element("head", title) }
        if !document.authors.isEmpty {
            try writer.start("byline")
            for author in document.authors { try writer.element("docAuthor", author) }
            try writer.end()
        }
        if let dateline = document.dateline { try writer.element("dateline", dateline.text) }
        let sections = splitAtHeadings(document.body)
        var wroteContent = false
        for block in sections.lead {
            try write(block)
            wroteContent = true
        }
        if !document.related.isEmpty {
            try relatedList()
            wroteContent = true
        }
        for (index, _) in document.removed.enumerated() {
            try writer.empty("gap", ["reason": TEINames.token(document.removed[index].reason.rawValue), "corresp": "#" + Self.removalID(document, index)])
            wroteContent = true
        }
        if !wroteContent && sections.divisions.isEmpty { try writer.empty("p") }
        for division in sections.divisions {
            try writer.start("div", ["type": "section"])
            try writer.element("head", division.heading.text, ["n": String(division.heading.level)])
            for block in division.blocks { try write(block) }
            if division.blocks.isEmpty { try writer.empty("p") }
            try writer.end()
        }
        try writer.end()
        try writer.end()
        try writer.end()
    }

    private func splitAtHeadings(_ blocks: [Block]) -> (lead: [Block], divisions: [(heading: Heading, blocks: [Block])]) {
        var lead: [Block] = []
        var divisions: [(heading: Heading, blocks: [Block])] = []
        for block in blocks {
            if case .heading(let heading) = block {
                divisions.append((heading, []))
            } else if divisions.isEmpty {
                lead.append(block)
            } else {
                divisions[divisions.count - 1].blocks.append(block)
            }
        }
        return (lead, divisions)
    }

    private func write(_ block: Block) throws {
        switch block {
        case .heading(let heading):
            // Only reached inside list items; elsewhere headings open divisions.
            try writer.element("p", heading.text, ["rend": "heading"])
        case .paragraph(let paragraph):
            try writer.start("p")
            try inlines(paragraph.inlines, text: paragraph.text)
            try writer.end()
        case .quote(let quote):
            if let source = quote.source {
                try writer.start("cit")
                try writer.element("quote", quote.text)
                try writer.element("bibl", source)
                try writer.end()
            } else {
                try writer.element("quote", quote.text)
            }
        case .list(let list):
            try writer.start("list", ["type": list.ordered ? "ordered" : "bulleted"])
            for item in list.items {
                try writer.start("item")
                try inlines(item.inlines, text: item.text)
                for child in item.children { try write(child) }
                try writer.end()
            }
            if list.items.isEmpty { try writer.empty("item") }
            try writer.end()
        case .figure(let figure):
            try writer.start("figure")
            if let src = figure.src { try writer.empty("graphic", ["url": src]) }
            if let caption = figure.caption { try writer.element("head", caption) }
            if let credit = figure.credit { try writer.element("note", credit, ["type": "credit"]) }
            try writer.end()
        case .embed(let embed):
            try writer.start("note", ["type": "embed"])
            if let url = embed.url {
                try writer.element("ref", embed.text ?? url, ["target": url])
            } else {
                try writer.text(embed.text ?? "")
            }
            try writer.end()
        case .table(let table):
            try writer.start("table")
            for row in table.rows {
                try writer.start("row")
                for cell in row { try writer.element("cell", cell) }
                try writer.end()
            }
            if table.rows.isEmpty { try writer.empty("row") }
            try writer.end()
        }
    }

    /// Inline runs as `ref`, `emph`, `hi` and `code`; plain text when the reader had none.
    private func inlines(_ runs: [Inline]?, text: String) throws {
        guard let runs else {
            try writer.text(text)
            return
        }
        for run in runs {
            switch run.kind {
            case .text: try writer.text(run.text)
            case .link: try writer.element("ref", run.text, ["target": run.url])
            case .emphasis: try writer.element("emph", run.text)
            case .strong: try writer.element("hi", run.text, ["rend": "bold"])
            case .code: try writer.element("code", run.text)
            }
        }
    }

    private func relatedList() throws {
        try writer.start("listBibl", ["type": "related"])
        for item in document.related {
            try writer.start("bibl")
            try writer.element("title", item.title)
            if let author = item.author { try writer.element("author", author) }
            if let section = item.section { try writer.element("note", section, ["type": "section"]) }
            if let url = item.url { try writer.element("ref", url, ["target": url]) }
            try writer.end()
        }
        try writer.end()
    }
}
