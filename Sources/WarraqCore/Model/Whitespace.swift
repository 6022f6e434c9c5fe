extension StringProtocol {
    /// The text without leading and trailing white space, NBSP and other Unicode spaces included.
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}

/// White space as scraped text has it: ASCII spaces and controls, NBSP, the Unicode spaces,
/// zero-width space and BOM. A table test, not a Unicode property look-up: readers call it on
/// every character.
public func isFoldableSpace(_ value: UInt32) -> Bool {
    if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
    switch value {
    case 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
    default: return false
    }
}

extension StringProtocol {
    /// The text with every run of white space (see `isFoldableSpace`) folded to one space, ends trimmed.
    public func foldingWhitespace() -> String {
        var out = String.UnicodeScalarView()
        var pending = false
        for scalar in unicodeScalars {
            if isFoldableSpace(scalar.value) {
                pending = !out.isEmpty
            } else {
                if pending { out.append(" ") }
                pending = false
                out.append(scalar)
            }
        }
        return String(out)
    }
}
