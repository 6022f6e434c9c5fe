import WarraqCore
import WarraqText

/// Reads a news page's HTML (plain or gzip-compressed, as crawlers store it): the article's
/// metadata and text as one document, page furniture in `removed`.
public struct HTMLReader: DocumentReader {
    /// The format with the built-in hints and phrases.
    public static let format = format(profile: .builtIn)

    /// The format with a profile's class hints (its `html` key) and phrases added.
    public static func format(profile: ScrapeProfile) -> ReaderFormat {
        // Compiled on the run's first page: every run builds the registry, HTML or not.
        let knowledge = BuiltOnFirstUse { unshared in Knowledge(profile: unshared ? profile.unsharedCopy() : profile) }
        return ReaderFormat(
            name: "html",
            summary: "news pages in HTML (.html.gz too): article text and metadata, furniture removed",
            extensions: ["html", "htm", "xhtml"],
            mediaTypes: ["text/html"],
            example: "warraq convert -f html pages/ -t tei -o corpus.xml"
        ) { input, _ in try HTMLReader(input, knowledge: knowledge.value) }
    }

    /// The knowledge files compiled into the reader beside the scrape profile's (which it reads
    /// too), named as profile sources are: a profile's `html` key adds to their class hints.
    public static let builtInSources = ["built-in \(ClassHints.builtInFile)"]

    /// What extraction knows, compiled once per run rather than once per page.
    struct Knowledge: Sendable {
        var hints: ClassHints
        var phrases: LinePhrases

        init(profile: ScrapeProfile) {
            hints = ClassHints(adding: profile.html)
            phrases = LinePhrases(profile: profile)
        }

        static let builtIn = Knowledge(profile: .builtIn)
    }

    private var document: Document?
    private var diagnostics: [Diagnostic] = []

    public init(_ input: Input) throws { try self.init(input, knowledge: .builtIn) }

    init(_ input: Input, knowledge: Knowledge) throws {
        let bytes = try input.readAll()
        var page = Gzip.isCompressed(bytes) ? try Gzip.decompress(bytes) : bytes
        if !page.contains(where: { $0 > 0x20 }) { throw InputError("empty file, not an HTML page") }
        // UTF-8 is said outright when the bytes are UTF-8; otherwise libxml2 follows the page's
        // <meta charset> (windows-1256, ISO-8859-6, …). A page that names no charset is taken
        // for UTF-8 with a few bad bytes, repaired and reported, rather than read as Latin-1.
        var utf8 = TextDecoding.isValidUTF8(page)
        if !utf8, !Self.namesCharset(page) {
            let decoded = TextDecoding.decode(page)
            diagnostics += decoded.problems.map { Diagnostic(path: input.path, $0, severity: .warning) }
            page = Array(decoded.text.utf8)
            utf8 = true
        }
        LoneCarriageReturns.replace(in: &page)
        NoNetwork.install()
        guard var parsed = Self.parse(page, utf8: utf8, emptiesSVG: true) else { throw InputError("not HTML that libxml2 can parse") }
        if parsed.svgNearDepthLimit, let again = Self.parse(page, utf8: utf8, emptiesSVG: false) { parsed = again }
        let (tree, treeStop, _) = parsed
        if let stop = treeStop ?? XMLParseStop.reason {
            diagnostics.append(Diagnostic(path: input.path, line: stop.line, "libxml2 stopped reading the page here (\(stop.message)); the rest of the page is lost"))
        }
        let metadata = PageMetadata(tree: tree)
        let extractor = ContentExtractor(tree: tree, hints: knowledge.hints, phrases: knowledge.phrases, title: metadata.title)
        var body = extractor.body
        // When the page's markup hides the text but its JSON-LD carries it, the JSON-LD wins.
        if let articleBody = metadata.articleBody, Self.holdsUnderHalf(of: articleBody, body) {
            body = articleBody.split(whereSeparator: \.isNewline).map { $0.foldingWhitespace() }.filter { !$0.isEmpty }
                .map { .paragraph(Paragraph(text: $0)) }
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
            origin: Origin(path: input.path, format: "html", lines: LineRange(1, tree.lastLine), sha256: SHA256.hex(bytes)),
            body: body,
            related: extractor.related,
            removed: extractor.removed
        )
    }

    public mutating func next() throws -> Document? {
        defer { document = nil }
        return document
    }

    public mutating func takeDiagnostics() -> [Diagnostic] {
        defer { diagnostics.removeAll() }
        return diagnostics
    }

    /// Whether the blocks have fewer than half the characters of `text`. A text has no more
    /// characters than UTF-8 bytes, so the blocks are counted only until they reach half of
    /// `text`'s bytes, and `text` only when they do not.
    private static func holdsUnderHalf(of text: String, _ body: [Block]) -> Bool {
        let bytes = text.utf8.count
        var extracted = 0
        for block in body {
            extracted += block.plainText.count
            if extracted * 2 >= bytes { return false }
        }
        return extracted * 2 < text.count
    }

    /// The page's tree, slimmed first when it is UTF-8 (`UnreadMarkup`).
    private static func parse(_ page: [UInt8], utf8: Bool, emptiesSVG: Bool)
        -> (tree: HTMLTree, stop: (line: Int, message: String)?, svgNearDepthLimit: Bool)? {
        let (slimmed, lifted) = utf8 ? UnreadMarkup.strip(page, emptiesSVG: emptiesSVG) : (page, LiftedText())
        XMLParseStop.reset()
        return HTMLTreeBuilder.parse(slimmed, encoding: utf8 ? "UTF-8" : nil, lifted: lifted)
    }

    /// Whether the page declares its encoding (`<meta charset>`, `http-equiv` or an XML
    /// declaration) in its first kilobytes, where browsers look.
    private static func namesCharset(_ page: [UInt8]) -> Bool {
        let head = String(decoding: page.prefix(4_096), as: UTF8.self).lowercased()
        return ByteSearch.contains("charset", in: head) || ByteSearch.contains("encoding=", in: head)
    }
}
