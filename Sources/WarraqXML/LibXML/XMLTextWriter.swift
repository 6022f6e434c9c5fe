import CLibXML2
import WarraqCore

/// libxml2's `xmlTextWriter` writing to memory: escaping and encoding are libxml2's, never ours.
/// Text and attribute values pass through `XMLCharacters` first, so characters XML 1.0 forbids
/// never reach the output; each drop is listed in `dropped`, naming the element by its path.
final class XMLTextWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    private let indents: Bool
    /// How many `mixed` elements are open: inside one, libxml2 must not indent.
    private var mixedDepth = 0
    /// The open elements, outermost first, with how many children of each name they have had.
    private var frames: [Frame] = [Frame(step: "")]
    /// One line per text or attribute that lost characters: which, and where.
    private(set) var dropped: [String] = []

    private struct Frame {
        var step: String
        var childCounts: [String: Int] = [:]
    }

    init(indent: Bool = true) throws(WriterError) {
        guard let buffer = xmlBufferCreate() else { throw WriterError("libxml2 could not allocate a buffer") }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw WriterError("libxml2 could not create a text writer")
        }
        self.buffer = buffer
        self.writer = writer
        self.indents = indent
        if indent {
            xmlTextWriterSetIndent(writer, 1)
            XMLText.with(" ") { _ = xmlTextWriterSetIndentString(writer, $0) }
        }
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    private func check(_ status: Int32, _ what: String) throws(WriterError) {
        if status < 0 { throw WriterError("libxml2 failed to write \(what)") }
    }

    /// The open element as an XPath (`/TEI/text[1]/body[1]/div[1]/p[3]`), for warnings.
    private var location: String {
        frames.count == 1 ? "/" : frames.dropFirst().map { "/" + $0.step }.joined()
    }

    /// Opens an element with attributes in the order given; nil values are left out.
    func start(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) throws(WriterError) {
        try check(XMLText.with(name) { xmlTextWriterStartElement(writer, $0) }, "<\(name)>")
        let count = frames[frames.count - 1].childCounts[name, default: 0] + 1
        frames[frames.count - 1].childCounts[name] = count
        frames.append(Frame(step: frames.count == 1 ? name : "\(name)[\(count)]"))
        for (key, value) in attributes {
            guard let value else { continue }
            let clean = clean(value, in: "@\(key) of \(location)")
            try check(XMLText.with(key) { k in XMLText.with(clean) { xmlTextWriterWriteAttribute(writer, k, $0) } }, "@\(key)")
        }
    }

    /// The text without forbidden characters, noting any it drops.
    private func clean(_ text: String, in place: String) -> String {
        let offsets = XMLCharacters.forbiddenOffsets(text)
        guard !offsets.isEmpty else { return text }
        let plural = offsets.count == 1 ? "" : "s"
        dropped.append("dropped \(offsets.count) character\(plural) XML cannot hold from \(place): \(XMLCharacters.describe(offsets, in: text))")
        return XMLCharacters.clean(text)
    }

    func text(_ text: String) throws(WriterError) {
        let clean = clean(text, in: location)
        try check(XMLText.with(clean) { xmlTextWriterWriteString(writer, $0) }, "text")
    }

    func end() throws(WriterError) {
        try check(xmlTextWriterEndElement(writer), "an end tag")
        frames.removeLast()
    }

    /// `<name attributes>text</name>`
    func element(_ name: String, _ text: String, _ attributes: KeyValuePairs<String, String?> = [:]) throws(WriterError) {
        try start(name, attributes)
        try self.text(text)
        try end()
    }

    /// `<name attributes/>`
    func empty(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) throws(WriterError) {
        try start(name, attributes)
        try end()
    }

    /// An element whose text and child elements sit side by side (a paragraph with links):
    /// written on one line, because libxml2's indentation would add white space to the text.
    func mixed(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], _ content: () throws(WriterError) -> Void) throws(WriterError) {
        let outermost = indents && mixedDepth == 0
        try start(name, attributes)
        if outermost { xmlTextWriterSetIndent(writer, 0) }
        mixedDepth += 1
        try content()
        mixedDepth -= 1
        try end()
        if outermost {
            // The line break libxml2 would have written after the end tag, had it been indenting.
            try check(XMLText.with("\n") { xmlTextWriterWriteRaw(writer, $0) }, "a line break")
            xmlTextWriterSetIndent(writer, 1)
        }
    }

    /// Everything written so far, leaving open elements open (a corpus's start, before its documents).
    func partial() throws(WriterError) -> [UInt8] {
        try check(xmlTextWriterFlush(writer), "the buffer")
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }

    /// Everything written, after closing open elements.
    func finish() throws(WriterError) -> [UInt8] {
        try check(xmlTextWriterEndDocument(writer), "the end of the document")
        frames.removeSubrange(1...)
        return try partial()
    }
}
