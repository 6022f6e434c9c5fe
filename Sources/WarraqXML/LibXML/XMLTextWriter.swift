import CLibXML2
import WarraqCore

/// libxml2's `xmlTextWriter` writing to memory: escaping and encoding are libxml2's, never ours.
/// Text is passed through `XMLCharacters.clean` first, so characters XML 1.0 forbids never reach
/// the output; what was dropped is listed in `dropped`.
final class XMLTextWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
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

    /// Opens an element with attributes in the order given; nil values are left out.
    func start(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) throws(WriterError) {
        try check(XMLText.with(name) { xmlTextWriterStartElement(writer, $0) }, "<\(name)>")
        openElements.append(name)
        for (key, value) in attributes {
            guard let value else { continue }
            let clean = clean(value, in: "@\(key) of <\(name)>")
            try check(XMLText.with(key) { k in XMLText.with(clean) { xmlTextWriterWriteAttribute(writer, k, $0) } }, "@\(key)")
        }
    }

    private var openElements: [String] = []

    /// The text without forbidden characters, noting any it drops.
    private func clean(_ text: String, in place: String) -> String {
        let offsets = XMLCharacters.forbiddenOffsets(text)
        guard !offsets.isEmpty else { return text }
        let scalars = Array(text.unicodeScalars)
        let list = offsets.prefix(5).map { offset -> String in
            let hex = String(scalars[offset].value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + " at character \(offset + 1)"
        }
        dropped.append("dropped \(offsets.count) character\(offsets.count == 1 ? "" : "s") XML cannot hold from \(place): \(list.joined(separator: ", "))")
        return XMLCharacters.clean(text)
    }

    func text(_ text: String) throws(WriterError) {
        let clean = clean(text, in: "<\(openElements.last ?? "?")>")
        try check(XMLText.with(clean) { xmlTextWriterWriteString(writer, $0) }, "text")
    }

    func end() throws(WriterError) {
        try check(xmlTextWriterEndElement(writer), "an end tag")
        openElements.removeLast()
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

    /// Everything written so far, after closing open elements.
    func finish() throws(WriterError) -> [UInt8] {
        try check(xmlTextWriterEndDocument(writer), "the end of the document")
        try check(xmlTextWriterFlush(writer), "the buffer")
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }
}

/// Characters XML 1.0 allows: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000 and above.
enum XMLCharacters {
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// The text without the characters XML 1.0 forbids.
    static func clean(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy(isAllowed) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter(isAllowed)))
    }

    /// Offsets (in Unicode scalars) of forbidden characters, for diagnostics.
    static func forbiddenOffsets(_ text: String) -> [Int] {
        text.unicodeScalars.enumerated().compactMap { isAllowed($0.element) ? nil : $0.offset }
    }
}
