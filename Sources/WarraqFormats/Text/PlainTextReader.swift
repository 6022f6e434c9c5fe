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
        var text = decoded.text
        let lines = Self.trimmedLines(&text)
        let utf8 = text.utf8
        var body: [Block] = []
        var paragraph = ""
        func close() {
            guard !paragraph.isEmpty else { return }
            body.append(.paragraph(Paragraph(text: paragraph)))
            paragraph = ""
        }
        for line in lines {
            if line.isEmpty {
                close()
            } else {
                if !paragraph.isEmpty { paragraph += " " }
                paragraph += text[utf8.index(utf8.startIndex, offsetBy: line.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: line.upperBound)]
            }
        }
        close()
        var kept: LineRange?
        if let first = lines.firstIndex(where: { !$0.isEmpty }), let last = lines.lastIndex(where: { !$0.isEmpty }) {
            kept = LineRange(first + 1, last + 1)
        }
        document = Document(
            id: input.stem + "#1",
            origin: Origin(
                path: input.path,
                format: "text",
                lines: kept,
                sha256: SHA256.hex(bytes)
            ),
            body: body
        )
    }

    /// Each line of `text` (split at `\n`, the only line end decoding leaves) as the byte
    /// range of its text without surrounding white space; empty for a blank line.
    private static func trimmedLines(_ text: inout String) -> [Range<Int>] {
        text.withUTF8 { bytes in
            var lines: [Range<Int>] = []
            var start = 0
            while true {
                let end = ByteSearch.first(0x0A, in: bytes, from: start, before: bytes.count) ?? bytes.count
                lines.append(whiteSpaceTrimmed(bytes, start..<end))
                guard end < bytes.count else { return lines }
                start = end + 1
            }
        }
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
