import WarraqCore

/// Plain text: the whole input is one document, each blank-line-separated block a paragraph
/// (its lines joined by spaces). No title, no guessing; the `scrape` reader does the guessing.
public struct PlainTextReader: DocumentReader {
    public static let format = ReaderFormat(
        name: "text",
        summary: "plain text, one document per input, a paragraph per blank-line-separated block",
        extensions: ["text"],
        mediaTypes: ["text/plain"],
        example: "warraq convert -f text notes.txt"
    ) { input, _ in try PlainTextReader(input) }

    private var document: Document?
    private var diagnostics: [Diagnostic] = []

    public init(_ input: Input) throws {
        let bytes = try input.readAll()
        let decoded = TextDecoding.decode(bytes)
        diagnostics = decoded.problems.map { Diagnostic(path: input.path, $0, severity: .warning) }
        var body: [Block] = []
        var block: [String] = []
        var first = 0
        var last = 0
        var lineNumber = 0
        func close() {
            guard !block.isEmpty else { return }
            body.append(.paragraph(Paragraph(text: block.joined(separator: " "))))
            block.removeAll()
        }
        for line in decoded.text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let text = line.trimmingWhitespace()
            if text.isEmpty {
                close()
            } else {
                if first == 0 { first = lineNumber }
                last = lineNumber
                block.append(text)
            }
        }
        close()
        document = Document(
            id: input.stem + "#1",
            origin: Origin(
                path: input.path,
                format: "text",
                lines: first > 0 ? LineRange(first, last) : nil,
                sha256: SHA256.hex(bytes)
            ),
            body: body
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
}
