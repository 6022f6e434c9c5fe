import WarraqCore

/// Text between two block boundaries: a paragraph's words, a heading, a list item, a cell, or the
/// loose text of a `<div>`. Runs are the units extraction scores, keeps and removes.
struct TextRun {
    /// The nearest block element around the text.
    var owner: Int
    /// The run's nodes: all of `first..<end` are inline (text, links, emphasis, `<br>`).
    var first: Int
    var end: Int
    /// Non-space text bytes, and those inside links.
    var size: Int
    var linkSize: Int

    var linkDensity: Double { size == 0 ? 1 : Double(linkSize) / Double(size) }

    /// The runs of `node`'s subtree in document order.
    static func runs(of tree: HTMLTree, in node: Int) -> [TextRun] {
        var runs: [TextRun] = []
        var open: [Int] = []
        var current: TextRun?
        // Where the links around the current node end, innermost last.
        var linkEnds: [Int] = []
        // Where the innermost open block and link end (`Int.max` for none), the first ending:
        // most nodes end neither, and need no look at the stacks.
        var openEnd = Int.max
        var linkEnd = Int.max
        func flush() {
            if let run = current, run.size > 0 { runs.append(run) }
            current = nil
        }
        for index in node..<tree.end(node) {
            if index >= openEnd {
                while let top = open.last, index >= tree.end(top) {
                    flush()
                    open.removeLast()
                }
                openEnd = open.last.map(tree.end) ?? .max
            }
            if index >= linkEnd {
                while let last = linkEnds.last, index >= last { linkEnds.removeLast() }
                linkEnd = linkEnds.last ?? .max
            }
            let tag = tree.tags[index]
            let parentInLink = linkEnd != .max
            if tag == .a {
                linkEnd = tree.end(index)
                linkEnds.append(linkEnd)
            }
            if tag.isBlock {
                flush()
                open.append(index)
                openEnd = tree.end(index)
            } else if tag == .text {
                let size = Int(tree.textSize[index])
                if current == nil {
                    guard size > 0 else { continue }
                    current = TextRun(owner: open.last ?? node, first: index, end: index + 1, size: 0, linkSize: 0)
                }
                current!.end = index + 1
                current!.size += size
                if parentInLink { current!.linkSize += size }
            }
        }
        flush()
        return runs
    }

    /// Adds the run's text, white space folded, to `text` after a space (none at its start):
    /// what `content(in:)` says, as bytes, for text that is removed and so needs neither
    /// inlines nor a string of its own.
    func appendText(in tree: HTMLTree, to text: inout FoldedText) {
        text.space()
        for index in first..<end {
            switch tree.tags[index] {
            case .text: text.append(tree.bytes, tree.textRanges[index])
            case .br: text.space()
            default: break
            }
        }
    }

    /// The run's text, white space folded, and its links and emphasis as inlines (nil when it
    /// has none).
    func content(in tree: HTMLTree) -> (text: String, inlines: [Inline]?) {
        var text = FoldedText()
        var spans: [(kind: Inline.Kind, url: String?, start: Int)] = []
        var marked = false
        for index in first..<end {
            switch tree.tags[index] {
            case .text:
                let before = text.utf8.count
                text.append(tree.bytes, tree.textRanges[index])
                guard text.utf8.count > before else { continue }
                let (kind, url) = inlineKind(of: index, in: tree)
                // A space folded in front of a link or emphasis belongs to the plain text before it.
                let start = before + (kind != .text && before > 0 && text.utf8[before] == 0x20 ? 1 : 0)
                if spans.last.map({ $0.kind != kind || $0.url != url }) ?? true {
                    spans.append((kind, url, start))
                    if kind != .text { marked = true }
                }
            case .br:
                text.space()
            default:
                break
            }
        }
        let string = text.string
        guard marked else { return (string, nil) }
        var inlines: [Inline] = []
        for (offset, span) in spans.enumerated() {
            let stop = offset + 1 < spans.count ? spans[offset + 1].start : text.utf8.count
            inlines.append(Inline(span.kind, String(decoding: text.utf8[span.start..<stop], as: UTF8.self), url: span.url))
        }
        if let firstSpan = spans.first, firstSpan.start > 0 {
            inlines.insert(Inline(.text, String(decoding: text.utf8[0..<firstSpan.start], as: UTF8.self)), at: 0)
        }
        return (string, inlines)
    }

    /// The innermost link, emphasis, strong or code element between a text node and the run's
    /// owner.
    private func inlineKind(of index: Int, in tree: HTMLTree) -> (Inline.Kind, String?) {
        var node = tree.parent(index)
        while node > owner, node >= 0 {
            if let kind = tree.tags[node].inlineKind {
                return kind == .link ? (.link, tree.attribute(node, "href")) : (kind, nil)
            }
            node = tree.parent(node)
        }
        return (.text, nil)
    }
}
