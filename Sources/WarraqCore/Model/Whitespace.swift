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
    UTF8Scalars.trimmed(bytes, range, while: isWhiteSpaceProperty)
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
    // Sixteen bytes at a time, each beside the byte after it: a space before a space says
    // yes; an ASCII control (a tab, or one that is no space) or a byte that may start another
    // white space (often a quotation mark; C2, and E0…FF in one test, the leads of U+1680,
    // U+2000…, U+3000 and U+FEFF among them) is decoded. The spaces are summed in the lanes.
    var spaces = SpaceLanes()
    let folds = ByteVectors.contains(bytes) { byte, next in
        let space = byte .== .splat(0x20)
        spaces.add(space)
        return (byte .< .splat(0x21) .& .!space) .| (byte .== .splat(0xC2)) .| (byte .>= .splat(0xE0)) .| (space .& (next .== .splat(0x20)))
    } accepting: { index in
        isFoldableSpace(UTF8Scalars.decode(bytes, at: index).value)
    }
    return folds ? nil : spaces.total
}

/// Spaces counted a lane at a time, summed every 255 vectors, before a lane overflows.
@usableFromInline
struct SpaceLanes {
    @usableFromInline var lanes = ByteVectors.Vector()
    @usableFromInline var vectors = 0
    @usableFromInline var summed = 0

    @inlinable var total: Int { summed &+ ByteVectors.sum(lanes) }

    @inlinable init() {}

    @inlinable @inline(__always)
    mutating func add(_ space: SIMDMask<ByteVectors.Vector.MaskStorage>) {
        lanes &+= ByteVectors.Vector().replacing(with: 1, where: space)
        vectors += 1
        if vectors == 255 {
            summed &+= ByteVectors.sum(lanes)
            lanes = ByteVectors.Vector()
            vectors = 0
        }
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
    /// The line's runs of two or more white space scalars with text on either side (the gaps
    /// a ticker glues its headlines with), counted as the fold takes the runs when the line
    /// is spaced by ASCII spaces alone, as nearly all are; nil otherwise.
    public let wideGaps: Int?

    public init(_ line: Substring) {
        var bytes = line
        let spacing = bytes.withUTF8(Spacing.init)
        let (start, end) = (spacing.start, spacing.end)
        guard let spaces = spacing.spaces else {
            (text, words, wideGaps) = Self.foldedRuns(line, start..<end)
            wasSingleSpaced = text.utf8.count == end - start
            return
        }
        // A slice's subscript checks its bounds against scalars: the whole line needs none.
        let utf8 = line.utf8
        text = start == 0 && end == spacing.count ? String(line)
            : String(line[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
        words = start == end ? 0 : spaces + 1
        wasSingleSpaced = true
        wideGaps = 0
    }

    /// What one look at a line's bytes tells: where it is without the spaces at its ends
    /// (indented lines), cut off without rebuilding the text, and its spaces when folding
    /// keeps them as they are (see `singleSpaces`).
    private struct Spacing {
        let start: Int
        let end: Int
        let count: Int
        let spaces: Int?

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            var start = 0
            var end = bytes.count
            while start < end, bytes[start] == 0x20 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 { end -= 1 }
            (self.start, self.end, count) = (start, end, bytes.count)
            spaces = singleSpaces(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
    }

    /// The line folded by copying its runs of unchanged text, a space between them, and its
    /// words: appending parts of a string needs no UTF-8 validation, which rebuilding it from
    /// bytes would. `range` is the line without the spaces at its ends. Only where white space
    /// other than a single space may start is looked at closer, sixteen bytes tested at a time:
    /// the run found there is taken whole, and single spaces elsewhere are kept as text.
    private static func foldedRuns(_ line: Substring, _ range: Range<Int>) -> (text: String, words: Int, wideGaps: Int?) {
        var copy = line
        return copy.withUTF8 { whole in
            let bytes = UnsafeBufferPointer(rebasing: whole[range])
            let utf8 = line.utf8
            var folded = ""
            folded.reserveCapacity(bytes.count)
            // The text copied whole next, from its first word to the end of its last.
            var copyStart: Int?
            var copyEnd = 0
            var pieces = 0
            func appendCopy(from start: Int) {
                let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound + start)
                folded.append(contentsOf: line[lower..<utf8.index(lower, offsetBy: copyEnd - start)])
            }
            /// Text between two runs of white space, single spaces in it.
            func add(piece: Range<Int>) {
                pieces += 1
                guard let start = copyStart else {
                    (copyStart, copyEnd) = (piece.lowerBound, piece.upperBound)
                    return
                }
                // A run that is a single space is kept as it is: the copy grows over it.
                if piece.lowerBound == copyEnd + 1, bytes[copyEnd] == 0x20 {
                    copyEnd = piece.upperBound
                    return
                }
                appendCopy(from: start)
                folded.append(" ")
                (copyStart, copyEnd) = (piece.lowerBound, piece.upperBound)
            }
            // The spaces of the line and those of the runs taken: the others stay in the text.
            var spaces = SpaceLanes()
            var runSpaces = 0
            // The run of white space last taken ends here; text starts where one ends.
            var runEnd = 0
            // Runs of two spaces or more inside the range, which starts and ends with text.
            var wideGaps = 0
            var otherSpace = false
            _ = ByteVectors.contains(bytes) { byte, next in
                let space = byte .== .splat(0x20)
                spaces.add(space)
                return mayStartWhiteSpace(byte) .& .!space .| (space .& mayStartWhiteSpace(next))
            } accepting: { index in
                guard index >= runEnd else { return false }
                var end = index
                while end < bytes.count {
                    let (value, length) = UTF8Scalars.decode(bytes, at: end)
                    guard isFoldableSpace(value) else { break }
                    if value == 0x20 { runSpaces += 1 } else { otherSpace = true }
                    end += length
                }
                guard end > index else { return false }
                if end - index >= 2, index > 0, end < bytes.count { wideGaps += 1 }
                if index > runEnd { add(piece: runEnd..<index) }
                runEnd = end
                return false
            }
            if runEnd < bytes.count { add(piece: runEnd..<bytes.count) }
            if let start = copyStart { appendCopy(from: start) }
            // The text's spaces plus one space between each two pieces, plus one.
            return (folded, pieces == 0 ? 0 : spaces.total - runSpaces + pieces, otherSpace ? nil : wideGaps)
        }
    }

    /// Lanes that are an ASCII space or control, or C2 or E0…FF: bytes that may start white
    /// space (see `singleSpaces`).
    @inline(__always)
    private static func mayStartWhiteSpace(_ byte: ByteVectors.Vector) -> ByteVectors.Lanes {
        byte .< .splat(0x21) .| (byte .== .splat(0xC2)) .| (byte .>= .splat(0xE0))
    }
}
