import Foundation
import WarraqCore

/// Reads raw scrape dumps: copied page text with no markup, several articles to a file, ads,
/// tickers, captions printed twice. Yields one document per article, everything it drops kept in
/// `removed` with a reason and its line.
public struct ScrapeReader: DocumentReader {
    /// The format with the built-in profile.
    public static let format = format(profile: .builtIn)

    /// The format with a profile that user files have extended.
    public static func format(profile: ScrapeProfile) -> ReaderFormat {
        ReaderFormat(
            name: "scrape",
            summary: "raw scrape dumps: articles, titles, dates, datelines, captions and boilerplate found",
            extensions: ["txt"],
            mediaTypes: ["text/x-scrape"],
            example: "warraq convert -f scrape dump.txt --profile mysite.yaml"
        ) { input, _ in try ScrapeReader(input, profile: profile) }
    }

    private var documents: IndexingIterator<[Document]>
    private var diagnostics: [Diagnostic]

    public init(_ input: Input, profile: ScrapeProfile = .builtIn) throws {
        let bytes = try input.readAll()
        let decoded = TextDecoding.decode(bytes)
        diagnostics = decoded.problems.map { Diagnostic(path: input.path, $0, severity: .warning) }
        let classifier = LineClassifier(profile: profile)
        // Split on bytes: "\r\n" is one Character, so a Character split would miss CRLF line ends.
        let physical = decoded.text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            Substring(line.last == 0x0D ? line.dropLast() : line)
        }
        var lines: [ScrapeLine] = []
        for logical in WrapJoiner.join(physical) {
            var text = TextShape.foldSpaces(logical.raw)
            var rawText = logical.raw
            var ads: [String] = []
            for marker in profile.adMarkers where ByteSearch.contains(marker, in: text) {
                ads.append(marker)
                text = TextShape.foldSpaces(Substring(text.replacingOccurrences(of: marker, with: " ")))
                rawText = Substring(rawText.replacingOccurrences(of: marker, with: " "))
            }
            for marker in ads {
                lines.append(ScrapeLine(lines: logical.lines, text: marker, raw: marker, folded: marker, kind: .boilerplate(.ad)))
            }
            guard !text.isEmpty else { continue }
            let folded = Folding.fold(text)
            lines.append(ScrapeLine(lines: logical.lines, text: text, raw: String(rawText), folded: folded, kind: classifier.classify(text: text, folded: folded, raw: rawText)))
        }
        var assembler = ArticleAssembler(lines: lines, datelines: classifier.datelines)
        let hash = SHA256.hex(bytes)
        let drafts = assembler.assemble()
        documents = drafts.enumerated().map { offset, draft in
            Document(
                id: "\(input.stem)#\(offset + 1)",
                title: draft.title,
                date: draft.date,
                dateText: draft.dateText,
                dateline: draft.dateline,
                authors: draft.authors,
                publisher: draft.publisher,
                section: draft.section,
                keywords: draft.keywords,
                origin: Origin(path: input.path, format: "scrape", lines: draft.lines, sha256: hash),
                body: draft.body,
                related: draft.related,
                removed: draft.removed
            )
        }.makeIterator()
    }

    public mutating func next() throws -> Document? { documents.next() }

    public mutating func takeDiagnostics() -> [Diagnostic] {
        defer { diagnostics.removeAll() }
        return diagnostics
    }
}
