import WarraqCore

/// Repeats within one document: the title echoed as a body heading or paragraph, a caption
/// printed again as a paragraph or a second figure, a paragraph given twice. The first
/// occurrence stays; each repeat goes to `removed` as `duplicate`.
enum BlockDeduplicator {
    /// Shorter blocks ("Photo", "AFP") repeat legitimately and are left alone, unless they echo the title.
    static let minimumWords = 3

    /// The document without its repeats, and the word hashes of the blocks it kept, in order
    /// (the batch comparison's input, so that no block is read twice).
    static func dedupe(_ document: Document) -> (Document, words: [UInt64]) {
        var document = document
        let titleKey = document.title.flatMap { WordHashes.key(WordHashes.of($0)) }
        var seen = Set<UInt64>()
        var kept: [Block] = []
        var keptWords: [UInt64] = []
        for block in document.body {
            let words = WordHashes.of(block.plainText)
            if let key = WordHashes.key(words) {
                let echoesTitle = key == titleKey && !isFigure(block)
                if echoesTitle || (words.count >= minimumWords && seen.contains(key)) {
                    document.removed.append(Removal(text: block.plainText, reason: .duplicate))
                    continue
                }
                if words.count >= minimumWords { seen.insert(key) }
            }
            kept.append(block)
            keptWords += words
        }
        document.body = kept
        return (document, keptWords)
    }

    private static func isFigure(_ block: Block) -> Bool {
        if case .figure = block { return true }
        return false
    }
}
