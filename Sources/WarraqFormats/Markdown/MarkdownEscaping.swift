/// Escapes text so that a CommonMark renderer shows it as written: every ASCII punctuation
/// character that can start or end markup gets a backslash (CommonMark allows one before any
/// ASCII punctuation), and a line that would start a list, heading or block quote is defused.
enum MarkdownEscaping {
    static let markup: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "&", "|", "~", "!", "#", "{", "}"]

    /// Line and paragraph separators and the BOM, written as character references.
    static let asReference: Set<UInt32> = [0x2028, 0x2029, 0xFEFF]

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !out.isEmpty || line.startIndex != text.startIndex { out.append("\n") }
            out += escapeLine(line)
        }
        return out
    }

    private static func escapeLine(_ line: Substring) -> String {
        var out = ""
        var atStart = true
        var digitsOnly = true
        for character in line {
            if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1, Self.asReference.contains(scalar.value) {
                // Renderers and readers treat these as line ends or drop them; a reference survives.
                out += "&#x" + String(scalar.value, radix: 16, uppercase: true) + ";"
                atStart = false
                digitsOnly = false
                continue
            }
            if markup.contains(character) {
                out.append("\\")
            } else if atStart, character == "-" || character == "+" || character == "=" {
                out.append("\\")
            } else if digitsOnly, !out.isEmpty, character == "." || character == ")" {
                // "1." or "1)" at a line start would open an ordered list.
                out.append("\\")
            }
            if !character.isNumber { digitsOnly = false }
            out.append(character)
            atStart = false
        }
        // Trailing spaces would be a hard line break or vanish; keep them as entities.
        while out.hasSuffix(" ") {
            out.removeLast()
            out += "&#32;"
        }
        if out.hasPrefix(" ") || out.hasPrefix("\t") {
            let indent = out.prefix { $0 == " " || $0 == "\t" }
            out = indent.map { $0 == " " ? "&#32;" : "&#9;" }.joined() + out.dropFirst(indent.count)
        }
        return out
    }
}
