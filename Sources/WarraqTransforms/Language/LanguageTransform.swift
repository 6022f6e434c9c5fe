import WarraqCore

/// `--transform language`: sets each document's `language` from its own words and letters, no
/// network and no model download. A declared tag that agrees (`en-GB` for `en`) is kept, being
/// more precise; one that disagrees is replaced when the text is long enough to be sure. A
/// heading, paragraph or quote long enough to judge on its own (`block-min-words` in
/// `languages.yaml`) whose language differs from the document's gets its own `language`.
public struct LanguageTransform: DocumentTransform {
    public static let format = TransformFormat(
        name: "language",
        summary: "sets language (BCP 47) from function words and letters: ar fa ur ckb, 23 Latin-script languages, ru uk bg, CJK and more",
        options: [
            FormatOption("max-words", "words read per document (in whole blocks) and per block", default: "1000"),
            FormatOption("min-words", "words needed to contradict the reader's language", default: "30"),
            FormatOption("keep-declared", "keep the reader's language even when the text disagrees", default: "false"),
        ],
        example: "warraq convert -f html pages/ --transform language | jq -r .language",
        isPerDocument: true,
        make: { options in try LanguageTransform(options: options) }
    )

    private let identifier = LanguageIdentifier()
    private let maximumWords: Int
    private let minimumWords: Int
    private let keepDeclared: Bool
    private var replaced: [String] = []

    public init(options: FormatOptions) throws(UsageError) {
        let options = try FormatOptions.checked(options, for: Self.format)
        maximumWords = try options.int("max-words", default: 1000, in: 1...1_000_000, owner: Self.format.name)
        minimumWords = try options.int("min-words", default: 30, in: 0...1_000_000, owner: Self.format.name)
        keepDeclared = try options.bool("keep-declared", owner: Self.format.name)
    }

    public mutating func apply(_ document: Document) -> [Document] {
        var document = document
        let (identified, scan, blockScans) = identify(document)
        switch (document.language, identified) {
        case (let declared?, let code?) where !keepDeclared && scan.words >= minimumWords && !identifier.agrees(declared: declared, with: code):
            replaced.append("\(document.id) \(declared) → \(code)")
            document.language = code
        case (nil, let code):
            document.language = code ?? "und"
        default:
            break
        }
        let language = document.language ?? "und"
        for (index, blockScan) in blockScans {
            if let code = identifier.blockLanguage(blockScan, in: scan, language: language) { document.body[index].language = code }
        }
        return [document]
    }

    /// The primary tag of the document's title and body (its first `max-words` words, in whole
    /// blocks), what it was read from, and the scans of the text blocks long enough to judge
    /// alone. Each block is read once: its counts are the document's too.
    func identify(_ document: Document) -> (String?, scan: LanguageScan, blocks: [(index: Int, scan: LanguageScan)]) {
        var scan = identifier.scan(maximumWords: maximumWords)
        if let title = document.title { scan.scan(title) }
        var blockScan = identifier.scan(maximumWords: maximumWords)
        var blocks: [(index: Int, scan: LanguageScan)] = []
        for (index, block) in document.body.enumerated() {
            let isText = Self.isText(block)
            guard isText || !scan.isFull else { continue }
            blockScan.reset()
            blockScan.scan(block.plainText)
            if !scan.isFull { scan.add(blockScan) }
            if isText, blockScan.words >= identifier.profiles.blockMinimumWords { blocks.append((index, blockScan)) }
        }
        return (identifier.identify(scan), scan, blocks)
    }

    /// The blocks that carry a language of their own.
    private static func isText(_ block: Block) -> Bool {
        switch block {
        case .heading, .paragraph, .quote: true
        case .list, .figure, .embed, .table: false
        }
    }

    /// One line per input naming the documents whose declared language the text contradicted.
    public mutating func takeNotes() -> [String] {
        defer { replaced = [] }
        guard !replaced.isEmpty else { return [] }
        return ["language: declared language replaced in \(replaced.count) documents: \(replaced.joined(separator: ", "))"]
    }
}
