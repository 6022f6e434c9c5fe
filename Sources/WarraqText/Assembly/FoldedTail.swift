import Glibc
import WarraqCore

/// The end of a raw line, folded as `FoldedSpaces` folds, when the fold of the whole line is
/// at hand: an article's first paragraph runs to thousands of bytes, and the text after its
/// dateline is mostly cut from the paragraph's fold instead of being folded again.
enum FoldedTail {
    /// `tail`, the end of a raw line, folded, with its words; `folded` is the line's fold, of
    /// `words` words. When `folded` ends with `tail`'s bytes (its spaces at the end cut off),
    /// `tail` folds to them: a folded text's end holds no white space but single spaces
    /// between words, and `tail` does not open with a space either.
    static func of(_ tail: Substring, in folded: String, words: Int) -> (text: String, words: Int) {
        var tail = tail
        var folded = folded
        let cut = tail.withUTF8 { tail in
            folded.withUTF8 { bytes in
                end(of: bytes, holding: tail).map { (UTF8Scalars.string(bytes, $0..<bytes.count), bytes[..<$0].count { $0 == 0x20 }) }
            }
        }
        if let (text, spacesBefore) = cut { return (text, words - spacesBefore) }
        let spaced = FoldedSpaces(tail)
        return (spaced.text, spaced.words)
    }

    /// Where the end of `bytes` that is `tail`, spaces at its end cut off, starts: nil when
    /// `bytes` does not end so, or `tail` is empty or opens with a space.
    private static func end(of bytes: UnsafeBufferPointer<UInt8>, holding tail: UnsafeBufferPointer<UInt8>) -> Int? {
        var length = tail.count
        while length > 0, tail[length - 1] == 0x20 { length -= 1 }
        let start = bytes.count - length
        guard length > 0, start >= 0, tail[0] != 0x20,
              memcmp(bytes.baseAddress! + start, tail.baseAddress!, length) == 0 else { return nil }
        return start
    }
}
