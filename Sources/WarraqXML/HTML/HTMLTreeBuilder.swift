import CLibXML2
import WarraqCore

/// Builds an `HTMLTree` from libxml2's HTML parser events (SAX) instead of from libxml2's own
/// tree, which costs as much to build and free as the parse itself. libxml2 still tokenizes,
/// recovers and decodes the page; this keeps what the reader reads, as libxml2's tree builder
/// would have: without the white space it drops (`areBlanks` in HTMLparser.c), with text
/// merged across the pieces it arrives in, and stopping where its depth and text limits stop.
final class HTMLTreeBuilder {
    /// libxml2's limits without `XML_PARSE_HUGE`: `xmlParserMaxDepth` and `XML_MAX_TEXT_LENGTH`.
    static let maximumDepth = 256
    static let maximumTextLength = 10_000_000

    /// One open element, as libxml2's tree builder tracks it.
    private struct Frame {
        /// Its index in the tree; -1 when not kept (dropped, or outside the root).
        var node: Int32
        /// Whether its last child, comments included, is text: more text merges into it.
        var lastIsText = false
        var lastTextLength = 0
        /// Its last child other than comments, for white space.
        var lastChild = LastChild.none
        /// A JSON-LD script, whose text is collected.
        var isJSONLD = false
    }

    private enum LastChild {
        case none, text
        /// An element, processing instruction or CDATA section, by name.
        case element(UnsafePointer<xmlChar>?)
    }

    /// Elements in whose text libxml2 keeps white space (`allowPCData`, from the HTML 4.01 loose DTD).
    private static let allowPCData = NameTable([
        "a", "abbr", "acronym", "address", "applet", "b", "bdo", "big", "blockquote", "body", "button", "caption",
        "center", "cite", "code", "dd", "del", "dfn", "div", "dt", "em", "font", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "i", "iframe", "ins", "kbd", "label", "legend", "li", "noframes", "noscript", "object", "p", "pre", "q",
        "s", "samp", "small", "span", "strike", "strong", "td", "th", "tt", "u", "var",
    ].map { (name: $0, value: ()) })
    /// Doctypes under which libxml2 drops white space between the body's children.
    private static let strictDoctypes: Set<String> = ["-//w3c//dtd html 4.01//en", "-//w3c//dtd html 4//en"]

    private let context: htmlParserCtxtPtr
    /// What `UnreadMarkup` took out of the page.
    private let lifted: LiftedText
    // Only libxml2's callbacks touch these, one at a time: the runtime's exclusivity checks,
    // a tenth of the builder's time, are left out.
    @exclusivity(unchecked) private var tree = HTMLTree()
    @exclusivity(unchecked) private var frames: [Frame] = []
    @exclusivity(unchecked) private var script: [UInt8] = []
    private var doctype: String??
    /// How many of `lifted`'s renamed attributes libxml2 has handed over.
    private var renamedTaken = 0
    private var stop: (line: Int, message: String)?
    /// Whether an `<svg>` opened so deep that the elements emptied from one could have
    /// reached libxml2's depth limit.
    private var svgNearDepthLimit = false

    private init(context: htmlParserCtxtPtr, lifted: LiftedText) {
        self.context = context
        self.lifted = lifted
    }

