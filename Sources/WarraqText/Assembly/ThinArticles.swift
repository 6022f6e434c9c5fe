import WarraqCore

/// Folds drafts too thin to be articles into their neighbours. A page's menus, teaser lists
/// and footers look like short articles (a heading, a line or two of text); what sets a real
/// article apart is running text, measured against the fullest article near it. A
/// folded teaser's title goes to `related`, everything else it held to `removed`.
///
/// Drafts stream through: whether one is thin is known once `neighbourhood` drafts after it
/// have come, and an article is handed on once the next article is known, since the thin
/// drafts between them fold into it.
struct ThinArticles {
    /// A draft of one paragraph with fewer words than this is thin unless it is the fullest one.
    static let minimumWords = 30
    /// A draft with less than this share of the fullest nearby draft's words is thin.
    static let minimumShare = 0.2
    /// How many drafts on either side count as nearby: a big dump of many pages is judged page
    /// by page, not against its longest article.
    static let neighbourhood = 8

    /// Drafts not judged yet, the first of them numbered `judged`.
    private var undecided: [Draft] = []
    private var judged = 0
    /// Paragraph words of the drafts from number `wordsStart` on: the judged ones still near
    /// enough to matter, then the undecided.
    private var words: [Int] = []
    private var wordsStart = 0
    /// The last article, still taking the thin drafts after it.
    private var open: Draft?
    /// Thin drafts before the first article, waiting for it.
    private var waiting: [Draft] = []
    private var ready: [Draft] = []

    mutating func add(_ draft: consuming Draft) {
        // Room for the drafts judged against each other from the first: grown from empty, the
        // lists were moved four or five times in every dump.
        if undecided.capacity == 0 {
            undecided.reserveCapacity(Self.neighbourhood + 1)
            words.reserveCapacity(3 * Self.neighbourhood + 1)
        }
        words.append(draft.paragraphWords)
        undecided.append(draft)
        while judged + Self.neighbourhood < wordsStart + words.count { judgeNext() }
    }

    /// The articles now sure to be complete.
    mutating func takeArticles() -> [Draft] {
        defer { ready = [] }
        return ready
    }

    mutating func finish() -> [Draft] {
        // Most of a dump's articles are handed on here, at its end: room for all of them at once.
        ready.reserveCapacity(ready.count + undecided.count + waiting.count + 1)
        while !undecided.isEmpty { judgeNext() }
        if let open = open.take() { ready.append(open) }
        // The fullest draft is never thin, so nothing waits here; should any, it is kept as it is.
        ready += waiting
        waiting = []
        return takeArticles()
    }

    private mutating func judgeNext() {
        // Moved out: `removeFirst` would copy it.
        var draft = undecided.remove(at: 0)
        let index = judged - wordsStart
        judged += 1
        // A dateline is a wire story's mark: a feed's one-paragraph items stay articles.
        let fullest = words[max(0, index - Self.neighbourhood)..<min(words.count, index + Self.neighbourhood + 1)].max() ?? 0
        let isThin = draft.dateline == nil
            && (Double(words[index]) < Double(fullest) * Self.minimumShare
                || (words[index] < Self.minimumWords && words[index] < fullest && draft.paragraphs < 2))
        if index >= 2 * Self.neighbourhood {
            words.removeFirst(Self.neighbourhood)
            wordsStart += Self.neighbourhood
        }
        // Asked of the open article where it lies: binding it would copy every string and array it holds.
        if open?.isContinued(by: draft) == true {
            open!.continueText(with: draft)
        } else if !isThin {
            // Thin drafts before the first article wait for it; later ones join the article before them.
            for earlier in waiting.reversed() { draft.fold(earlier, after: false) }
            waiting = []
            if let open = open.take() { ready.append(open) }
            open = consume draft
        } else if open == nil {
            waiting.append(consume draft)
        } else {
            open!.fold(draft, after: true)
        }
    }
}

extension Draft {
    /// Whether `draft`, the next one, carries on this article: a page's `Read more` box inside an
    /// article's text ends with a teaser's title, and the article's text goes on after it. A
    /// draft that a related block's heading opened is that text, not a new article, unless
    /// something marks it as one: a date, dateline or author of its own, its title printed
    /// twice (as a page prints an article's headline), or the article before it ended with
    /// its publisher or keywords.
    func isContinued(by draft: Draft) -> Bool {
        guard draft.afterRelatedLabel, paragraphs > 0, publisher == nil, keywords.isEmpty,
              draft.date == nil, draft.dateline == nil, draft.authors.isEmpty, let title = draft.title else { return false }
        return !draft.removed.contains { $0.reason == .duplicate && TextShape.unquoted($0.text) == title }
    }

    /// Takes in the rest of its own text from a draft that a teaser's title opened: the title
    /// goes to `related`, the other metadata lines to `removed`, the body after its own.
    mutating func continueText(with next: Draft) {
        if let title = next.title, !related.contains(where: { $0.title == title }) {
            related.append(RelatedItem(title: title))
        }
        let claims = next.claimed.filter { $0.lines?.first != next.titleLine }
        removed += claims.map { Removal(text: $0.text, reason: .boilerplate, lines: $0.lines) } + next.removed
        removed.sort { ($0.lines?.first ?? 0) < ($1.lines?.first ?? 0) }
        related += next.related
        body += next.body
        bodyLines += next.bodyLines
        paragraphs += next.paragraphs
        paragraphWords += next.paragraphWords
        if let range = next.lines { take(range) }
    }

    /// Takes in a thin draft's lines as removals: a teaser (a title and text) as `related`, the
    /// rest as `boilerplate`.
    mutating func fold(_ thin: Draft, after: Bool) {
        let teaser = thin.title != nil && !thin.body.isEmpty
        let reason: RemovalReason = teaser ? .related : .boilerplate
        // A teaser's title line is accounted for by its related item.
        let kept = thin.claimed.filter { !teaser || $0.lines?.first != thin.titleLine }
        var removals = kept.map { Removal(text: $0.text, reason: reason, lines: $0.lines) }
        removals += zip(thin.body, thin.bodyLines).map { Removal(text: $0.plainText, reason: reason, lines: $1) }
        removals += thin.removed
        removals.sort { ($0.lines?.first ?? 0) < ($1.lines?.first ?? 0) }
        var folded: [RelatedItem] = thin.related
        if teaser, let title = thin.title, !related.contains(where: { $0.title == title }) {
            folded.insert(RelatedItem(title: title), at: 0)
        }
        if after {
            removed += removals
            related += folded
        } else {
            removed = removals + removed
            related = folded + related
        }
        if let range = thin.lines { take(range) }
    }
}
