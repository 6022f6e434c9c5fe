import WarraqCore

/// Headings an article's body ends with head nothing: a page's closing link lists ("Latest
/// news", lynx's "References") and teaser titles. They go to `removed` once the article is
/// finished.
enum TrailingHeadings {
    static func trimmed(_ draft: Draft) -> Draft {
        guard case .heading = draft.body.last else { return draft }
        var draft = draft
        while case .heading(let heading) = draft.body.last, let lines = draft.bodyLines.last {
            draft.body.removeLast()
            draft.bodyLines.removeLast()
            draft.removed.append(Removal(text: heading.text, reason: .boilerplate, lines: lines))
        }
        draft.removed.sort { ($0.lines?.first ?? 0) < ($1.lines?.first ?? 0) }
        return draft
    }
}
