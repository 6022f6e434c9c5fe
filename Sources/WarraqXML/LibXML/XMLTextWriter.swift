import CLibXML2
import WarraqCore

/// libxml2's `xmlTextWriter` writing to memory: escaping and encoding are libxml2's, never ours.
/// Text and attribute values pass through `XMLCharacters` first, so characters XML 1.0 forbids
/// never reach the output; each drop is listed in `dropped`, naming the element by its path.
/// Element and attribute names are string literals, handed to libxml2 as they are.
final class XMLTextWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    private let indents: Bool
    /// How many `mixed` elements are open: inside one, libxml2 must not indent.
    private var mixedDepth = 0
    /// The open elements, outermost first, each with its place among its like-named siblings.
    private var open: [(name: StaticString, position: Int)] = []
    /// The children each open element has had so far, one entry per name: the entries from
    /// `childrenStart[d]` on belong to the element at depth `d` (index 0 being the document).
    private var children: [(name: StaticString, count: Int)] = []
    private var childrenStart: [Int] = [0]
    /// One line per text or attribute that lost characters: which, and where.
    private(set) var dropped: [String] = []

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
            _ = xmlTextWriterSetIndentString(writer, Self.cString(" "))
        }
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    private func check(_ status: Int32, _ what: @autoclosure () -> String) throws(WriterError) {
        if status < 0 { throw WriterError("libxml2 failed to write \(what())") }
    }

    /// A literal as libxml2's NUL-terminated `xmlChar` string (Swift keeps literals so).
    private static func cString(_ literal: StaticString) -> UnsafePointer<xmlChar> {
        literal.utf8Start
    }

    /// The open element as an XPath (`/TEI/text[1]/body[1]/div[1]/p[3]`), for warnings.
    private var location: String {
        guard let root = open.first else { return "/" }
        return "/\(root.name)" + open.dropFirst().map { "/\($0.name)[\($0.position)]" }.joined()
    }

    /// Opens an element with attributes in the order given; nil values are left out.
    func start(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:]) throws(WriterError) {
        try check(xmlTextWriterStartElement(writer, Self.cString(name)), "<\(name)>")
        open.append((name, countChild(name)))
        childrenStart.append(children.count)
        for (key, value) in attributes {
            guard let value else { continue }
            let clean = clean(value, in: "@\(key) of \(location)")
            try check(XMLText.with(clean) { xmlTextWriterWriteAttribute(writer, Self.cString(key), $0) }, "@\(key)")
        }
    }

    /// Counts one more child called `name` of the innermost open element, returning its position.
    private func countChild(_ name: StaticString) -> Int {
        var index = childrenStart[childrenStart.count - 1]
        while index < children.count {
            if Self.same(children[index].name, name) {
                children[index].count += 1
                return children[index].count
            }
            index += 1
        }
        children.append((name, 1))
        return 1
    }

    private static func same(_ a: StaticString, _ b: StaticString) -> Bool {
        a.utf8Start == b.utf8Start
            || a.withUTF8Buffer { a in b.withUTF8Buffer { b in a.elementsEqual(b) } }
    }

    /// The text without forbidden characters, noting any it drops.
    private func clean(_ text: String, in place: @autoclosure () -> String) -> String {
        guard XMLCharacters.hasForbidden(text) else { return text }
        let offsets = XMLCharacters.forbiddenOffsets(text)
        let plural = offsets.count == 1 ? "" : "s"
        dropped.append("dropped \(offsets.count) character\(plural) XML cannot hold from \(place()): \(XMLCharacters.describe(offsets, in: text))")
        return XMLCharacters.clean(text)
    }

    func text(_ text: String) throws(WriterError) {
        let clean = clean(text, in: location)
        try check(XMLText.with(clean) { xmlTextWriterWriteString(writer, $0) }, "text")
    }

    func end() throws(WriterError) {
        try check(xmlTextWriterEndElement(writer), "an end tag")
        open.removeLast()
        children.removeSubrange(childrenStart.removeLast()...)
    }

    /// `<name attributes>text</name>`
    func element(_ name: StaticString, _ text: String, _ attributes: KeyValuePairs<StaticString, String?> = [:]) throws(WriterError) {
        try start(name, attributes)
        try self.text(text)
        try end()
    }

    /// `<name attributes/>`
    func empty(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:]) throws(WriterError) {
        try start(name, attributes)
        try end()
    }

    /// An element whose text and child elements sit side by side (a paragraph with links):
    /// written on one line, because libxml2's indentation would add white space to the text.
    func mixed(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:], _ content: () throws(WriterError) -> Void) throws(WriterError) {
        let outermost = indents && mixedDepth == 0
        try start(name, attributes)
        if outermost { xmlTextWriterSetIndent(writer, 0) }
        mixedDepth += 1
        try content()
        mixedDepth -= 1
        try end()
        if outermost {
            // The line break libxml2 would have written after the end tag, had it been indenting.
            try check(xmlTextWriterWriteRaw(writer, Self.cString("\n")), "a line break")
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
        open.removeAll()
        children.removeAll()
        childrenStart.removeSubrange(1...)
        return try partial()
    }
}
