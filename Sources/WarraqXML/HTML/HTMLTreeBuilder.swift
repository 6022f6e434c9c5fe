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
        /// An element, processing instruction or CDATA section, and whether libxml2 keeps white
        /// space in the text of an element named as it is (`allowPCData`).
        case element(allowsPCData: Bool)
    }

    /// What the builder reads from an element name as libxml2 hands it over.
    private struct ElementName {
        /// The tag of its local name (`o:p` is a `p`), and whether an element so named keeps
        /// white space (`allowPCData`).
        var tag = HTMLTag.other
        var localAllowsPCData = false
        /// The same of the name whole, prefix and all, as libxml2 names the open element.
        var wholeTag = HTMLTag.other
        var allowsPCData = false
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
    @exclusivity(unchecked) private var tree: HTMLTree.Building
    @exclusivity(unchecked) private var frames = HTMLTree.Column<Frame>(capacity: 64)
    @exclusivity(unchecked) private var script: [UInt8] = []
    @exclusivity(unchecked) private var elementNames = NameCache(placeholder: ElementName())
    /// Attribute names' `HTMLAttribute` numbers, `unread` for the others.
    @exclusivity(unchecked) private var attributeNumbers = NameCache(placeholder: unread)
    private static let unread = UInt8.max
    private var doctype: String??
    /// How many of `lifted`'s renamed attributes libxml2 has handed over.
    private var renamedTaken = 0
    private var stop: (line: Int, message: String)?
    /// Whether libxml2's push parser reads the page.
    private var pushed = false
    /// Line breaks the push parser read without counting them (`ignorableWhitespace`).
    private var uncountedBreaks = 0
    /// Whether an `<svg>` opened so deep that the elements emptied from one could have
    /// reached libxml2's depth limit.
    private var svgNearDepthLimit = false

    private init(context: htmlParserCtxtPtr, lifted: LiftedText, pageSize: Int) {
        self.context = context
        self.lifted = lifted
        tree = HTMLTree.Building(forPage: pageSize, textSize: max(pageSize, lifted.page.count))
    }

    /// Parses HTML bytes, with the text `lifted` out of them put back; nil when libxml2 finds no
    /// element. `stop` says why libxml2 gave up part-way, when it did for a limit of its tree
    /// builder; `svgNearDepthLimit`, that the page must be read again with its `<svg>`s in place.
    ///
    /// A UTF-8 page that `UnreadMarkup` read to its end goes to libxml2's push parser, which reads
    /// it for a tenth less work than the pull parser (that copies the open element's name after
    /// every element and checks each start tag for closing twice) and hands over the same events,
    /// but for the end: it reads no further than a blank after the root's end. When more than
    /// blanks and comments are left there, the pull parser reads the page again.
    static func parse(_ page: [UInt8], encoding: String?, lifted: LiftedText = LiftedText())
        -> (tree: HTMLTree, stop: (line: Int, message: String)?, svgNearDepthLimit: Bool)? {
        // Encoding and I/O complaints would go to stderr; the reader reports failures itself.
        warraq_silence_generic_errors()
        xmlInitParser()
        return page.withUnsafeBufferPointer { buffer in
            // The push parser hands a control character that ends the page over as text, where the
            // pull parser drops it.
            let endsInControl = page.last.map { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D } ?? false
            if encoding != nil, lifted.readsAlikePushed, !endsInControl, let pushed = read(buffer, encoding: encoding, lifted: lifted, pushing: true) {
                return pushed
            }
            XMLParseStop.reset()
            return read(buffer, encoding: encoding, lifted: lifted, pushing: false) ?? nil
        }
    }

    /// One parse: nil when the push parser left more unread than the pull parser would have,
    /// `.some(nil)` when libxml2 found no element.
    private static func read(_ page: UnsafeBufferPointer<UInt8>, encoding: String?, lifted: LiftedText, pushing: Bool)
        -> (tree: HTMLTree, stop: (line: Int, message: String)?, svgNearDepthLimit: Bool)?? {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOBLANKS.rawValue)
        // What htmlReadMemory does (or htmlCreatePushParserCtxt with the page as its first chunk),
        // with this builder's handlers in place of libxml2's tree builder.
        let created = page.withMemoryRebound(to: CChar.self) {
            pushing ? htmlCreatePushParserCtxt(nil, nil, $0.baseAddress, Int32($0.count), nil, XML_CHAR_ENCODING_NONE)
                : xmlCreateMemoryParserCtxt($0.baseAddress, Int32($0.count))
        }
        guard let context = created else { return .some(nil) }
        defer { xmlFreeParserCtxt(context) }
        let builder = HTMLTreeBuilder(context: context, lifted: lifted, pageSize: page.count)
        builder.pushed = pushing
        var handler = handlers()
        withUnsafeBytes(of: &handler) { bytes in
            UnsafeMutableRawPointer(context.pointee.sax).copyMemory(from: bytes.baseAddress!, byteCount: MemoryLayout<xmlSAXHandlerV1>.size)
        }
        return withExtendedLifetime(builder) {
            context.pointee.userData = Unmanaged.passUnretained(builder).toOpaque()
            htmlCtxtUseOptions(context, options)
            // The options put libxml2's own (which does nothing) in place of the builder's.
            if pushing { context.pointee.sax.pointee.ignorableWhitespace = handler.ignorableWhitespace }
            context.pointee.html = 1
            if let encoding, let encoder = xmlFindCharEncodingHandler(encoding) {
                xmlSwitchToEncoding(context, encoder)
                if let old = context.pointee.input.pointee.encoding { warraq_xmlFree(UnsafeMutablePointer(mutating: old)) }
                context.pointee.input.pointee.encoding = XMLText.with(encoding) { UnsafePointer(xmlStrdup($0)) }
            }
            var unreadBreaks = 0
            if pushing {
                htmlParseChunk(context, nil, 0, 1)
                guard let breaks = builder.unreadBreaks() else { return nil }
                unreadBreaks = breaks
            } else {
                htmlParseDocument(context)
            }
            guard builder.tree.count > 0 else { return .some(nil) }
            let lastLine = builder.lastLine(of: page, unreadBreaks: unreadBreaks)
            return (builder.tree.tree(lastLine: lastLine), builder.stop, builder.svgNearDepthLimit)
        }
    }

    /// libxml2's HTML handlers, with the ones that build its tree replaced by this builder's.
    private static func handlers() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        xmlSAX2InitHtmlDefaultSAXHandler(&handler)
        handler.startDocument = nil
        handler.endDocument = nil
        handler.internalSubset = { context, _, externalID, _ in HTMLTreeBuilder.builder(context)._withUnsafeGuaranteedRef { $0.doctype(externalID) } }
        handler.startElement = { context, name, attributes in HTMLTreeBuilder.builder(context)._withUnsafeGuaranteedRef { $0.startElement(name, attributes) } }
        handler.endElement = { context, _ in HTMLTreeBuilder.builder(context)._withUnsafeGuaranteedRef { $0.endElement() } }
        handler.characters = { context, text, length in HTMLTreeBuilder.builder(context)._withUnsafeGuaranteedRef { $0.characters(text, Int(length)) } }
        handler.ignorableWhitespace = { context, text, length in HTMLTreeBuilder.builder(context)._withUnsafeGuaranteedRef { $0.ignorableWhitespace(text, Int(length)) } }
        handler.cdataBlock = { context, text, length in HTMLTreeBuilder.builder(context)._withUnsafeGuaranteedRef { $0.cdata(text, Int(length)) } }
        handler.comment = { context, _ in HTMLTreeBuilder.builder(context)._withUnsafeGuaranteedRef { $0.comment() } }
        handler.processingInstruction = { context, target, _ in HTMLTreeBuilder.builder(context)._withUnsafeGuaranteedRef { $0.processingInstruction(target) } }
        return handler
    }

    /// The builder behind `context`, without a retain and release per event: `parse` keeps it alive.
    private static func builder(_ context: UnsafeMutableRawPointer?) -> Unmanaged<HTMLTreeBuilder> {
        Unmanaged<HTMLTreeBuilder>.fromOpaque(context!)
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
        if !frames.isEmpty {
            parent = frames.last.node >= 0 ? frames.last.node : nil
        } else {
            parent = tree.count == 0 ? -1 : doctype == nil ? 0 : nil
        }
        let element = name.map { elementNames.value($0, Self.elementName) } ?? ElementName()
        var frame = Frame(node: -1)
        let tag = element.tag
        if tag == .svg, lifted.emptiedSVGDepth > 0, frames.count + lifted.emptiedSVGDepth >= Self.maximumDepth { svgNearDepthLimit = true }
        if let parent {
            if tag == .script {
                frame.isJSONLD = Self.isJSONLD(attributes)
            } else if !tag.isDropped {
                frame.node = tree.appendElement(tag, parent: parent)
                addAttributes(attributes, of: tag)
            }
        }
        if frame.node < 0 { skipRenamed(attributes) }
        if !frames.isEmpty {
            frames.last.lastIsText = false
            frames.last.lastChild = .element(allowsPCData: element.localAllowsPCData)
        }
        frames.append(frame)
    }

    private func endElement() {
        guard !frames.isEmpty else { return }
        let frame = frames.removeLast()
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
        let buffer = UnsafeBufferPointer(start: text, count: length)
        if frames.last.isJSONLD {
            script.append(contentsOf: buffer)
            return
        }
        if isIgnorableBlank(buffer, in: frames.last) { return }
        let merging = frames.last.lastIsText
        let textLength = (merging ? frames.last.lastTextLength : 0) + length
        if merging, textLength > Self.maximumTextLength {
            halt("xmlSAX2Characters: huge text node")
            return
        }
        if frames.last.node >= 0 { tree.appendText(buffer, endLine: endLine(of: buffer), parent: frames.last.node, merging: merging) }
        frames.last.lastIsText = true
        frames.last.lastTextLength = textLength
        frames.last.lastChild = .text
    }

    private func cdata(_ text: UnsafePointer<xmlChar>?, _ length: Int) {
        guard let text, !frames.isEmpty else { return }
        if frames.last.isJSONLD {
            if let number = lifted.number(ofMarker: text, count: length) {
                lifted.withBytes(of: number) { script.append(contentsOf: $0) }
            } else {
                script.append(contentsOf: UnsafeBufferPointer(start: text, count: length))
            }
        }
        frames.last.lastIsText = false
        frames.last.lastChild = .element(allowsPCData: false)
    }

    /// White space libxml2 drops, which the builder drops too. The push parser hands over a page's
    /// last byte alone after a tag before it moves past it, and a line break there goes uncounted.
    private func ignorableWhitespace(_ text: UnsafePointer<xmlChar>?, _ length: Int) {
        let input = context.pointee.input.pointee
        guard pushed, length == 1, text?.pointee == 0x0A, let cursor = input.cur, cursor + 1 == input.end, cursor.pointee == 0x0A else { return }
        uncountedBreaks += 1
    }

    private func comment() {
        if !frames.isEmpty { frames.last.lastIsText = false }
    }

    private func processingInstruction(_ target: UnsafePointer<xmlChar>?) {
        guard !frames.isEmpty else { return }
        frames.last.lastIsText = false
        frames.last.lastChild = .element(allowsPCData: target.map { Self.allowPCData.value($0) != nil } ?? false)
    }

    /// The line the pull parser's cursor stops on, less the one after a final line break: the
    /// push parser's, with the line breaks it did not count or left unread (`unreadBreaks()`).
    private func lastLine(of page: UnsafeBufferPointer<UInt8>, unreadBreaks: Int) -> Int {
        let input = context.pointee.input.pointee
        let line = Int(input.line) + uncountedBreaks + unreadBreaks
        let atEnd = input.cur == input.end || (pushed && stop == nil)
        return line > 1 && atEnd && page.last == 0x0A ? line - 1 : line
    }

    /// After a push parse, the line breaks in what it left unread, when that is only blanks and
    /// comments after the root's end, which the pull parser reads past and builds nothing of; 0
    /// when it read all, or stopped where the pull parser stops. Nil for anything else.
    private func unreadBreaks() -> Int? {
        guard stop == nil, let cursor = context.pointee.input.pointee.cur, let end = context.pointee.input.pointee.end else { return 0 }
        return Self.breaksInBlanksAndComments(UnsafeBufferPointer(start: cursor, count: cursor.distance(to: end)))
    }

    /// The line breaks in `rest` when it holds only blanks and comments, each read to the first
    /// `-->` as libxml2 reads it: not starting with `>` or `-` (libxml2 may end `<!-->` and
    /// `<!--->` at once) and without a `--!` (which `--!>` may end); nil otherwise.
    private static func breaksInBlanksAndComments(_ rest: UnsafeBufferPointer<UInt8>) -> Int? {
        var breaks = 0
        var index = 0
        while index < rest.count {
            let byte = rest[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                if byte == 0x0A { breaks += 1 }
                index += 1
                continue
            }
            guard index + 4 < rest.count, rest[index] == UInt8(ascii: "<"), rest[index + 1] == UInt8(ascii: "!"),
                  rest[index + 2] == UInt8(ascii: "-"), rest[index + 3] == UInt8(ascii: "-"),
                  rest[index + 4] != UInt8(ascii: ">"), rest[index + 4] != UInt8(ascii: "-") else { return nil }
            var cursor = index + 4
            while true {
                guard let dash = ByteSearch.first(UInt8(ascii: "-"), in: rest, from: cursor, before: rest.count), dash + 2 < rest.count else { return nil }
                if rest[dash + 1] == UInt8(ascii: "-") {
                    if rest[dash + 2] == UInt8(ascii: "!") { return nil }
                    if rest[dash + 2] == UInt8(ascii: ">") {
                        cursor = dash + 3
                        break
                    }
                }
                cursor = dash + 1
            }
            for offset in index..<cursor where rest[offset] == 0x0A { breaks += 1 }
            index = cursor
        }
        return breaks
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
        let open = elementNames.value(name, Self.elementName)
        let tag = open.wholeTag
        if tag == .html || tag == .head { return true }
        if tag == .body, let id = doctype ?? nil, Self.strictDoctypes.contains(id.lowercased()) { return true }
        switch frame.lastChild {
        case .none: return !open.allowsPCData
        case .text: return false
        case .element(let allowsPCData): return !allowsPCData
        }
    }

    /// What an element name says, looked up in the tables.
    private static func elementName(_ name: UnsafePointer<xmlChar>) -> ElementName {
        let local = localName(name)
        return ElementName(
            tag: HTMLTag(name: local), localAllowsPCData: allowPCData.value(local) != nil,
            wholeTag: HTMLTag(name: name), allowsPCData: allowPCData.value(name) != nil)
    }

    /// Stops the parse where libxml2's tree builder would have, saying why.
    private func halt(_ message: String) {
        stop = (Int(context.pointee.input.pointee.line), message)
        xmlStopParser(context)
    }

    /// The name libxml2's tree builder gives an element: after the prefix, if any (`o:p` is a `p`).
    private static func localName(_ name: UnsafePointer<xmlChar>) -> UnsafePointer<xmlChar> {
        guard name.pointee != UInt8(ascii: ":") else { return name }
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
            if renamedTaken < lifted.renamedCount, lifted.isRenamed(name) {
                // The renamed attribute the name stands for, taken in turn.
                lifted.withRenamedAttribute(at: renamedTaken) { number, value in
                    if HTMLAttribute.isRead(number, on: tag) { tree.appendAttribute(number, value) }
                }
                renamedTaken += 1
            } else if case let number = attributeNumbers.value(name, { HTMLAttribute.number($0) ?? Self.unread }), number != Self.unread,
                      HTMLAttribute.isRead(number, on: tag) {
                let value = cursor.successor().pointee
                tree.appendAttribute(number, UnsafeBufferPointer(start: value, count: value.map { Int(xmlStrlen($0)) } ?? 0))
            }
            cursor += 2
        }
    }

    /// Takes, without keeping them, the renamed attributes of an element not kept.
    private func skipRenamed(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard var cursor = attributes, renamedTaken < lifted.renamedCount else { return }
        while let name = cursor.pointee {
            if lifted.isRenamed(name) { renamedTaken += 1 }
            cursor += 2
        }
    }

    /// Whether a script's first `type` attribute says JSON-LD (`application/ld+json`).
    private static func isJSONLD(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> Bool {
        guard var cursor = attributes else { return false }
        while let name = cursor.pointee {
            if xmlStrEqual(name, Self.type) != 0 {
                guard let value = cursor.successor().pointee else { return false }
                return ByteSearch.contains("ld+json", in: UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value))))
            }
            cursor += 2
        }
        return false
    }

    private static let type: [xmlChar] = Array("type".utf8) + [0]
}
