import WarraqCore

extension TextShape {
    /// The text without quotation marks wrapping it (both ends, or a stray one at either end),
    /// white space trimmed after. The classifier asks this of every line and the assembler of
    /// every title, so the marks are found on the bytes at the two ends; only a mark that a
    /// neighbouring scalar could join into a longer `Character`, or one printed inside the
    /// text as well, sends the text to the `Character` walk.
    static func unquoted(_ text: String) -> String {
        guard let kept = UTF8Scalars.withBytes(text, QuoteEnds.kept) else { return unquotedByCharacters(text) }
        if kept.count == text.utf8.count { return text }
        let utf8 = text.utf8
        return String(text.unicodeScalars[utf8.index(utf8.startIndex, offsetBy: kept.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: kept.upperBound)])
    }

    /// `unquoted` walked `Character` by `Character`: the rule itself, for the texts the byte
    /// walk cannot judge alone.
    static func unquotedByCharacters(_ text: String) -> String {
        var scalars = Substring(text)
        while let first = scalars.first, quotes.contains(first), !balancedInside(scalars, mark: first) { scalars.removeFirst() }
        while let last = scalars.last, quotes.contains(last), !balancedInside(scalars.dropLast(), mark: last) { scalars.removeLast() }
        return String(scalars).trimmingWhitespace()
    }

    /// True when `mark` also appears inside (so the outer one closes an inner quotation).
    private static func balancedInside(_ text: Substring, mark: Character) -> Bool {
        guard mark != "‘", mark != "’" else { return false }
        let inner = text.dropFirst().dropLast()
        // A mark found among the bytes may still be part of a longer character: then look closer.
        guard ByteSearch.Needle(String(mark)).occurs(in: inner) else { return false }
        return inner.contains(mark)
    }
}

extension TextShape {
    /// Scalars that never join a mark beside them into one `Character`: no combining mark,
    /// joiner or prepended sign (Latin, Greek, Cyrillic, the Hebrew, Arabic and Devanagari
    /// letters and digits, general and CJK punctuation, kana, CJK ideographs, Hangul syllables,
    /// fullwidth ASCII). A byte walk may judge a mark between two of them alone; others are
    /// left to `Character`s. The lynx dumps' Japanese, Russian and Hindi lines were walked by
    /// `Character`s while the ranges held only Latin and Arabic.
    @inline(__always)
    static func neverJoins(_ value: UInt32) -> Bool {
        // Latin, Arabic and punctuation, most lines' scalars, told where asked; other scripts
        // in a call, which kept inline made every caller's code longer.
        switch value {
        case 0..<0x0300, 0x0621...0x064A, 0x0660...0x0669, 0x2010...0x203A: true
        default: neverJoinsInOtherScripts(value)
        }
    }

    @inline(never)
    private static func neverJoinsInOtherScripts(_ value: UInt32) -> Bool {
        switch value {
        case 0x0370...0x0482, 0x048A...0x052F, 0x05D0...0x05EA, 0x0904...0x0939, 0x0958...0x0961, 0x0966...0x096F,
             0x1E00...0x1EFF, 0x3000...0x3029, 0x3041...0x3096, 0x30A0...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xAC00...0xD7A3, 0xFF01...0xFF5E: true
        default: false
        }
    }
}

extension TextShape {
    /// Whether the scalar of `length` bytes at `offset` is surely a `Character` of its own: with
    /// a scalar that never joins (`neverJoins`), or nothing, on either side, no mark after it
    /// or prepended scalar before it joins it to a neighbour. When false, the caller asks the
    /// `Character`s.
    static func standsAlone(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, length: Int) -> Bool {
        let end = offset + length
        return (offset == 0 || neverJoins(UTF8Scalars.decode(bytes, at: UTF8Scalars.start(before: offset, in: bytes)).value))
            && (end == bytes.count || neverJoins(UTF8Scalars.decode(bytes, at: end).value))
    }
}

