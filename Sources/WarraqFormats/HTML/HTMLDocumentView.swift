import WarraqCore

/// One document as HTML: a header card with its title and metadata, then its body, related
/// articles and (folded away) what was removed. The `html` writer and the `inspect` report
/// render documents through this, so a document looks the same in both.
public struct HTMLDocumentView {
    /// Prefix for element ids (`<prefix>-b3` is body block 3), so a report can link to blocks.
    public var anchor: String?
    /// A link shown in the metadata, such as the report's jump to the document's source lines.
    public var sourceLink: (href: String, label: String)?
    /// Whether to list the removed text under the body (the report shows it beside the source).
    public var listsRemoved = true

    public init(anchor: String? = nil, sourceLink: (href: String, label: String)? = nil, listsRemoved: Bool = true) {
        self.anchor = anchor
        self.sourceLink = sourceLink
        self.listsRemoved = listsRemoved
    }

    /// Right-to-left scripts' languages (primary subtag), for the article's base direction.
    static let rightToLeft: Set<String> = ["ar", "arc", "ckb", "dv", "fa", "he", "ks", "ku", "ps", "sd", "ug", "ur", "yi"]

    /// `rtl` for a right-to-left language, else `auto` (each block finds its own direction).
    public static func direction(language: String?) -> String {
        guard let primary = language?.split(separator: "-").first?.lowercased() else { return "auto" }
        return rightToLeft.contains(primary) ? "rtl" : "auto"
    }

    public func render(_ document: Document, into out: inout HTMLOutput) {
        out.open("article", [("class", "doc card"), ("id", anchor), ("lang", document.language), ("dir", Self.direction(language: document.language))])
        out.raw("\n<header>")
        if let title = document.title { out.element("h1", [("dir", "auto")], text: title) }
        if let subtitle = document.subtitle { out.element("p", [("class", "subtitle"), ("dir", "auto")], text: subtitle) }
        metadata(document, into: &out)
        out.raw("</header>\n<div class=\"body\">\n")
        for (index, block) in document.body.enumerated() {
            render(block, id: anchor.map { "\($0)-b\(index)" }, into: &out)
            out.raw("\n")
        }
        out.raw("</div>\n")
        if !document.related.isEmpty {
            out.raw("<section class=\"related\"><h2>Related</h2><ul>")
            for (index, item) in document.related.enumerated() {
                out.open("li", [("id", anchor.map { "\($0)-r\(index)" }), ("dir", "auto")])
                if let url = item.url {
                    out.element("a", [("href", url)], text: item.title)
                } else {
                    out.text(item.title)
                }
                let extra = [item.section, item.author].compactMap { $0 }
                if !extra.isEmpty { out.text(" (" + extra.joined(separator: ", ") + ")") }
                out.close("li")
            }
            out.raw("</ul></section>\n")
        }
        if listsRemoved, !document.removed.isEmpty {
            out.raw("<details class=\"removed-list\"><summary>")
            out.text(document.removed.count == 1 ? "1 removed item" : "\(document.removed.count) removed items")
            out.raw("</summary><ul>")
            for removal in document.removed {
                out.open("li", [("dir", "auto")])
                out.element("span", [("class", "badge reason")], text: removal.reason.rawValue)
                out.text(" " + removal.text)
                out.close("li")
            }
            out.raw("</ul></details>\n")
        }
        out.raw("</article>\n")
    }

    private func metadata(_ document: Document, into out: inout HTMLOutput) {
        var rows: [(String, String)] = []
        if let date = document.date { rows.append(("date", date)) }
        if let dateText = document.dateText { rows.append(("printed date", dateText)) }
        if let dateline = document.dateline { rows.append(("dateline", dateline.text)) }
        if !document.authors.isEmpty { rows.append(("authors", document.authors.joined(separator: " · "))) }
        if let publisher = document.publisher { rows.append(("publisher", publisher)) }
        if let section = document.section { rows.append(("section", section)) }
        if let language = document.language { rows.append(("language", language)) }
        if !document.keywords.isEmpty { rows.append(("keywords", document.keywords.joined(separator: " · "))) }
        out.raw("<dl class=\"meta\">")
        out.element("dt", text: "id")
        out.element("dd", [("dir", "ltr")], text: document.id)
        for (name, value) in rows {
            out.element("dt", text: name)
            out.element("dd", [("dir", "auto")], text: value)
        }
        if let url = document.url {
            out.element("dt", text: "url")
            out.raw("<dd dir=\"ltr\">")
            out.element("a", [("href", url)], text: url)
            out.raw("</dd>")
        }
        if let origin = document.origin {
            out.element("dt", text: "source")
            out.raw("<dd dir=\"ltr\">")
            var place = origin.path + " (" + origin.format + ")"
            if let lines = origin.lines { place += ", lines \(lines.first)–\(lines.last)" }
            out.text(place)
            if let sourceLink {
                out.text(" ")
                out.element("a", [("href", sourceLink.href)], text: sourceLink.label)
            }
            out.raw("</dd>")
        }
        out.raw("</dl>\n")
    }

    private func render(_ block: Block, id: String?, into out: inout HTMLOutput) {
        switch block {
        case .heading(let heading):
            out.element("h\(min(heading.level + 1, 6))", [("id", id), ("dir", "auto")], text: heading.text)
        case .paragraph(let paragraph):
            out.element("p", [("id", id), ("dir", "auto")], text: paragraph.text)
        case .quote(let quote):
            out.open("blockquote", [("id", id), ("dir", "auto")])
            out.element("p", text: quote.text)
            if let source = quote.source { out.element("footer", text: "— " + source) }
            out.close("blockquote")
        case .list(let list):
            renderList(list, id: id, into: &out)
        case .figure(let figure):
            out.open("figure", [("id", id), ("dir", "auto")])
            if let src = figure.src { out.open("img", [("src", src), ("alt", figure.caption ?? ""), ("loading", "lazy")]) }
            if figure.caption != nil || figure.credit != nil {
                out.raw("<figcaption>")
                if let caption = figure.caption { out.text(caption) }
                if let credit = figure.credit {
                    out.raw(" ")
                    out.element("span", [("class", "credit")], text: "(" + credit + ")")
                }
                out.raw("</figcaption>")
            }
            out.close("figure")
        case .embed(let embed):
            out.open("div", [("class", "embed"), ("id", id), ("dir", "auto")])
            if let text = embed.text { out.element("p", text: text) }
            if let url = embed.url { out.element("a", [("href", url)], text: url) }
            out.close("div")
        case .table(let table):
            out.element("pre", [("class", "table"), ("id", id), ("dir", "auto")], text: table.text)
        }
    }

    private func renderList(_ list: ListBlock, id: String?, into out: inout HTMLOutput) {
        let name = list.ordered ? "ol" : "ul"
        out.open(name, [("id", id), ("dir", "auto")])
        for item in list.items {
            out.open("li", [("dir", "auto")])
            out.text(item.text)
            for child in item.children { render(child, id: nil, into: &out) }
            out.close("li")
        }
        out.close(name)
    }
}
