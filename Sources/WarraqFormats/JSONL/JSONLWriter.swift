import WarraqCore

/// JSON Lines: each document as its canonical JSON on one line, UTF-8, no BOM.
public struct JSONLWriter: DocumentWriter {
    public static let format = WriterFormat(
        name: "jsonl",
        summary: "JSON Lines: one canonical JSON document per line (for jq, Spark, pandas)",
        extensions: ["jsonl", "ndjson"],
        mediaTypes: ["application/jsonl", "application/x-ndjson"],
        example: "warraq convert -t jsonl dump.txt | jq -r .title"
    ) { _ in JSONLWriter() }

    public init() {}

    public mutating func write(_ document: Document, into out: inout [UInt8]) throws {
        document.writeJSON(into: &out)
        out.append(0x0A)
    }
}