/// The byte walk behind `TextShape.unquoted`.
private enum QuoteEnds {
    /// Single quotes are apostrophes too, so one inside the text does not balance an outer one.
    static func isUnbalanced(_ mark: UInt32) -> Bool { mark == 0x2018 || mark == 0x2019 }

    /// The bytes kept once wrapping quotation marks and white space are taken off the ends;
    /// nil when only the `Character` walk can tell.
    static func kept(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        // Most lines start and end with a scalar whose lead byte no quotation mark or white
        // space has: they are kept whole on two byte tests.
        guard let first = bytes.first, mayTrim(first) || mayTrim(bytes[UTF8Scalars.start(before: bytes.count, in: bytes)]) else {
            return 0..<bytes.count
        }
        var start = 0
        var end = bytes.count
        while start < end {
            let (mark, length) = UTF8Scalars.decode(bytes, at: start)
            guard TextShape.isQuote(mark) else { break }
            // A mark the next scalar joins is no quotation mark `Character`.
            if start + length < end, !TextShape.neverJoins(UTF8Scalars.decode(bytes, at: start + length).value) { return nil }
            // Does the mark occur between this one and the last scalar? Then it may balance.
            let inner = (start + length)..<max(start + length, UTF8Scalars.start(before: end, in: bytes))
            if !isUnbalanced(mark) {
                guard let balanced = occurrence(bytes, start, length, in: inner) else { return nil }
                if balanced { break }
            }
            start += length
        }
        while start < end {
            let last = UTF8Scalars.start(before: end, in: bytes)
            let mark = UTF8Scalars.decode(bytes, at: last).value
            guard TextShape.isQuote(mark) else { break }
            if last > start, !TextShape.neverJoins(UTF8Scalars.decode(bytes, at: UTF8Scalars.start(before: last, in: bytes)).value) { return nil }
            // The `Character` walk looks between the first and the one before the mark: a mark
            // just before it does not balance.
            let after = min(start + UTF8Scalars.decode(bytes, at: start).length, last)
            let inner = after..<max(after, UTF8Scalars.start(before: last, in: bytes))
            if !isUnbalanced(mark) {
                guard let balanced = occurrence(bytes, last, end - last, in: inner) else { return nil }
                if balanced { break }
            }
            end = last
        }
        while start < end, isWhiteSpaceProperty(UTF8Scalars.decode(bytes, at: start).value) { start += UTF8Scalars.decode(bytes, at: start).length }
        while end > start, isWhiteSpaceProperty(UTF8Scalars.decode(bytes, at: UTF8Scalars.start(before: end, in: bytes)).value) {
            end = UTF8Scalars.start(before: end, in: bytes)
        }
        return start..<end
    }

    /// Whether a scalar with this lead byte may be a quotation mark or white space: the ASCII
    /// ones, and the leads C2 (`«`, `»`, NBSP), E1, E2 (the other quotes and spaces), E3.
    private static func mayTrim(_ lead: UInt8) -> Bool {
        switch lead {
        case 0x09...0x0D, 0x20, 0x22, 0x27, 0x60, 0xC2, 0xE1...0xE3: true
        default: false
        }
    }

    /// Whether the mark `bytes[at..<(at + length)]` occurs within `range` as a `Character`
    /// (the outer mark is balanced): true when an occurrence stands alone between scalars that
    /// never join, false when there is none, nil when only the `Character`s can tell.
    private static func occurrence(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ length: Int, in range: Range<Int>) -> Bool? {
        guard range.count >= length else { return false }
        var found = false
        var position = range.lowerBound
        while let hit = ByteSearch.first(bytes[at], in: bytes, from: position, before: range.upperBound - length + 1) {
            if (0..<length).allSatisfy({ bytes[hit + $0] == bytes[at + $0] }) {
                if TextShape.standsAlone(bytes, at: hit, length: length) { return true }
                found = true
            }
            position = hit + 1
        }
        return found ? nil : false
    }
}
