import WarraqCore
import WarraqPlugins

/// An index of a corpus, one tab-separated line per document: id, date, words in the body, title.
struct TSVIndexWriter: DocumentWriter {
    static let format = WriterFormat(
        name: "tsv",
        summary: "a tab-separated index: id, date, body words, title",
        extensions: ["tsv"],
        options: [FormatOption("header", "write a header line first", default: "true")],
        example: "warraq convert -t tsv dumps/ -o index.tsv"
    ) { options in TSVIndexWriter(header: options["header"] != "false") }

    var header: Bool

    mutating func begin(_ shape: StreamShape, into out: inout [UInt8]) throws {
        if header { out += Array("id\tdate\twords\ttitle\n".utf8) }
    }

    mutating func write(_ document: Document, into out: inout [UInt8]) throws {
        let words = document.body.reduce(0) { $0 + $1.plainText.split(whereSeparator: \.isWhitespace).count }
        let fields = [document.id, document.date ?? "", String(words), document.title ?? ""]
        out += Array(fields.map(Self.clean).joined(separator: "\t").utf8) + [0x0A]
    }

    /// Tabs and line breaks inside a field would break the columns.
    private static func clean(_ field: String) -> String {
        String(field.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }
}

PluginMain.serve(TSVIndexWriter.format)
