extension StringProtocol {
    /// The text without leading and trailing white space, NBSP and other Unicode spaces included.
    public func trimmingWhitespace() -> String {
        UTF8Scalars.withBytes(self) { bytes in
            var start = 0
            while start < bytes.count {
                let (value, length) = UTF8Scalars.decode(bytes, at: start)
                guard Unicode.Scalar(value)!.properties.isWhitespace else { break }
                start += length
            }
            var end = bytes.count
            while end > start {
                let last = UTF8Scalars.start(before: end, in: bytes)
                guard Unicode.Scalar(UTF8Scalars.decode(bytes, at: last).value)!.properties.isWhitespace else { break }
                end = last
            }
            if start == 0, end == bytes.count, let whole = self as? String { return whole }
            return UTF8Scalars.string(bytes, start..<end)
        }
    }
}

/// Whether folding would change the bytes: a space at an end or beside another, or any other
/// white space. Most lines have single spaces only and are kept as they are.
@inlinable
func needsWhitespaceFolding(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return !bytes.isEmpty }
    // Eight bytes at a time: a second space in a row says yes; an ASCII control (a tab, or
    // one that is no space) or a byte that may start another white space (often a quotation
    // mark) is decoded. Controls are told apart there, since that test is cheaper than the
    // control spaces' range; the zero lanes past the end are turned away by their offset.
    return ByteWords.contains(bytes) { byte, previous in
        ByteWords.below(byte, 0x20) | ByteWords.equal(byte, 0xC2) | ByteWords.within(byte, from: 0xE1, count: 3)
            | ByteWords.equal(byte, 0xEF) | ByteWords.equal(byte, previous, 0x20)
    } accepting: { index in
        index < bytes.count && isFoldableSpace(UTF8Scalars.decode(bytes, at: index).value)
    }
}

/// White space as scraped text has it: ASCII spaces and controls, NBSP, the Unicode spaces,
/// zero-width space and BOM. A table test, not a Unicode property look-up: readers call it on
/// every character.
@inlinable
public func isFoldableSpace(_ value: UInt32) -> Bool {
    if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
    switch value {
    case 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
    default: return false
    }
}

extension StringProtocol {
    /// The text with every run of white space (see `isFoldableSpace`) folded to one space, ends trimmed.
    /// Readers call it on every line, so it works on UTF-8 bytes.
    public func foldingWhitespace() -> String {
        UTF8Scalars.withBytes(self) { bytes in
            // Spaces at the ends (indented lines) are cut off without rebuilding the text.
            var start = 0
            var end = bytes.count
            while start < end, bytes[start] == 0x20 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 { end -= 1 }
            if !needsWhitespaceFolding(UnsafeBufferPointer(rebasing: bytes[start..<end])) {
                if start == 0, end == bytes.count { return String(self) }
                let utf8 = self.utf8
                return String(self[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
            }
            return foldedRuns(bytes)
        }
    }

    /// The text folded by copying its runs of unchanged text, a space between them: appending
    /// parts of a string needs no UTF-8 validation, which rebuilding it from bytes would.
    private func foldedRuns(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let utf8 = self.utf8
        var folded = ""
        folded.reserveCapacity(bytes.count)
        func append(_ range: Range<Int>) {
            let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            folded.append(contentsOf: self[lower..<utf8.index(lower, offsetBy: range.count)])
        }
        var runStart: Int?
        var runEnd = 0
        var index = 0
        while index < bytes.count {
            let spaceStart = index
            while index < bytes.count {
                let (value, length) = UTF8Scalars.decode(bytes, at: index)
                guard isFoldableSpace(value) else { break }
                index += length
            }
            if index == bytes.count { break }
            let singleSpace = index - spaceStart == 1 && bytes[spaceStart] == 0x20
            if let start = runStart, index > spaceStart, !singleSpace {
                append(start..<runEnd)
                folded.append(" ")
                runStart = index
            }
            if runStart == nil { runStart = index }
            index += UTF8Scalars.decode(bytes, at: index).length
            runEnd = index
        }
        if let start = runStart { append(start..<runEnd) }
        return folded
    }
}
