import WarraqCore

/// The documents as one readable, self-contained HTML page (inline style, no scripts): each an
/// `<article>` with its metadata card, body, related articles and a folded list of what was
/// removed. Directions come from the document's language and each block's own text.
public struct HTMLWriter: DocumentWriter {
    public static let format = WriterFormat(
        name: "html",
        summary: "one self-contained HTML page to read the documents (inline style, no scripts)",
        extensions: ["html", "htm"],
        mediaTypes: ["text/html"],
        example: "warraq convert -t html dump.txt -o articles.html"
    ) { _ in HTMLWriter() }

    public init() {}

    public mutating func begin(_ shape: StreamShape, into out: inout [UInt8]) throws {
        var page = HTMLOutput()
        HTMLPage.begin(title: "Warraq documents", into: &page)
        page.raw("<main class=\"documents\">\n")
        out += page.bytes
    }

    public mutating func write(_ document: Document, into out: inout [UInt8]) throws {
        var page = HTMLOutput()
        HTMLDocumentView().render(document, into: &page)
        out += page.bytes
    }

    public mutating func finish(into out: inout [UInt8]) throws {
        var page = HTMLOutput()
        page.raw("</main>\n")
        HTMLPage.end(into: &page)
        out += page.bytes
    }
}
