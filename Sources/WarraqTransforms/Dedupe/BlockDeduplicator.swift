import WarraqCore

/// Repeats within one document: the title echoed as a body heading or paragraph, a caption
/// printed again as a paragraph or a second figure, a paragraph given twice. The first
/// occurrence stays; each repeat goes to `removed` as `duplicate`.
enum BlockDeduplicator {
    /// Shorter blocks ("Photo", "AFP") repeat legitimately and are left alone, unless they echo the title.
    static let minimumWords = 3

    /// The document without its repeats, and the word hashes of the blocks it kept, in order
    /// (the batch comparison's input, so that no block is read twice). A document without
    /// repeats is returned as it came.
    static func dedupe(_ document: Document) -> (Document, words: [UInt64]) {
        let titleKey = document.title.flatMap { WordHashes.key(WordHashes.of($0)[...]) }
        var seen = Set<UInt64>()
        var repeats: [Int] = []
        var keptWords: [UInt64] = []
        for (index, block) in document.body.enumerated() {
            let start = keptWords.count
            WordHashes.of(block.plainText, into: &keptWords)
            let words = keptWords[start...]
            guard let key = WordHashes.key(words) else { continue }
            let echoesTitle = key == titleKey && !isFigure(block)
            if echoesTitle || (words.count >= minimumWords && !seen.insert(key).inserted) {
                repeats.append(index)
                keptWords.removeSubrange(start...)
            }
        }
        guard !repeats.isEmpty else { return (document, keptWords) }
        var document = document
        for index in repeats { document.removed.append(Removal(text: document.body[index].plainText, reason: .duplicate)) }
        document.body.removeSubranges(RangeSet(repeats, within: document.body))
        return (document, keptWords)
    }

    private static func isFigure(_ block: Block) -> Bool {
        if case .figure = block { return true }
        return false
    }
}
