import WarraqCore

/// Reads JSON Lines written by Warraq (or by a plugin in any language) back into documents.
/// A malformed line is reported as `path:line: what is wrong` and skipped; the rest is read.
public struct JSONLReader: DocumentReader {
    public static let format = ReaderFormat(
        name: "jsonl",
        summary: "JSON Lines of Warraq documents, as the jsonl writer makes them",
        extensions: ["jsonl", "ndjson"],
        mediaTypes: ["application/jsonl", "application/x-ndjson"],
        example: "warraq convert -f jsonl -t tei articles.jsonl -o corpus.xml"
    ) { input, _ in try JSONLReader(input) }

    private let path: String
    private var lines: LineReader
    private var diagnostics: [Diagnostic] = []

    public init(_ input: Input) throws {
        self.path = input.path
        self.lines = try input.lines()
    }

    public mutating func next() throws -> Document? {
        while let line = try lines.next() {
            var bytes = line.bytes
            if line.number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
            do {
                return try Document(json: JSONParser.parse(bytes))
            } catch let error as JSONParser.SyntaxError {
                diagnostics.append(Diagnostic(path: path, line: line.number, "not JSON: \(error)"))
            } catch let error as JSONShapeError {
                diagnostics.append(Diagnostic(path: path, line: line.number, "not a Warraq document: \(error)"))
            }
        }
        return nil
    }

    public mutating func takeDiagnostics() -> [Diagnostic] {
        defer { diagnostics.removeAll() }
        return diagnostics
    }
}
