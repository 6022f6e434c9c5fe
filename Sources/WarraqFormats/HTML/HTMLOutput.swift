/// HTML built as bytes: markup the caller wrote is appended as it is, text and attribute values
/// are escaped. Shared by the `html` writer and the `inspect` report, so both escape alike.
public struct HTMLOutput {
    public var bytes: [UInt8] = []

    public init() {}

    /// Markup as it is: only for strings the code itself wrote.
    public mutating func raw(_ markup: String) { bytes += markup.utf8 }

    /// Text content: `&`, `<` and `>` as references, C0 controls other than tab and line feed
    /// shown as their control pictures (HTML forbids them), everything else as UTF-8.
    public mutating func text(_ text: String) { Self.escape(text, quotes: false, into: &bytes) }

    /// `<name attributes>text</name>`, text escaped.
    public mutating func element(_ name: String, _ attributes: [(String, String?)] = [], text: String) {
        open(name, attributes)
        self.text(text)
        close(name)
    }

    /// `<name a="v">`, values escaped; a nil value leaves the attribute out.
    public mutating func open(_ name: String, _ attributes: [(String, String?)] = []) {
        bytes.append(UInt8(ascii: "<"))
        bytes += name.utf8
        for (key, value) in attributes {
            guard let value else { continue }
            bytes.append(UInt8(ascii: " "))
            bytes += key.utf8
            bytes += "=\"".utf8
            Self.escape(value, quotes: true, into: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: ">"))
    }

    public mutating func close(_ name: String) {
        bytes += "</".utf8
        bytes += name.utf8
        bytes.append(UInt8(ascii: ">"))
    }

    private static func escape(_ text: String, quotes: Bool, into out: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\"") where quotes: out += "&quot;".utf8
            case 0x09, 0x0A: out.append(byte)
            case 0x00..<0x20, 0x7F:
                // U+2400 + the control (U+2421 for DEL): visible, and legal HTML.
                let picture = byte == 0x7F ? 0x2421 : 0x2400 + UInt32(byte)
                out += String(Unicode.Scalar(picture)!).utf8
            default: out.append(byte)
            }
        }
    }
}
