import WarraqCore

/// `--transform dedupe`: repeats inside each document go to its `removed`; documents that
/// repeat an earlier one of the batch (the same article from two dumps, or one differing in a
/// dateline or a trailing promo) are set aside for `--duplicates`, naming the document kept.
/// Near-duplicates are found by MinHash over word shingles with fixed seeds and banded look-up;
/// documents are compared in input order, so the choice is the same in every run and at every
/// `--jobs`: the first copy is kept.
public struct DedupeTransform: DocumentTransform {
    public static let format = TransformFormat(
        name: "dedupe",
        summary: "drops repeated blocks (to removed) and duplicate or near-duplicate documents (to --duplicates)",
        options: [
            FormatOption("scope", "document (blocks only), batch (documents only) or both", default: "both"),
            FormatOption("threshold", "estimated Jaccard similarity of word shingles that makes a near-duplicate", default: "0.7"),
            FormatOption("shingle", "words per shingle", default: "3"),
        ],
        example: "warraq convert dumps/ --transform dedupe --duplicates dups.jsonl",
        isPerDocument: false,
        make: { options in try DedupeTransform(options: options) }
    )

    private let withinDocuments: Bool
    private let acrossBatch: Bool
    private let threshold: Double
    private let minHash: MinHash
    /// Signatures and ids of the documents kept so far, and where each band of theirs points.
    private var keptSignatures: [[UInt32]] = []
    private var keptIDs: [String] = []
    private var bandIndex: [UInt64: [Int]] = [:]
    private var setAside: [SetAsideDocument] = []

    public init(options: FormatOptions) throws(UsageError) {
        let options = try FormatOptions.checked(options, for: Self.format)
        let name = Self.format.name
        switch options["scope"] ?? "both" {
        case "both": (withinDocuments, acrossBatch) = (true, true)
        case "document": (withinDocuments, acrossBatch) = (true, false)
        case "batch": (withinDocuments, acrossBatch) = (false, true)
        case let other: throw UsageError("transform 'dedupe': scope=\(other) is not document, batch or both")
        }
        threshold = try options.fraction("threshold", default: 0.7, owner: name)
        minHash = MinHash(shingleWords: try options.int("shingle", default: 3, in: 1...20, owner: name))
    }

    public mutating func apply(_ document: Document) -> [Document] {
        guard acrossBatch else { return [BlockDeduplicator.dedupe(document).0] }
        var (document, words) = withinDocuments ? BlockDeduplicator.dedupe(document) : (document, [])
        if !withinDocuments {
            for block in document.body { WordHashes.of(block.plainText, into: &words) }
        }
        if words.isEmpty, let title = document.title { WordHashes.of(title, into: &words) }
        guard let signature = minHash.signature(words) else { return [document] }
        if let kept = bestMatch(signature) {
            setAside.append(SetAsideDocument(document, channel: "duplicates", reason: "duplicate", keptID: keptIDs[kept]))
            return []
        }
        let index = keptSignatures.count
        keptSignatures.append(signature)
        keptIDs.append(document.id)
        for band in 0..<MinHash.bands { bandIndex[MinHash.bandKey(signature, band: band), default: []].append(index) }
        return [document]
    }

    /// The most similar kept document at or above the threshold; the earliest among equals.
    private func bestMatch(_ signature: [UInt32]) -> Int? {
        var best: Int?
        var bestSimilarity = threshold
        var checked = Set<Int>()
        for band in 0..<MinHash.bands {
            for candidate in bandIndex[MinHash.bandKey(signature, band: band)] ?? [] where checked.insert(candidate).inserted {
                let similarity = MinHash.similarity(signature, keptSignatures[candidate])
                if similarity > bestSimilarity || (similarity == bestSimilarity && (best == nil || candidate < best!)) {
                    best = candidate
                    bestSimilarity = similarity
                }
            }
        }
        return best
    }

    public mutating func takeSetAside() -> [SetAsideDocument] {
        defer { setAside = [] }
        return setAside
    }
}
