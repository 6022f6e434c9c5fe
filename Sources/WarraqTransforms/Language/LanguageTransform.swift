import WarraqCore

/// `--transform language`: sets each document's `language` from its own words and letters, no
/// network and no model download. A declared tag that agrees (`en-GB` for `en`) is kept, being
/// more precise; one that disagrees is replaced when the text is long enough to be sure. Blocks carry no language in the document
/// model, so only documents are tagged.
public struct LanguageTransform: DocumentTransform {
    public static let format = TransformFormat(
        name: "language",
        summary: "sets language (BCP 47) from function words and letters: ar fa ur ckb, 23 Latin-script languages, ru uk bg, CJK and more",
        options: [
            FormatOption("max-words", "words read per document", default: "1000"),
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
        let (identified, words) = identify(document)
        switch (document.language, identified) {
        case (let declared?, let code?) where !keepDeclared && words >= minimumWords && !identifier.agrees(declared: declared, with: code):
            replaced.append("\(document.id) \(declared) → \(code)")
            document.language = code
        case (nil, let code):
            document.language = code ?? "und"
        default:
            break
        }
        return [document]
    }

    /// The primary tag of the document's title and body, and how many words it was read from.
    func identify(_ document: Document) -> (String?, words: Int) {
        var scan = identifier.scan(maximumWords: maximumWords)
        if let title = document.title { scan.scan(title) }
        for block in document.body where !scan.isFull { scan.scan(block.plainText) }
        return (identifier.identify(scan), scan.words)
    }

    /// One line per input naming the documents whose declared language the text contradicted.
    public mutating func takeNotes() -> [String] {
        defer { replaced = [] }
        guard !replaced.isEmpty else { return [] }
        return ["language: declared language replaced in \(replaced.count) documents: \(replaced.joined(separator: ", "))"]
    }
}
