import WarraqCore

/// Finds a page's article text: paragraphs are scored by length and link density, their
/// scores flow to parent and grandparent, and the best container (with siblings that score
/// well) is read in document order. Page furniture (navigation, footers, asides, comments,
/// share bars) is skipped and kept in `removed` with a reason.
struct ContentExtractor {
    /// Class and id fragments of page furniture, and the reason it is removed.
    static let furniture: [(fragment: String, reason: RemovalReason)] = [
        ("comment", .comments), ("share", .widget), ("social", .widget), ("related", .related), ("recommend", .related),
        ("popular", .related), ("more-", .related), ("footer", .footer), ("copyright", .footer),
        ("nav", .navigation), ("menu", .navigation), ("breadcrumb", .navigation), ("sidebar", .navigation),
        ("cookie", .consent), ("consent", .consent), ("newsletter", .promo), ("subscribe", .promo), ("promo", .promo),
        ("advert", .ad), ("banner", .ad), ("sponsor", .ad),
    ]
    static let furnitureElements: [String: RemovalReason] = ["nav": .navigation, "footer": .footer, "aside": .related, "header": .navigation]
    static let blockElements: Set<String> = ["p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "table", "pre"]
    static let inlineElements: Set<String> = ["a", "b", "i", "em", "strong", "span", "small", "u", "br", "sup", "sub", "mark", "abbr", "time", "cite", "q", "font"]
    /// Containers whose own inline text, at least this long, is a paragraph (pages without `<p>`).
    static let looseTextLength = 100

    /// The text of a node's own text and inline children, not of its blocks.
    static func inlineText(_ node: HTMLNode) -> String {
        node.children.map { child -> String in
            switch child.kind {
            case .text(let text): text
            case .element(let name): inlineElements.contains(name) ? child.rawText : " "
            }
        }.joined().foldingWhitespace()
    }

    /// True for a `div` (or similar) holding a paragraph's worth of text outside any `<p>`.
    static func isLooseParagraph(_ node: HTMLNode) -> Bool {
        guard let name = node.name, ["div", "section", "article", "td", "font", "span", "main"].contains(name) else { return false }
        return inlineText(node).count >= looseTextLength
    }

    private(set) var removed: [Removal] = []

    /// The reason a subtree is page furniture, if it is.
    private func furnitureReason(_ node: HTMLNode) -> RemovalReason? {
        guard let name = node.name else { return nil }
        if let reason = Self.furnitureElements[name] { return reason }
        let hints = ((node.attributes["class"] ?? "") + " " + (node.attributes["id"] ?? "") + " " + (node.attributes["role"] ?? "")).lowercased()
        guard !hints.trimmingWhitespace().isEmpty else { return nil }
        if ["article", "content", "story", "entry", "main", "post-body"].contains(where: { ByteSearch.contains($0, in: hints) }) { return nil }
        return Self.furniture.first { ByteSearch.contains($0.fragment, in: hints) }?.reason
    }

    private func linkDensity(_ node: HTMLNode) -> Double {
        let total = node.text.count
        guard total > 0 else { return 1 }
        let linked = node.elements(["a"]).reduce(0) { $0 + $1.text.count }
        return Double(linked) / Double(total)
    }

    mutating func extract(_ root: HTMLNode) -> [Block] {
        var scores: [ObjectIdentifier: (node: HTMLNode, score: Double)] = [:]
        func walk(_ node: HTMLNode, skipped: Bool) {
            let reason = furnitureReason(node)
            if let reason, !skipped {
                let text = node.text
                if !text.isEmpty { removed.append(Removal(text: text, reason: reason)) }
            }
            let inFurniture = skipped || reason != nil
            if node.name == "p" || Self.isLooseParagraph(node), !inFurniture {
                let length = node.name == "p" ? node.text.count : Self.inlineText(node).count
                if length >= 25, linkDensity(node) < 0.5 {
                    let score = Double(length) * (1 - linkDensity(node))
                    if let parent = node.parent { scores[ObjectIdentifier(parent), default: (parent, 0)].score += score }
                    if let grand = node.parent?.parent { scores[ObjectIdentifier(grand), default: (grand, 0)].score += score / 2 }
                }
            }
            for child in node.children where child.name != nil { walk(child, skipped: inFurniture) }
        }
        walk(root, skipped: false)
        guard let best = scores.values.max(by: { $0.score < $1.score }) else { return [] }
        var containers = [best.node]
        if let parent = best.node.parent {
            containers = parent.children.filter { sibling in
                sibling === best.node || (scores[ObjectIdentifier(sibling)]?.score ?? 0) >= best.score * 0.2
            }
        }
        var blocks: [Block] = []
        for container in containers { collect(container, into: &blocks) }
        return blocks
    }

    private func collect(_ node: HTMLNode, into blocks: inout [Block]) {
        guard furnitureReason(node) == nil, let name = node.name else { return }
        guard Self.blockElements.contains(name) else {
            if Self.isLooseParagraph(node) { blocks.append(.paragraph(Paragraph(text: Self.inlineText(node)))) }
            for child in node.children where child.name.map({ !Self.inlineElements.contains($0) }) ?? false {
                collect(child, into: &blocks)
            }
            return
        }
        let text = node.text
        guard !text.isEmpty else { return }
        switch name {
        case "p", "pre":
            if linkDensity(node) < 0.5 { blocks.append(.paragraph(Paragraph(text: text))) }
        case "blockquote":
            blocks.append(.quote(Quote(text: text)))
        case "ul", "ol":
            let items = node.children.filter { $0.name == "li" }.map(\.text).filter { !$0.isEmpty }
            if !items.isEmpty, linkDensity(node) < 0.5 {
                blocks.append(.list(ListBlock(ordered: name == "ol", items: items.map { ListItem(text: $0) })))
            }
        case "table":
            let rows = node.elements(["tr"]).map { $0.children.filter { $0.name == "td" || $0.name == "th" }.map(\.text) }.filter { !$0.isEmpty }
            if !rows.isEmpty { blocks.append(.table(Table(rows: rows))) }
        default:
            blocks.append(.heading(Heading(level: Int(name.dropFirst()) ?? 2, text: text)))
        }
    }
}
