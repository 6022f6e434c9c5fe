import WarraqCore

/// The scrape reader's phrase knowledge (boilerplate phrases by reason, related-article labels),
/// for readers of marked-up pages that meet the same short lines of furniture (`اقرأ أيضا`,
/// `تابعونا على`, `All rights reserved`) inside what their markup calls the article.
public struct LinePhrases: Sendable {
    private let classifier: LineClassifier

    public init(profile: ScrapeProfile) { classifier = LineClassifier(profile: profile) }

    /// Why a line (its spaces folded) is furniture by its phrases, or nil. Only short lines are
    /// judged, each phrase standing in the line as the scrape reader requires for its reason,
    /// except that a ticker phrase must be the whole line (a heading may start "Breaking");
    /// a related-article label alone on its line is `related`, and a labelled date, keyword or
    /// source line (`الكلمات الدلالية: …`, `Source: Reuters`) is `metadata`. Author labels are
    /// left out: "By" starts sentences too.
    public func reason(_ text: String) -> RemovalReason? {
        let wordCount = TextShape.wordCount(text)
        guard wordCount <= LineClassifier.boilerplateWords else { return nil }
        let whole = Folding.fold(text)
        let folded = FoldedLine(whole: whole, phrases: classifier.phrases)
        let holding = folded.holding
        if holding & LineClassifier.relatedLabels != 0 { return .related }
        switch classifier.labeled(text: text, folded: folded) {
        case .labeledDate, .keywords, .publisher: return .metadata
        default: break
        }
        let reason = classifier.boilerplateReason(folded: folded, wordCount: wordCount)
        if reason == .ticker, holding & classifier.rules(for: .ticker) == 0 {
            return nil
        }
        return reason
    }
}
