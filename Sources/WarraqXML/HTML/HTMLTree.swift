import CLibXML2
import WarraqCore

/// A parsed page as flat arrays in document (pre-)order: node `i`'s subtree is `i..<end[i]`, text
/// is bytes in one buffer, and text sizes are summed once per node. Extraction then walks
/// integers instead of objects, and no libxml2 pointer outlives the parse.
struct HTMLTree {
    private(set) var tags: [HTMLTag] = []
    private(set) var parents: [Int32] = []
    /// One past the node's last descendant.
    private(set) var ends: [Int32] = []
    /// For text nodes, their bytes in `bytes`; empty for elements.
    private(set) var textRanges: [Range<Int32>] = []
    /// Index into `attributeSets`, or -1.
    private(set) var attributeIndex: [Int32] = []
    private(set) var attributeSets: [[String: String]] = []
    /// All text, UTF-8, as libxml2 decoded it.
    private(set) var bytes: [UInt8] = []
    /// The text of `<script type="application/ld+json">` elements.
    private(set) var jsonLD: [String] = []
    /// Non-space text bytes in each subtree, and those inside links.
    private(set) var textSize: [Int32] = []
    private(set) var linkSize: [Int32] = []

    var count: Int { tags.count }

    func attribute(_ node: Int, _ name: String) -> String? {
        let index = attributeIndex[node]
        return index < 0 ? nil : attributeSets[Int(index)][name]
    }

    func end(_ node: Int) -> Int { Int(ends[node]) }
    func parent(_ node: Int) -> Int { Int(parents[node]) }

    /// Element nodes with `tag`, in document order, within `node`'s subtree (the whole page by default).
    func nodes(_ tag: HTMLTag, in node: Int = 0) -> [Int] {
        guard count > 0 else { return [] }
        return (node..<end(node)).filter { tags[$0] == tag }
    }

    /// The subtree's text, white space folded.
    func text(_ node: Int) -> String {
        var out = FoldedText()
        for index in node..<end(node) where tags[index] == .text { out.append(bytes, textRanges[index]) }
        return out.string
    }

    // MARK: Building

    /// Parses HTML bytes; nil when libxml2 finds no root element.
    static func parse(bytes page: [UInt8], path: String, encoding: String?) -> HTMLTree? {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOBLANKS.rawValue)
        // Encoding and I/O complaints would go to stderr; the reader reports failures itself.
        warraq_silence_generic_errors()
        let document = page.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { htmlReadMemory($0.baseAddress, Int32($0.count), path, encoding, options) }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return nil }
        var tree = HTMLTree()
        tree.bytes.reserveCapacity(page.count / 2)
        tree.add(root, parent: -1)
        tree.sumTextSizes()
        return tree
    }

    /// Attributes the reader looks at; the rest are not copied.
    private static let keptAttributes: Set<String> = [
        "class", "id", "role", "itemprop", "href", "src", "data-src", "alt", "datetime", "content", "property", "name",
        "rel", "type", "lang", "hidden", "aria-hidden", "style",
    ]

    private mutating func add(_ pointer: xmlNodePtr, parent: Int32) {
        let tag = HTMLTag(name: pointer.pointee.name)
        let index = Int32(tags.count)
        tags.append(tag)
        parents.append(parent)
        ends.append(index + 1)
        textRanges.append(0..<0)
        attributeIndex.append(-1)
        var attributes: [String: String] = [:]
        var attribute = pointer.pointee.properties
        while let current = attribute {
            if let key = XMLText.borrowed(current.pointee.name), Self.keptAttributes.contains(key) {
                attributes[key] = XMLText.owned(xmlNodeListGetString(pointer.pointee.doc, current.pointee.children, 1)) ?? ""
            }
            attribute = current.pointee.next
        }
        if !attributes.isEmpty {
            attributeIndex[Int(index)] = Int32(attributeSets.count)
            attributeSets.append(attributes)
        }
        var child = pointer.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let childTag = HTMLTag(name: current.pointee.name)
                if childTag == .script {
                    if (XMLText.owned(xmlGetProp(current, "type")) ?? "").contains("ld+json"),
                       let text = XMLText.owned(xmlNodeGetContent(current)) {
                        jsonLD.append(text)
                    }
                } else if !childTag.isDropped {
                    add(current, parent: index)
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    let start = Int32(bytes.count)
                    var cursor = content
                    while cursor.pointee != 0 {
                        bytes.append(cursor.pointee)
                        cursor += 1
                    }
                    tags.append(.text)
                    parents.append(index)
                    ends.append(Int32(tags.count))
                    textRanges.append(start..<Int32(bytes.count))
                    attributeIndex.append(-1)
                }
            default:
                break
            }
            child = current.pointee.next
        }
        ends[Int(index)] = Int32(tags.count)
    }

    /// Children come after their parents, so one backward pass sums every subtree.
    private mutating func sumTextSizes() {
        textSize = [Int32](repeating: 0, count: count)
        linkSize = [Int32](repeating: 0, count: count)
        for index in stride(from: count - 1, through: 0, by: -1) {
            if tags[index] == .text {
                var size: Int32 = 0
                for offset in textRanges[index] where !FoldedText.isASCIISpace(bytes[Int(offset)]) { size += 1 }
                textSize[index] = size
            } else if tags[index] == .a {
                linkSize[index] = textSize[index]
            }
            let parent = Int(parents[index])
            if parent >= 0 {
                textSize[parent] += textSize[index]
                linkSize[parent] += linkSize[index]
            }
        }
    }
}

/// Text built from UTF-8 pieces with every run of white space folded to one space and the ends
/// trimmed, byte by byte (the white space of `isFoldableSpace`).
struct FoldedText {
    private(set) var utf8: [UInt8] = []
    private var pending = false

    static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    var isEmpty: Bool { utf8.isEmpty }
    var string: String { String(decoding: utf8, as: UTF8.self) }

    /// A break between pieces (a `<br>` or an element boundary): a space unless at the start.
    mutating func space() { pending = !utf8.isEmpty }

    mutating func append(_ bytes: [UInt8], _ range: Range<Int32>) {
        var offset = Int(range.lowerBound)
        let end = Int(range.upperBound)
        while offset < end {
            let byte = bytes[offset]
            if Self.isASCIISpace(byte) {
                pending = !utf8.isEmpty
                offset += 1
                continue
            }
            let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            if byte >= 0xC2, offset + length <= end, isWideSpace(bytes, offset, length) {
                pending = !utf8.isEmpty
                offset += length
                continue
            }
            if pending { utf8.append(0x20) }
            pending = false
            let stop = min(offset + length, end)
            utf8.append(contentsOf: bytes[offset..<stop])
            offset = stop
        }
    }

    private func isWideSpace(_ bytes: [UInt8], _ offset: Int, _ length: Int) -> Bool {
        var value = UInt32(bytes[offset]) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for index in 1..<length { value = value << 6 | UInt32(bytes[offset + index] & 0x3F) }
        return isFoldableSpace(value)
    }
}