    /// Parses HTML bytes, with the text `lifted` out of them put back; nil when libxml2 finds no
    /// element. `stop` says why libxml2 gave up part-way, when it did for a limit of its tree
    /// builder; `svgNearDepthLimit`, that the page must be read again with its `<svg>`s in place.
    static func parse(_ page: [UInt8], encoding: String?, lifted: LiftedText = LiftedText())
        -> (tree: HTMLTree, stop: (line: Int, message: String)?, svgNearDepthLimit: Bool)? {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOBLANKS.rawValue)
        // Encoding and I/O complaints would go to stderr; the reader reports failures itself.
        warraq_silence_generic_errors()
        xmlInitParser()
        return page.withUnsafeBufferPointer { buffer -> (HTMLTree, (line: Int, message: String)?, Bool)? in
            // What htmlReadMemory does, with this builder's handlers in place of libxml2's tree builder.
            let created = buffer.withMemoryRebound(to: CChar.self) { xmlCreateMemoryParserCtxt($0.baseAddress, Int32($0.count)) }
            guard let context = created else { return nil }
            defer { xmlFreeParserCtxt(context) }
            let builder = HTMLTreeBuilder(context: context, lifted: lifted)
            builder.tree.reserveText(page.count / 2)
            var handler = handlers()
            withUnsafeBytes(of: &handler) { bytes in
                UnsafeMutableRawPointer(context.pointee.sax).copyMemory(from: bytes.baseAddress!, byteCount: MemoryLayout<xmlSAXHandlerV1>.size)
            }
            return withExtendedLifetime(builder) {
                context.pointee.userData = Unmanaged.passUnretained(builder).toOpaque()
                htmlCtxtUseOptions(context, options)
                context.pointee.html = 1
                if let encoding, let encoder = xmlFindCharEncodingHandler(encoding) {
                    xmlSwitchToEncoding(context, encoder)
                    if let old = context.pointee.input.pointee.encoding { warraq_xmlFree(UnsafeMutablePointer(mutating: old)) }
                    context.pointee.input.pointee.encoding = XMLText.with(encoding) { UnsafePointer(xmlStrdup($0)) }
                }
                htmlParseDocument(context)
                guard builder.tree.count > 0 else { return nil }
                builder.tree.finish()
                builder.tree.lastLine = builder.lastLine(of: page)
                return (builder.tree, builder.stop, builder.svgNearDepthLimit)
            }
        }
    }

    /// libxml2's HTML handlers, with the ones that build its tree replaced by this builder's.
    private static func handlers() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        xmlSAX2InitHtmlDefaultSAXHandler(&handler)
        handler.startDocument = nil
        handler.endDocument = nil
        handler.internalSubset = { context, _, externalID, _ in HTMLTreeBuilder.builder(context).doctype(externalID) }
        handler.startElement = { context, name, attributes in HTMLTreeBuilder.builder(context).startElement(name, attributes) }
        handler.endElement = { context, _ in HTMLTreeBuilder.builder(context).endElement() }
        handler.characters = { context, text, length in HTMLTreeBuilder.builder(context).characters(text, Int(length)) }
        handler.cdataBlock = { context, text, length in HTMLTreeBuilder.builder(context).cdata(text, Int(length)) }
        handler.comment = { context, _ in HTMLTreeBuilder.builder(context).comment() }
        handler.processingInstruction = { context, target, _ in HTMLTreeBuilder.builder(context).processingInstruction(target) }
        return handler
    }

    private static func builder(_ context: UnsafeMutableRawPointer?) -> HTMLTreeBuilder {
        Unmanaged<HTMLTreeBuilder>.fromOpaque(context!).takeUnretainedValue()
    }

    // MARK: Events

    private func doctype(_ externalID: UnsafePointer<xmlChar>?) {
        if doctype == nil { doctype = .some(XMLText.borrowed(externalID)) }
    }

    private func startElement(_ name: UnsafePointer<xmlChar>?, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        if frames.count > Self.maximumDepth {
            halt("Excessive depth in document: \(Self.maximumDepth) use XML_PARSE_HUGE option")
            return
        }
        // libxml2 puts an element that follows the root's end into the root, or, when the page
        // has a doctype, beside it, outside the tree read.
        let parent: Int32?
        if let top = frames.last {
            parent = top.node >= 0 ? top.node : nil
        } else {
            parent = tree.count == 0 ? -1 : doctype == nil ? 0 : nil
        }
        let local = Self.localName(name)
        var frame = Frame(node: -1)
        let tag = HTMLTag(name: local)
        if tag == .svg, lifted.emptiedSVGDepth > 0, frames.count + lifted.emptiedSVGDepth >= Self.maximumDepth { svgNearDepthLimit = true }
        if let parent {
            if tag == .script {
                frame.isJSONLD = (Self.attribute("type", in: attributes) ?? "").contains("ld+json")
            } else if !tag.isDropped {
                frame.node = tree.appendElement(tag, parent: parent)
                addAttributes(attributes, of: tag)
            }
        }
        if frame.node < 0 { skipRenamed(attributes) }
        if !frames.isEmpty {
            frames[frames.count - 1].lastIsText = false
            frames[frames.count - 1].lastChild = .element(local)
        }
        frames.append(frame)
    }

    private func endElement() {
        guard let frame = frames.popLast() else { return }
        if frame.isJSONLD {
            tree.appendJSONLD(String(decoding: script, as: UTF8.self))
            script.removeAll(keepingCapacity: true)
        }
    }

    private func characters(_ text: UnsafePointer<xmlChar>?, _ length: Int) {
        guard let text, !frames.isEmpty else { return }
        if let number = lifted.number(ofMarker: text, count: length) {
            lifted.withBytes(of: number) { characters($0.baseAddress, $0.count) }
            return
        }
        let top = frames.count - 1
        let buffer = UnsafeBufferPointer(start: text, count: length)
        if frames[top].isJSONLD {
            script.append(contentsOf: buffer)
            return
        }
        if isIgnorableBlank(buffer, in: frames[top]) { return }
        let merging = frames[top].lastIsText
        let textLength = (merging ? frames[top].lastTextLength : 0) + length
        if merging, textLength > Self.maximumTextLength {
            halt("xmlSAX2Characters: huge text node")
            return
        }
        if frames[top].node >= 0 { tree.appendText(buffer, endLine: endLine(of: buffer), parent: frames[top].node, merging: merging) }
        frames[top].lastIsText = true
        frames[top].lastTextLength = textLength
        frames[top].lastChild = .text
    }

    private func cdata(_ text: UnsafePointer<xmlChar>?, _ length: Int) {
        guard let text, !frames.isEmpty else { return }
        let top = frames.count - 1
        if frames[top].isJSONLD {
            if let number = lifted.number(ofMarker: text, count: length) {
                lifted.withBytes(of: number) { script.append(contentsOf: $0) }
            } else {
                script.append(contentsOf: UnsafeBufferPointer(start: text, count: length))
            }
        }
        frames[top].lastIsText = false
        frames[top].lastChild = .element(nil)
    }

    private func comment() {
        if !frames.isEmpty { frames[frames.count - 1].lastIsText = false }
    }

    private func processingInstruction(_ target: UnsafePointer<xmlChar>?) {
        guard !frames.isEmpty else { return }
        frames[frames.count - 1].lastIsText = false
        frames[frames.count - 1].lastChild = .element(target)
    }

    /// The line libxml2's cursor stopped on, less the one after a final line break.
    private func lastLine(of page: [UInt8]) -> Int {
        let input = context.pointee.input.pointee
        let line = Int(input.line)
        return line > 1 && input.cur == input.end && page.last == 0x0A ? line - 1 : line
    }

    /// The page line of `text`'s last byte, from libxml2's cursor: it is just past the text,
    /// or, when libxml2 cut the text at its buffer's size, on its last byte, where a line break
    /// is not counted yet.
    private func endLine(of text: UnsafeBufferPointer<UInt8>) -> Int32 {
        let input = context.pointee.input.pointee
        let line = Int32(truncatingIfNeeded: input.line)
        return text.last == 0x0A && input.cur.pointee != 0x0A ? line - 1 : line
    }

    // MARK: libxml2's rules

    /// White space that libxml2's tree builder drops: only blanks, before a tag, where the
    /// element holds no text beside it (`areBlanks`).
    private func isIgnorableBlank(_ text: UnsafeBufferPointer<UInt8>, in frame: Frame) -> Bool {
        guard text.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return false }
        let next = context.pointee.input.pointee.cur.pointee
        if next == 0 { return true }
        guard next == UInt8(ascii: "<") else { return false }
        guard let name = context.pointee.name else { return true }
        let tag = HTMLTag(name: name)
        if tag == .html || tag == .head { return true }
        if tag == .body, let id = doctype ?? nil, Self.strictDoctypes.contains(id.lowercased()) { return true }
        switch frame.lastChild {
        case .none: return Self.allowPCData.value(name) == nil
        case .text: return false
        case .element(let child): return child.flatMap(Self.allowPCData.value) == nil
        }
    }

    /// Stops the parse where libxml2's tree builder would have, saying why.
    private func halt(_ message: String) {
        stop = (Int(context.pointee.input.pointee.line), message)
        xmlStopParser(context)
    }

    /// The name libxml2's tree builder gives an element: after the prefix, if any (`o:p` is a `p`).
    private static func localName(_ name: UnsafePointer<xmlChar>?) -> UnsafePointer<xmlChar>? {
        guard let name, name.pointee != UInt8(ascii: ":") else { return name }
        var cursor = name
        while cursor.pointee != 0 {
            if cursor.pointee == UInt8(ascii: ":") { return cursor[1] == 0 ? name : cursor + 1 }
            cursor += 1
        }
        return name
    }

    // MARK: Attributes

    private func addAttributes(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, of tag: HTMLTag) {
        guard var cursor = attributes else { return }
        while let name = cursor.pointee {
            if let renamed = takeRenamed(name) {
                if HTMLAttribute.isRead(renamed.attribute, on: tag) { tree.appendAttribute(renamed.attribute, renamed.value) }
            } else if let number = HTMLAttribute.number(name), HTMLAttribute.isRead(number, on: tag) {
                tree.appendAttribute(number, cursor.successor().pointee.map { String(cString: $0) } ?? "")
            }
            cursor += 2
        }
    }

    /// The renamed attribute a name stands for, taken in turn.
    private func takeRenamed(_ name: UnsafePointer<xmlChar>) -> (attribute: UInt8, value: String)? {
        guard renamedTaken < lifted.renamedCount, lifted.isRenamed(name) else { return nil }
        renamedTaken += 1
        return lifted.renamedAttribute(at: renamedTaken - 1)
    }

    /// Takes, without keeping them, the renamed attributes of an element not kept.
    private func skipRenamed(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard var cursor = attributes, renamedTaken < lifted.renamedCount else { return }
        while let name = cursor.pointee {
            if lifted.isRenamed(name) { renamedTaken += 1 }
            cursor += 2
        }
    }

    private static func attribute(_ wanted: String, in attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> String? {
        guard var cursor = attributes else { return nil }
        while let name = cursor.pointee {
            if String(cString: name) == wanted { return cursor.successor().pointee.map { String(cString: $0) } ?? "" }
            cursor += 2
        }
        return nil
    }
}
