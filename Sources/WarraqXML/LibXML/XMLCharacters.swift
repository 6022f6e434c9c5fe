/// Characters XML 1.0 allows: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000 and above.
/// Everything written through `XMLTextWriter` passes through here, so no other character can
/// reach a file.
enum XMLCharacters {
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// Whether the text holds a character XML 1.0 forbids, read from its UTF-8: a control byte
    /// other than tab, LF and CR, or U+FFFE / U+FFFF (`EF BF BE`, `EF BF BF`); a Swift string
    /// holds no surrogates.
    static func hasForbidden(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { return true }
                if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return true }
                index += 1
            }
            return false
        }
    }

    /// The text without the characters XML 1.0 forbids.
    static func clean(_ text: String) -> String {
        guard hasForbidden(text) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter(isAllowed)))
    }

    /// Offsets (in Unicode scalars) of forbidden characters, for diagnostics.
    static func forbiddenOffsets(_ text: String) -> [Int] {
        text.unicodeScalars.enumerated().compactMap { isAllowed($0.element) ? nil : $0.offset }
    }

    /// `U+0002 at character 5, U+FFFF at character 9`: at most five, for a warning.
    static func describe(_ offsets: [Int], in text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        return offsets.prefix(5).map { offset in
            let hex = String(scalars[offset].value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + " at character \(offset + 1)"
        }.joined(separator: ", ") + (offsets.count > 5 ? ", …" : "")
    }
}
