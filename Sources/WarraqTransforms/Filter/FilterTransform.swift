import WarraqCore

/// `--transform filter`: keeps the documents that meet every condition given; the others are
/// set aside for `--rejected`, with the first condition they failed as the reason.
public struct FilterTransform: DocumentTransform {
    public static let format = TransformFormat(
        name: "filter",
        summary: "keeps documents by min-words, language, has-date, has-title; the rest to --rejected",
        options: [
            FormatOption("min-words", "at least this many words in the title and body"),
            FormatOption("language", "primary language tags to keep, joined by + (ar+fa); run language first"),
            FormatOption("has-date", "only documents with a date"),
            FormatOption("has-title", "only documents with a title"),
        ],
        example: "warraq convert dumps/ --transform filter:min-words=50 --rejected short.jsonl",
        isPerDocument: true,
        make: { options in try FilterTransform(options: options) }
    )

    private let minimumWords: Int?
    private let languages: [String]
    private let needsDate: Bool
    private let needsTitle: Bool
    private var rejected: [SetAsideDocument] = []

    public init(options: FormatOptions) throws(UsageError) {
        let options = try FormatOptions.checked(options, for: Self.format)
        let name = Self.format.name
        minimumWords = options["min-words"] == nil ? nil : try options.int("min-words", default: 0, in: 0...Int.max, owner: name)
        languages = options.list("language")
        needsDate = try options.bool("has-date", owner: name)
        needsTitle = try options.bool("has-title", owner: name)
    }

    public mutating func apply(_ document: Document) -> [Document] {
        guard let reason = rejection(of: document) else { return [document] }
        rejected.append(SetAsideDocument(document, channel: "rejected", reason: reason))
        return []
    }

    /// Why the document is not kept, or nil when it is.
    func rejection(of document: Document) -> String? {
        if let minimumWords {
            var words: [UInt64] = []
            if let title = document.title { WordHashes.of(title, into: &words) }
            for block in document.body { WordHashes.of(block.plainText, into: &words) }
            if words.count < minimumWords { return "min-words: \(words.count) < \(minimumWords)" }
        }
        if !languages.isEmpty {
            let primary = document.language?.split(separator: "-").first.map { $0.lowercased() }
            if !languages.contains(primary ?? "") { return "language: \(document.language ?? "none")" }
        }
        if needsDate, document.date == nil { return "has-date" }
        if needsTitle, (document.title ?? "").isEmpty { return "has-title" }
        return nil
    }

    public mutating func takeSetAside() -> [SetAsideDocument] {
        defer { rejected = [] }
        return rejected
    }
}
