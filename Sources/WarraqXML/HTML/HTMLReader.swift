import WarraqCore

/// Reads a news page's HTML (plain or gzip-compressed, as crawlers store it): the article's
/// metadata and text as one document, page furniture in `removed`.
public struct HTMLReader: DocumentReader {
    public static let format = ReaderFormat(
        name: "html",
        summary: "news pages in HTML (.html.gz too): article text and metadata, furniture removed",
        extensions: ["html", "htm", "xhtml"],
        mediaTypes: ["text/html"],
        example: "warraq convert -f html pages/ -t tei -o corpus.xml"
    ) { input, _ in try HTMLReader(input) }

    private var document: Document?

    public init(_ input: Input) throws {
        let bytes = try input.readAll()
        let page = Gzip.isCompressed(bytes) ? try Gzip.decompress(bytes) : bytes
        // UTF-8 is said outright when the bytes are UTF-8; otherwise libxml2 follows the page's
        // <meta charset> (windows-1256, ISO-8859-6, …).
        let utf8 = String(validating: page, as: UTF8.self) != nil
        guard let tree = HTMLTree.parse(bytes: page, path: input.path, encoding: utf8 ? "UTF-8" : nil) else {
            throw InputError("not HTML that libxml2 can parse")
        }
        let metadata = PageMetadata(tree: tree)
        let extractor = ContentExtractor(tree: tree, hints: .builtIn, title: metadata.title)
        var body = extractor.body
        // When the page's markup hides the text but its JSON-LD carries it, the JSON-LD wins.
        if let articleBody = metadata.articleBody {
            let extracted = body.reduce(0) { $0 + $1.plainText.count }
            if extracted * 2 < articleBody.count {
                body = articleBody.split(whereSeparator: \.isNewline).map { $0.foldingWhitespace() }.filter { !$0.isEmpty }
                    .map { .paragraph(Paragraph(text: $0)) }
            }
        }
        document = Document(
            id: input.stem + "#1",
            title: metadata.title,
            date: metadata.date,
            dateText: metadata.dateText,
            authors: metadata.authors,
            publisher: metadata.publisher,
            language: metadata.language,
            url: metadata.url,
            keywords: metadata.keywords,
            origin: Origin(path: input.path, format: "html", sha256: SHA256.hex(bytes)),
            body: body,
            related: extractor.related,
            removed: extractor.removed
        )
    }

    public mutating func next() throws -> Document? {
        defer { document = nil }
        return document
    }
}
