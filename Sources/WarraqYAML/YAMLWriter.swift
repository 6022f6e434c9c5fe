import WarraqCore

/// YAML: one document per article in one stream (`---` … `...`), block style, the fields and
/// order of the canonical JSON, Arabic left readable. Every string a YAML 1.1 or 1.2 loader could
/// read as something else is quoted, so PyYAML, ruamel and yq give back exactly our strings.
public struct YAMLWriter: DocumentWriter {
    public static let format = WriterFormat(
        name: "yaml",
        summary: "YAML: one document per article in one stream, strings quoted wherever a loader could misread them",
        extensions: ["yaml", "yml"],
        mediaTypes: ["application/yaml"],
        example: "warraq convert -t yaml dump.txt | yamllint -"
    ) { _ in YAMLWriter() }

    public init() {}

    public mutating func write(_ document: Document, into out: inout [UInt8]) throws {
        out += try YAMLEmitter().document(document.json, explicitEnd: true)
    }

    /// A value as a YAML block without document markers, for front matter.
    public static func block(_ value: JSONValue) throws -> [UInt8] {
        var bytes = try YAMLEmitter().document(value, explicitEnd: false)
        if bytes.starts(with: Array("---\n".utf8)) { bytes.removeFirst(4) }
        return bytes
    }
}
