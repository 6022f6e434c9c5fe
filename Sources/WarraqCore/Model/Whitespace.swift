extension StringProtocol {
    /// The text without leading and trailing white space, NBSP and other Unicode spaces included.
    /// Inlinable, so that a caller's string or substring is opened without a dynamic cast.
    @inlinable
    public func trimmingWhitespace() -> String {
        UTF8Scalars.withBytes(self) { bytes in
            let trimmed = whiteSpaceTrimmed(bytes, 0..<bytes.count)
            if trimmed.count == bytes.count, let whole = self as? String { return whole }
            return UTF8Scalars.string(bytes, trimmed)
        }
    }
}

/// `range` of valid UTF-8, starting at a scalar, without its leading and trailing white space
/// (as `trimmingWhitespace` trims), for readers that trim lines of a text in place.
@inlinable
public func whiteSpaceTrimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
    var start = range.lowerBound
    while start < range.upperBound {
        let (value, length) = UTF8Scalars.decode(bytes, at: start)
        guard isWhiteSpaceProperty(value) else { break }
        start += length
    }
    var end = range.upperBound
    while end > start {
        let last = UTF8Scalars.start(before: end, in: bytes)
        guard isWhiteSpaceProperty(UTF8Scalars.decode(bytes, at: last).value) else { break }
        end = last
    }
    return start..<end
}

/// Unicode's `White_Space` property (`Unicode.Scalar.Properties.isWhitespace`) as a table
/// test: the foldable spaces but zero-width space and BOM, which are no `White_Space`. The
/// property look-up cost hundreds of instructions a scalar.
@inlinable
public func isWhiteSpaceProperty(_ value: UInt32) -> Bool {
    isFoldableSpace(value) && value != 0x200B && value != 0xFEFF
}

/// Whether folding would change the bytes: a space at an end or beside another, or any other
/// white space. Most lines have single spaces only and are kept as they are.
@inlinable
func needsWhitespaceFolding(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    singleSpaces(bytes) == nil
}

/// The spaces in `bytes` when folding would keep them as they are, nil when it would change
/// them (see `needsWhitespaceFolding`): one walk tells whether a line needs folding and, when
/// it does not (most lines), how many words it has.
@inlinable
public func singleSpaces(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let first = bytes.first, let last = bytes.last else { return 0 }
    guard first != 0x20, last != 0x20 else { return nil }
    var spaces = 0
    // Eight bytes at a time: a second space in a row says yes; an ASCII control (a tab, or
    // one that is no space) or a byte that may start another white space (often a quotation
    // mark; C2, and E0…FF in one test, the leads of U+1680, U+2000…, U+3000 and U+FEFF among
    // them) is decoded. Controls are told apart there, since that test is cheaper than the
    // control spaces' range; the zero lanes past the end are turned away by their offset. The
    // spaces are summed in the same walk: a lane each, added up by one multiplication.
    let folds = ByteWords.contains(bytes) { byte, previous in
        let space = ByteWords.equal(byte, 0x20)
        spaces &+= Int(truncatingIfNeeded: ((space >> 7) &* ByteWords.ones) >> 56)
        // A space lane whose byte before is a space: the previous byte's space test is the
        // same test shifted a lane, the first lane's from the word before.
        let doubled = space & (space << 8 | (previous & 0xFF == 0x20 ? 0x80 : 0))
        // Controls are the lanes at or below the space but for the space itself.
        let controls = ByteWords.below(byte, 0x21) ^ space
        // E0…FF have their top three bits set: each shift brings a lane's next bit to its top.
        let highLeads = byte & byte << 1 & byte << 2
        return controls | ByteWords.equal(byte, 0xC2) | highLeads | doubled
    } accepting: { index in
        index < bytes.count && isFoldableSpace(UTF8Scalars.decode(bytes, at: index).value)
    }
    return folds ? nil : spaces
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
    /// Readers call it on every line, so it works on UTF-8 bytes (see `FoldedSpaces`).
    @inlinable
    public func foldingWhitespace() -> String {
        if let text = self as? Substring { return FoldedSpaces(text).text }
        if let text = self as? String { return FoldedSpaces(text[...]).text }
        return FoldedSpaces(Substring(String(self))).text
    }
}

/// A line with its white space folded (see `foldingWhitespace`), and what the walk that folded
/// it learnt on the way: a reader needs the word count and the spacing of every line.
public struct FoldedSpaces {
    /// The line with every run of white space one space, ends trimmed.
    public let text: String
    /// The words in `text`: its spaces plus one, none when it is empty.
    public let words: Int
    /// Whether the line's white space, spaces at its ends aside, was single bytes between
    /// words: its fold is exactly as long as the line with the spaces at its ends cut off,
    /// since folding makes every run inside one byte and drops the runs at the ends.
    public let wasSingleSpaced: Bool

    public init(_ line: Substring) {
        var bytes = line
        // Spaces at the ends (indented lines) are cut off without rebuilding the text.
        let (start, end, spaces) = bytes.withUTF8 { bytes in
            var start = 0
            var end = bytes.count
            while start < end, bytes[start] == 0x20 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 { end -= 1 }
            return (start, end, singleSpaces(UnsafeBufferPointer(rebasing: bytes[start..<end])))
        }
        if let spaces {
            let utf8 = line.utf8
            text = String(line[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
            words = start == end ? 0 : spaces + 1
        } else {
            var folded = Self.foldedRuns(line)
            text = folded
            words = folded.isEmpty ? 0 : folded.withUTF8 { ByteWords.count($0) { byte, _ in ByteWords.equal(byte, 0x20) } } + 1
        }
        wasSingleSpaced = text.utf8.count == end - start
    }

    /// The line folded by copying its runs of unchanged text, a space between them: appending
    /// parts of a string needs no UTF-8 validation, which rebuilding it from bytes would.
    private static func foldedRuns(_ line: Substring) -> String {
        var copy = line
        return copy.withUTF8 { bytes in
            let utf8 = line.utf8
            var folded = ""
            folded.reserveCapacity(bytes.count)
            func append(_ range: Range<Int>) {
                let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
                folded.append(contentsOf: line[lower..<utf8.index(lower, offsetBy: range.count)])
            }
            /// The length of the white space scalar at `index`, nil when it starts none: only
            /// the bytes that may start one are decoded, and a continuation byte starts none.
            func spaceLength(at index: Int) -> Int? {
                let byte = bytes[index]
                guard byte <= 0x20 || byte == 0xC2 || (0xE1...0xEF).contains(byte) else { return nil }
                let (value, length) = UTF8Scalars.decode(bytes, at: index)
                return isFoldableSpace(value) ? length : nil
            }
            var runStart: Int?
            var runEnd = 0
            var index = 0
            while index < bytes.count {
                let spaceStart = index
                while index < bytes.count, let length = spaceLength(at: index) { index += length }
                if index == bytes.count { break }
                let singleSpace = index - spaceStart == 1 && bytes[spaceStart] == 0x20
                if let start = runStart, index > spaceStart, !singleSpace {
                    append(start..<runEnd)
                    folded.append(" ")
                    runStart = index
                }
                if runStart == nil { runStart = index }
                // The text up to the next white space, a byte at a time.
                index += 1
                while index < bytes.count, spaceLength(at: index) == nil { index += 1 }
                runEnd = index
            }
            if let start = runStart { append(start..<runEnd) }
            return folded
        }
    }
}
