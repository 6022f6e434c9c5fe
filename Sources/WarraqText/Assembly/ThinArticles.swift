import WarraqCore

/// Folds drafts too thin to be articles into their neighbours. A page's menus, teaser lists
/// and footers look like short articles (a heading, a line or two of text); what sets a real
/// article apart is running text, measured against the fullest article near it. A
/// folded teaser's title goes to `related`, everything else it held to `removed`.
enum ThinArticles {
    /// A draft of one paragraph with fewer words than this is thin unless it is the fullest one.
    static let minimumWords = 30
    /// A draft with less than this share of the fullest nearby draft's words is thin.
    static let minimumShare = 0.2
    /// How many drafts on either side count as nearby: a big dump of many pages is judged page
    /// by page, not against its longest article.
    static let neighbourhood = 8

    static func fold(_ drafts: [Draft]) -> [Draft] {
        guard drafts.count > 1 else { return drafts }
        let words = drafts.map(\.paragraphWords)
        let thin = drafts.indices.map { index in
            // A dateline is a wire story's mark: a feed's one-paragraph items stay articles.
            guard drafts[index].dateline == nil else { return false }
            let fullest = words[max(0, index - neighbourhood)..<min(words.count, index + neighbourhood + 1)].max() ?? 0
            return Double(words[index]) < Double(fullest) * minimumShare
                || (words[index] < minimumWords && words[index] < fullest && drafts[index].paragraphs < 2)
        }
        guard let keeper = thin.firstIndex(of: false) else { return drafts }
        var out: [Draft] = []
        // Thin drafts before the first article wait for it; later ones join the article before them.
        var waiting: [Draft] = []
        for (index, draft) in drafts.enumerated() {
            if !thin[index] {
                var article = draft
                for earlier in waiting.reversed() { article.fold(earlier, after: false) }
                waiting = []
                out.append(article)
            } else if index < keeper {
                waiting.append(draft)
            } else {
                out[out.count - 1].fold(draft, after: true)
            }
        }
        return out
    }
}

extension Draft {
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
