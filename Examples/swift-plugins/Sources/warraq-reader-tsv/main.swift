import WarraqCore
import WarraqPlugins

/// Reads back the index warraq-writer-tsv writes: one document per line, with its id, date and
/// title (the word count is not a document field, so it goes to `removed` as metadata).
struct TSVIndexReader: DocumentReader {
    static let format = ReaderFormat(
        name: "tsv",
        summary: "a tab-separated index (id, date, words, title), as warraq-writer-tsv writes it",
        extensions: ["tsv"],
        example: "warraq convert -f tsv index.tsv -t yaml"
    ) { input, _ in try TSVIndexReader(input) }

    private var lines: LineReader
    private var diagnostics: [Diagnostic] = []
    private let path: String

    init(_ input: Input) throws {
        lines = try input.lines()
        path = input.path
    }

    mutating func next() throws -> Document? {
        while let line = try lines.next() {
            let fields = line.text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if line.number == 1, fields.first == "id" { continue }
            guard fields.count == 4, !fields[0].isEmpty else {
                diagnostics.append(Diagnostic(path: path, line: line.number, "expected 4 tab-separated fields, found \(fields.count)"))
                continue
            }
            return Document(
                id: fields[0], title: fields[3].isEmpty ? nil : fields[3], date: fields[1].isEmpty ? nil : fields[1],
                origin: Origin(path: path, format: "tsv", lines: LineRange(line: line.number)),
                removed: [Removal(text: fields[2], reason: .metadata, lines: LineRange(line: line.number))]
            )
        }
        return nil
    }

    mutating func takeDiagnostics() -> [Diagnostic] {
        defer { diagnostics.removeAll() }
        return diagnostics
    }
}

PluginMain.serve(TSVIndexReader.format)
