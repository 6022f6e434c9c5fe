import WarraqCore

/// Repeats within one document: the title echoed as a body heading or paragraph, a caption
/// printed again as a paragraph or a second figure, a paragraph given twice. The first
/// occurrence stays; each repeat goes to `removed` as `duplicate`.
enum BlockDeduplicator {
    /// Shorter blocks ("Photo", "AFP") repeat legitimately and are left alone, unless they echo the title.
    static let minimumWords = 3

    static func dedupe(_ document: Document) -> Document {
        var document = document
        let titleKey = document.title.flatMap { WordHashes.key(WordHashes.of($0)) }
        var seen = Set<UInt64>()
        var kept: [Block] = []
        for block in document.body {
            let words = WordHashes.of(block.plainText)
            guard let key = WordHashes.key(words) else {
                kept.append(block)
                continue
            }
            let echoesTitle = key == titleKey && !isFigure(block)
            if echoesTitle || (words.count >= minimumWords && seen.contains(key)) {
                document.removed.append(Removal(text: block.plainText, reason: .duplicate))
                continue
            }
            if words.count >= minimumWords { seen.insert(key) }
            kept.append(block)
        }
        document.body = kept
        return document
    }

    private static func isFigure(_ block: Block) -> Bool {
        if case .figure = block { return true }
        return false
    }
}
