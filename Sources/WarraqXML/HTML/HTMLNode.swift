import CLibXML2
import WarraqCore

/// An HTML element or text, copied out of libxml2's tree once so that extraction is plain Swift
/// and no C pointer outlives the parse.
final class HTMLNode {
    enum Kind { case element(String), text(String) }

    let kind: Kind
    let attributes: [String: String]
    private(set) var children: [HTMLNode] = []
    private(set) weak var parent: HTMLNode?

    init(_ kind: Kind, attributes: [String: String] = [:]) {
        self.kind = kind
        self.attributes = attributes
    }

    var name: String? {
        if case .element(let name) = kind { return name }
        return nil
    }

    func append(_ child: HTMLNode) {
        child.parent = self
        children.append(child)
    }

    /// The text of the node and its descendants, white space folded.
    var text: String { rawText.foldingWhitespace() }

    var rawText: String {
        switch kind {
        case .text(let text): text
        case .element: children.map(\.rawText).joined(separator: " ")
        }
    }

    /// Descendant elements (and self) named one of `names`, in document order.
    func elements(_ names: Set<String>) -> [HTMLNode] {
        var found: [HTMLNode] = []
        visit { if let name = $0.name, names.contains(name) { found.append($0) } }
        return found
    }

    func visit(_ body: (HTMLNode) -> Void) {
        body(self)
        for child in children { child.visit(body) }
    }

    /// Parses HTML bytes into a tree; nil when nothing parses.
    static func parse(bytes: [UInt8], path: String, encoding: String?) -> HTMLNode? {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOBLANKS.rawValue)
        // Encoding and I/O complaints would go to stderr; the reader reports failures itself.
        warraq_silence_generic_errors()
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { htmlReadMemory($0.baseAddress, Int32($0.count), path, encoding, options) }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return nil }
        return copy(root)
    }

    private static let dropped: Set<String> = ["script", "style", "noscript", "template", "svg", "iframe", "form", "button", "select", "input"]

    private static func copy(_ pointer: xmlNodePtr) -> HTMLNode {
        let name = XMLText.borrowed(pointer.pointee.name)?.lowercased() ?? ""
        var attributes: [String: String] = [:]
        var attribute = pointer.pointee.properties
        while let current = attribute {
            if let key = XMLText.borrowed(current.pointee.name)?.lowercased() {
                attributes[key] = XMLText.owned(xmlNodeListGetString(pointer.pointee.doc, current.pointee.children, 1)) ?? ""
            }
            attribute = current.pointee.next
        }
        let node = HTMLNode(.element(name), attributes: attributes)
        var child = pointer.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let childName = XMLText.borrowed(current.pointee.name)?.lowercased() ?? ""
                if !dropped.contains(childName) || childName == "script" && (XMLText.owned(xmlGetProp(current, "type")) ?? "").contains("ld+json") {
                    node.append(copy(current))
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let text = XMLText.borrowed(current.pointee.content) { node.append(HTMLNode(.text(text))) }
            default:
                break
            }
            child = current.pointee.next
        }
        return node
    }
}
