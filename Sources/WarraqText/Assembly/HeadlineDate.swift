import WarraqCore

/// Finds a finished article's date near its headline when none was found on the way. A page
/// prints the date under its headline, but often after a standfirst, a photo, an author and a
/// share bar, farther than a scrape's title and date stand apart; and the headline may only be
/// known once the article is finished (`HeadlineJudge`). So the short lines removed or kept as
/// headings just after the title are read again: the nearest one that is a date gives the
/// article's. A date above the headline is the page's (today's date, an archive link) and is
/// not taken. The line stays in `removed`, as `metadata`.
enum HeadlineDate {
    /// How many input lines after the title the date is looked for: a dump prints a
    /// standfirst, a photo with its caption and a share bar between them.
    static let after = 60

    /// Removal reasons under which a date line can have been put away before its article was
    /// known: a date held too far from the title, one with a link after it, or an author's
    /// byline with the day in it (`By Jane Doe | March 3, 2025`).
    /// (A list: comparing three short strings is cheaper than hashing one for a set.)
    private static let candidateReasons: [RemovalReason] = [.boilerplate, .navigation, .metadata]

    private enum Source {
        case removed(Int), heading(Int)
    }

    /// Takes the first date line after the draft's title as its date, when it had none.
    static func date(_ draft: inout Draft, dates: NewsDateParser) {
        guard draft.date == nil, let title = draft.titleLine else { return }
        var best: (source: Source, match: NewsDateParser.Match, text: String, line: Int)?
        func consider(_ source: Source, _ text: String, _ lines: LineRange?) {
            guard let first = lines?.first, first > title, first <= title + after, best.map({ first < $0.line }) ?? true,
                  TextShape.wordCount(text) <= LineClassifier.bylineWords, let match = dates.parse(text) else { return }
            best = (source, match, text, first)
        }
        // Removals and blocks are read where they lie, their line first: a page's link lists
        // make thousands of them, few just after the title.
        let near = (title + 1)...(title + after)
        for index in draft.removed.indices {
            guard let line = draft.removed[index].lines?.first, near.contains(line), candidateReasons.contains(draft.removed[index].reason) else { continue }
            consider(.removed(index), draft.removed[index].text, draft.removed[index].lines)
        }
        for index in draft.body.indices where near.contains(draft.bodyLines[index].first) {
            guard case .heading(let heading) = draft.body[index] else { continue }
            consider(.heading(index), heading.text, draft.bodyLines[index])
        }
        guard let best else { return }
        switch best.source {
        case .removed(let index):
            draft.removed[index].reason = .metadata
        case .heading(let index):
            draft.removed.append(Removal(text: best.text, reason: .metadata, lines: draft.bodyLines[index]))
            draft.body.remove(at: index)
            draft.bodyLines.remove(at: index)
            draft.removed.sort { ($0.lines?.first ?? 0) < ($1.lines?.first ?? 0) }
        }
        draft.date = best.match.iso
        draft.dateText = LineClassifier.span(of: best.match, in: best.text)
    }
}
