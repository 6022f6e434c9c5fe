import WarraqCore

/// TEI P5 XML, valid against `tei_all`: one `<TEI>` per document, or a `<teiCorpus>` of them
/// when a stream holds several. The header carries the provenance; removed text is kept in the
/// header's notes, and each removal is marked by a `<gap>` in the body. Each document is
/// rendered by its own libxml2 writer, so `write` depends on nothing but the document.
public struct TEIWriter: DocumentWriter {
    public static let namespace = "http://www.tei-c.org/ns/1.0"
    /// The version written into `encodingDesc`.
    public static let warraqVersion = "0.1.0"

    public static let format = WriterFormat(
        name: "tei",
        summary: "TEI P5 XML with a provenance header, valid against tei_all; a teiCorpus for several documents",
        extensions: ["xml", "tei"],
        mediaTypes: ["application/tei+xml"],
        example: "warraq convert -t tei dumps/ -o corpus.xml && warraq validate corpus.xml"
    ) { _ in TEIWriter() }

    private var shape = StreamShape.single
    private var warnings: [String] = []

    public init() {}

    public mutating func begin(_ shape: StreamShape, into out: inout [UInt8]) throws {
        self.shape = shape
        out += Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)
        guard shape == .multiple else { return }
        let writer = try XMLTextWriter()
        try writer.start("teiCorpus", ["xmlns": Self.namespace])
        try writer.start("teiHeader")
        try writer.start("fileDesc")
        try writer.start("titleStmt")
        try writer.element("title", "Warraq corpus")
        try writer.end()
        try writer.start("publicationStmt")
        try writer.element("distributor", "Warraq")
        try writer.start("availability")
        try writer.element("p", TEIHeaderWriter.availability)
        try writer.end()
        try writer.end()
        try writer.start("sourceDesc")
        try writer.element("p", "Documents converted by Warraq; each TEI header names its source.")
        try writer.end()
        try writer.end()
        try writer.end()
        // <teiCorpus> stays open: the documents follow, `finish` closes it.
        out += try writer.partial()
    }

    public mutating func write(_ document: Document, into out: inout [UInt8]) throws {
        let writer = try XMLTextWriter()
        let id = TEINames.xmlID(for: document.id)
        let language = TEILanguage.tag(for: document)
        try writer.start("TEI", ["xmlns": Self.namespace, "xml:id": id, "xml:lang": language])
        try TEIHeaderWriter(document: document, id: id, language: language, writer: writer).write()
        try TEIBodyWriter(document: document, id: id, writer: writer).write()
        try writer.end()
        out += try writer.finish()
        warnings += writer.dropped
    }

    public mutating func takeWarnings() -> [String] {
        defer { warnings.removeAll() }
        return warnings
    }

    public mutating func finish(into out: inout [UInt8]) throws {
        if shape == .multiple { out += Array("</teiCorpus>\n".utf8) }
    }
}
