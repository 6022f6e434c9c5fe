import WarraqCore

/// Where a finished article's text ends. Pages go on after it with link lists (most read,
/// latest news, a site map), which a text browser prints as runs of headings. The link lists
/// cut the body into parts; the part with the most running text is the article's, and what
/// follows the first list after it is the page's, as are the headings the body ends with.
/// Both go to `removed`.
enum ArticleTail {
    /// Headings in a row, no paragraph between them, that make a link list.
    static let listHeadings = 6

    /// Trims in place: a draft copied retains every string and array it holds.
    static func trim(_ draft: inout Draft) {
        var end = listStart(draft) ?? draft.body.count
        while end > 0, case .heading = draft.body[end - 1] { end -= 1 }
        guard end < draft.body.count else { return }
        for index in end..<draft.body.count {
            let reason: RemovalReason = isHeading(draft.body[index]) ? .navigation : .boilerplate
            draft.removed.append(Removal(text: draft.body[index].plainText, reason: reason, lines: draft.bodyLines[index]))
            if case .paragraph = draft.body[index] { draft.paragraphs -= 1 }
        }
        draft.body.removeSubrange(end...)
        draft.bodyLines.removeSubrange(end...)
        draft.removed.sort { ($0.lines?.first ?? 0) < ($1.lines?.first ?? 0) }
    }

    /// The first block of the first link list after the part of the body with the most
    /// running text (wide paragraphs' widths summed).
    private static func listStart(_ draft: Draft) -> Int? {
        var lists: [Int] = []
        var run = 0
        for (index, block) in draft.body.enumerated() {
            run = isHeading(block) ? run + 1 : 0
            if run == listHeadings { lists.append(index + 1 - listHeadings) }
        }
        guard !lists.isEmpty else { return nil }
        // A paragraph belongs to the part after every list that starts before it.
        var weights = Array(repeating: 0, count: lists.count + 1)
        var part = 0
        for (index, block) in draft.body.enumerated() {
            while part < lists.count, lists[part] <= index { part += 1 }
            guard case .paragraph(let paragraph) = block else { continue }
            let width = DisplayWidth.of(Substring(paragraph.text))
            if width >= HeadlineJudge.textWidth { weights[part] += width }
        }
        guard let heaviest = weights.indices.max(by: { weights[$0] < weights[$1] }), heaviest < lists.count else { return nil }
        return lists[heaviest]
    }

    private static func isHeading(_ block: Block) -> Bool {
        if case .heading = block { return true }
        return false
    }
}
