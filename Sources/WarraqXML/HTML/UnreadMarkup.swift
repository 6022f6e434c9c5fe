import CLibXML2
import WarraqCore

/// Takes out of a UTF-8 page, before libxml2 reads it, the markup the reader never reads:
/// the bodies of `<script>` and `<style>` elements, the attributes the reader does not read on
/// their element (name and value, and a repeated one, which libxml2 drops), and the length of
/// blank runs between tags and between attributes; and lifts out the text, attribute values and
/// JSON-LD it does read, for the tree builder to put back (`LiftedText`). libxml2 reads each of
/// those bytes a character at a time, and they are most of a news page. Only their line breaks
/// stay, so libxml2's line numbers stay right.
///
/// The scan follows libxml2's HTML tokenizer (comments, quoted attribute values, the first
/// `</script` ending a script); a script that could be JSON-LD is kept whole, and so is
/// everything after a construct the scan cannot place (an unterminated comment or quote, a name
/// longer than libxml2 reads, a doctype it may read its own way). For UTF-8 pages only: in
/// other encodings libxml2 may stop at a byte it cannot convert, and that must not move.
enum UnreadMarkup {
    /// `emptiesSVG`: whether the content of an `<svg>` that holds nothing read goes too.
    static func strip(_ page: [UInt8], emptiesSVG: Bool = true) -> (page: [UInt8], lifted: LiftedText) {
        page.withUnsafeBufferPointer { bytes in
            // libxml2 reads a NUL byte as the end of some constructs and not of others.
            guard ByteSearch.first(0, in: bytes, from: 0, before: bytes.count) == nil else { return (page, LiftedText()) }
            var scan = Scan(bytes, page: page, renames: true, emptiesSVG: emptiesSVG)
            scan.run()
            var output = scan.output
            // What libxml2 reads as the page has it could name an attribute as a renamed one is
            // named (in a construct the scan reads otherwise than libxml2): then nothing is renamed.
            if scan.spellsRenamedAttribute {
                scan = Scan(bytes, page: page, renames: false, emptiesSVG: emptiesSVG)
                scan.run()
                output = scan.output
            }
            return (output ?? page, scan.lifted)
        }
    }

    /// Whether `bytes[range]` could spell a renamed attribute's name (`.0`) where libxml2 reads
    /// an attribute: a `.` after a blank or a quote (or the range's start), then a code and no
    /// other name byte, or the range's end before that is known.
    private static func spellsRenamedAttribute(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while let dot = ByteSearch.first(LiftedText.renamedMark, in: bytes, from: index, before: range.upperBound) {
            index = dot + 1
            if dot > range.lowerBound {
                let before = bytes[dot - 1]
                guard isBlank(before) || before == UInt8(ascii: "\"") || before == UInt8(ascii: "'") else { continue }
            }
            guard dot + 1 < range.upperBound else { return true }
            guard LiftedText.renamedCode(bytes[dot + 1] | 0x20) != nil else { continue }
            if dot + 2 >= range.upperBound || !isNameByte(bytes[dot + 2]) { return true }
        }
        return false
    }

    // Byte classes as bit sets over the ASCII bytes (a bit per byte value, 0-63 and 64-127): one
    // shift and test where a chain of comparisons ran for every byte of every tag.
    /// ASCII letters.
    private static let letters: (low: UInt64, high: UInt64) = (0, 0x07FF_FFFE_07FF_FFFE)
    /// Space, tab, line feed, carriage return.
    private static let blanks: (low: UInt64, high: UInt64) = (0x1_0000_2600, 0)
    /// Letters, digits, `:`, `-`, `_`, `.`.
    private static let nameBytes: (low: UInt64, high: UInt64) = (0x07FF_6000_0000_0000, 0x07FF_FFFE_87FF_FFFE)

    @inline(__always)
    private static func isIn(_ set: (low: UInt64, high: UInt64), _ byte: UInt8) -> Bool {
        byte < 64 ? set.low >> byte & 1 != 0 : byte < 128 && set.high >> (byte & 63) & 1 != 0
    }

    private static func isLetter(_ byte: UInt8) -> Bool { isIn(letters, byte) }

    private static func isBlank(_ byte: UInt8) -> Bool { isIn(blanks, byte) }

    private static func isNameByte(_ byte: UInt8) -> Bool { isIn(nameBytes, byte) }

    /// The byte classes the scan's loops test, a bit each.
    struct ByteClass: OptionSet {
        let rawValue: UInt8
        static let letter = ByteClass(rawValue: 1)
        static let blank = ByteClass(rawValue: 2)
        static let nameByte = ByteClass(rawValue: 4)
        /// Where libxml2 starts an attribute name: a letter, `_` or `:`.
        static let nameStart = ByteClass(rawValue: 8)
        /// Ends an unquoted value: a blank or `>`.
        static let valueEnd = ByteClass(rawValue: 16)
    }

    /// Each byte value's classes, from the sets above: the loops over a tag's names, blanks and
    /// values test a byte with one load. Written once, then only read, so shared by every thread.
    nonisolated(unsafe) static let byteClasses: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for value in 0..<256 {
            let byte = UInt8(value)
            var classes: ByteClass = []
            if isLetter(byte) { classes.formUnion([.letter, .nameStart]) }
            if byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") { classes.insert(.nameStart) }
            if isBlank(byte) || byte == UInt8(ascii: ">") { classes.insert(.valueEnd) }
            if isBlank(byte) { classes.insert(.blank) }
            if isNameByte(byte) { classes.insert(.nameByte) }
            table[value] = classes.rawValue
        }
        return UnsafePointer(table)
    }()

    /// libxml2 reads names this long or longer in pieces (`HTML_PARSER_BUFFER_SIZE`).
    private static let longestName = 99
    /// libxml2 hands text over in pieces this long (`HTML_PARSER_BIG_BUFFER_SIZE`); a blank run
    /// or a marker that long may not be one piece, and is left as it is.
    private static let textPiece = 1_000
    /// Text shorter than this is not lifted: its marker (and quotes) could be longer, and the
    /// page would outgrow the room it has.
    private static let shortestLifted = 12

    /// Noncopyable: it owns the page being written.
    private struct Scan: ~Copyable {
        let bytes: UnsafeBufferPointer<UInt8>
        let count: Int
        private let classes = UnreadMarkup.byteClasses
        /// A blank run between tags may shrink only where no text node can reach libxml2's
        /// length limit, which counts the blanks too.
        let foldsBlankText: Bool
        /// Whether text may be lifted: for the same limit, and where the page cannot spell a marker.
        private var lifts = false
        /// Whether the attributes read are renamed, their values lifted.
        let renames: Bool
        /// Whether the content of an `<svg>` may go (`svgContentEnd`).
        let emptiesSVG: Bool
        /// Whether bytes copied as they are could be taken for a renamed attribute.
        private(set) var spellsRenamedAttribute = false
        private static let charsetNames = NameTable([(name: "charset", value: ()), (name: "http-equiv", value: ())])
        private static let typeName = NameTable([(name: "type", value: ())])
        private(set) var lifted: LiftedText
        private var out = PageBytes()
        private var copied = 0
        /// In the current start tag, where blanks and unread attributes began since the last
        /// attribute kept, and whether there was a blank among them.
        private var gap: Int?
        private var gapHasBlank = false
        /// Whether a start tag's name has a `.` (`LiftedText.readsAlikePushed`).
        private var namesDottedElement = false

        init(_ bytes: UnsafeBufferPointer<UInt8>, page: [UInt8], renames: Bool, emptiesSVG: Bool) {
            self.bytes = bytes
            self.renames = renames
            self.emptiesSVG = emptiesSVG
            count = bytes.count
            foldsBlankText = count <= HTMLTreeBuilder.maximumTextLength
            lifted = LiftedText(page: page, renamesAttributes: renames)
            lifts = foldsBlankText && !spellsMarker()
        }

        /// The slimmed page; nil when nothing changed.
        var output: [UInt8]? {
            mutating get {
                guard copied > 0 else { return nil }
                copyChecked(copied..<count)
                copied = count
                return out.array
            }
        }

        mutating func run() {
            var index = 0
            // Where text starts that libxml2 reads as text too: after a tag.
            var text: Int?
            while true {
                guard let found = find(UInt8(ascii: "<"), from: index) else {
                    lifted.readsAlikePushed = !namesDottedElement
                    break
                }
                if let text, found > text { foldOrLift(text..<found) }
                text = nil
                index = found
                guard index + 1 < count else { break }
                let next = bytes[index + 1]
                if next == UInt8(ascii: "!") {
                    if index + 3 < count, bytes[index + 2] == UInt8(ascii: "-"), bytes[index + 3] == UInt8(ascii: "-") {
                        guard let end = commentEnd(from: index) else { break }
                        emptyComment(index..<end)
                        index = end
                    } else if isDoctype(at: index + 2) {
                        guard let end = doctypeEnd(from: index) else { break }
                        index = end
                    } else {
                        // Any other `<!` is text.
                        index += 1
                    }
                } else if next == UInt8(ascii: "?") {
                    // A processing instruction runs to the first `>`; without a name after
                    // it, `<?` is dropped and what follows read on.
                    guard index + 2 < count, isNameStart(bytes[index + 2]) || bytes[index + 2] >= 0x80 else {
                        index += 2
                        continue
                    }
                    guard let end = find(UInt8(ascii: ">"), from: index + 2) else { break }
                    index = end + 1
                } else if next == UInt8(ascii: "/") {
                    // An end tag runs to the first `>`; without a name after it (which may
                    // start with `.`), `</` is dropped and what follows read on.
                    guard index + 2 < count, isNameStart(bytes[index + 2]) || bytes[index + 2] == UInt8(ascii: ".") else {
                        index += 2
                        continue
                    }
                    guard let end = find(UInt8(ascii: ">"), from: index + 2) else { break }
                    index = end + 1
                    text = index
                } else if isLetter(next) {
                    guard let tag = startTag(at: index) else { break }
                    index = tag.end
                    guard let raw = tag.rawText else {
                        text = index
                        if tag.opensSVG, let close = svgContentEnd(from: index) {
                            if close > index { blank(index..<close, keepsBlank: false) }
                            index = close
                            text = nil
                        }
                        continue
                    }
                    guard let close = closing(raw.name, from: index) else { break }
                    if raw.strippable, close > index {
                        blank(index..<close, keepsBlank: false)
                    } else if let piece = liftable(index..<close, as: .rawText) {
                        // Possibly JSON-LD, which the tree builder reads.
                        lift(index..<close, piece)
                    }
                    index = close
                } else {
                    // `<` before anything but a letter is text.
                    index += 1
                }
            }
        }

        // MARK: Edits

        /// Shortens `range` down to its line breaks, or, when `keepsBlank`, to one space where it
        /// has none.
        private mutating func blank(_ range: Range<Int>, keepsBlank: Bool) {
            copy(upTo: range)
            // A blank after the line breaks where the run ends in one: libxml2's line at the
            // text's end depends on its last byte.
            let breaks = appendLineBreaks(range)
            if keepsBlank, breaks == 0 || bytes[range.upperBound - 1] != 0x0A { out.append(0x20) }
        }

        /// Lifts text out, leaving a marker.
        private mutating func lift(_ range: Range<Int>, _ piece: LiftedText.Piece) {
            copy(upTo: range)
            LiftedText.marker.withUnsafeBufferPointer { out.append(contentsOf: $0) }
            appendDecimal(lifted.lift(piece))
            appendLineBreaks(range)
        }

        /// Leaves an attribute (`name=value`, `HTMLAttribute` number `attribute`) as a short name
        /// (`.0`, its `index`th renamed in the tag), its value lifted.
        private mutating func rename(_ range: Range<Int>, attribute: UInt8, index: Int, _ piece: LiftedText.Piece) {
            copy(upTo: range)
            out.append(LiftedText.renamedMark)
            out.append(LiftedText.renamedCodes[index])
            lifted.rename(piece, as: attribute)
            // A blank ends the name where what follows the value could go on with it.
            if appendLineBreaks(range) == 0, !isTagEnd(at: range.upperBound), !isBlank(bytes[range.upperBound]) { out.append(0x20) }
        }

        /// Copies what comes before an edit's range, and skips the range.
        private mutating func copy(upTo range: Range<Int>) {
            if copied == 0 { out.reserve(count) }
            copyChecked(copied..<range.lowerBound)
            copied = range.upperBound
        }

        /// Where the slimmed page stood: a start tag's edits are made as the scan reads the tag,
        /// and taken back when the tag does not end or keeps its markup.
        private struct Mark {
            var written: Int
            var copied: Int
            var renamed: Int
            var spellsRenamedAttribute: Bool
        }

        private var mark: Mark {
            Mark(written: out.count, copied: copied, renamed: lifted.renamedCount, spellsRenamedAttribute: spellsRenamedAttribute)
        }

        private mutating func restore(_ mark: Mark) {
            out.removeLast(out.count - mark.written)
            copied = mark.copied
            lifted.removeRenamed(from: mark.renamed)
            spellsRenamedAttribute = mark.spellsRenamedAttribute
        }

        /// Copies page bytes as they are, noting whether they could name a renamed attribute.
        private mutating func copyChecked(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            if let (low, high) = shortWords(range) {
                // Only a `.` can start a renamed name.
                let dots = ByteWords.equal(low, LiftedText.renamedMark) | ByteWords.equal(high, LiftedText.renamedMark)
                if dots != 0, renames, !spellsRenamedAttribute, UnreadMarkup.spellsRenamedAttribute(bytes, in: range) { spellsRenamedAttribute = true }
                out.append(low, high, count: range.count)
                return
            }
            if renames, !spellsRenamedAttribute, UnreadMarkup.spellsRenamedAttribute(bytes, in: range) { spellsRenamedAttribute = true }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
        }

        /// A range of 16 bytes at most as two little-endian words, the lanes past it zero; nil
        /// for a longer range, or one less than 16 bytes from the page's end. Most ranges copied
        /// and searched for line breaks are a tag's name, gaps and end tags: two loads and a few
        /// word operations, where the library calls for each (`memchr`, `memcpy`) cost more.
        @inline(__always)
        private func shortWords(_ range: Range<Int>) -> (low: UInt64, high: UInt64)? {
            guard range.count <= 16, range.lowerBound + 16 <= count else { return nil }
            let start = UnsafeRawPointer(bytes.baseAddress! + range.lowerBound)
            let low = UInt64(littleEndian: start.loadUnaligned(as: UInt64.self))
            let high = UInt64(littleEndian: start.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            // Shifts by 64 or more give zero: a full word's mask is all ones.
            let lowMask: UInt64 = (1 << (8 * min(range.count, 8))) &- 1
            let highMask: UInt64 = (1 << (8 * max(range.count - 8, 0))) &- 1
            return (low & lowMask, high & highMask)
        }

        private mutating func appendDecimal(_ number: Int) {
            var power = 1
            while power * 10 <= number { power *= 10 }
            repeat {
                out.append(UInt8(ascii: "0") + UInt8(number / power % 10))
                power /= 10
            } while power > 0
        }

        @discardableResult
        private mutating func appendLineBreaks(_ range: Range<Int>) -> Int {
            if let (low, high) = shortWords(range) {
                let breaks = (ByteWords.equal(low, 0x0A) | ByteWords.equal(high, 0x0A) >> 1).nonzeroBitCount
                out.append(0x0A, times: breaks)
                return breaks
            }
            var line = range.lowerBound
            var breaks = 0
            while let newline = find(0x0A, from: line, before: range.upperBound) {
                breaks += 1
                line = newline + 1
            }
            out.append(0x0A, times: breaks)
            return breaks
        }

        /// Text between two tags: a blank run shortened (libxml2 drops it or keeps it as white
        /// space, which the reader folds; only its length differs), other text lifted.
        private mutating func foldOrLift(_ range: Range<Int>) {
            guard foldsBlankText, range.count > 1 else { return }
            if !range.contains(where: { !isBlank(bytes[$0]) }) {
                if range.count < UnreadMarkup.textPiece { blank(range, keepsBlank: true) }
            } else if let piece = liftable(range, as: .text) {
                lift(range, piece)
            }
        }

        private enum Content {
            /// Text, whose references libxml2 decodes.
            case text
            /// A script's or style's, which libxml2 hands over as it is.
            case rawText
            /// An attribute value, whose references libxml2 decodes and characters it keeps.
            case value
        }

        /// `range` as libxml2 hands it over, when it hands it over whole (as a marker, in one
        /// piece): no carriage return, in text and raw text no character it drops (C0 controls
        /// but tab and line feed, U+FFFE, U+FFFF), and no reference libxml2 refuses (raw text has
        /// none). Text whose references leave it blank is not lifted: libxml2 would judge those
        /// blanks one piece at a time.
        private mutating func liftable(_ range: Range<Int>, as content: Content) -> LiftedText.Piece? {
            if content != .value { guard lifts, range.count >= UnreadMarkup.shortestLifted else { return nil } }
            guard find(0x0D, from: range.lowerBound, before: range.upperBound) == nil else { return nil }
            // libxml2 decodes no reference in raw text.
            let references = content != .rawText && find(UInt8(ascii: "&"), from: range.lowerBound, before: range.upperBound) != nil
            if content != .value {
                var breaks = 0
                let text = UnsafeBufferPointer(rebasing: bytes[range])
                // Eight bytes at a time: controls (line feeds counted) and the lead of U+FFFE, U+FFFF.
                let drops = ByteWords.contains(text) { byte, _ in
                    ByteWords.below(byte, 0x20) & ~ByteWords.equal(byte, 0x09) | ByteWords.equal(byte, 0xEF)
                } accepting: { index in
                    guard index < text.count else { return false }
                    let byte = text[index]
                    if byte == 0x0A {
                        breaks += 1
                        return false
                    }
                    if byte < 0x20 { return true }
                    return index + 2 < text.count && text[index + 1] == 0xBF && text[index + 2] >= 0xBE
                }
                guard !drops, breaks + 16 < UnreadMarkup.textPiece else { return nil }
            }
            guard let piece = lifted.piece(range, hasReference: references) else { return nil }
            if content == .text, piece.isDecoded, !lifted.decoded[piece.range].contains(where: { !isBlank($0) }) { return nil }
            return piece
        }

        /// Whether the page has U+FDD0, or a character reference that may stand for it.
        private func spellsMarker() -> Bool {
            var index = 0
            while let found = find(UInt8(ascii: "&"), from: index) {
                index = found + 1
                guard index < count, bytes[index] == UInt8(ascii: "#") else { continue }
                var cursor = index + 1
                let hex = cursor < count && bytes[cursor] | 0x20 == UInt8(ascii: "x")
                if hex { cursor += 1 }
                var value = 0
                while cursor < count, value <= 0x10FFFF {
                    let byte = bytes[cursor]
                    if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                        value = value * (hex ? 16 : 10) + Int(byte - UInt8(ascii: "0"))
                    } else if hex, (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "f") {
                        value = value * 16 + Int((byte | 0x20) - UInt8(ascii: "a")) + 10
                    } else {
                        break
                    }
                    cursor += 1
                }
                if value == 0xFDD0 { return true }
            }
            index = 0
            while let lead = find(LiftedText.marker[0], from: index) {
                if lead + 2 < count, bytes[lead + 1] == LiftedText.marker[1], bytes[lead + 2] == LiftedText.marker[2] { return true }
                index = lead + 1
            }
            return false
        }

        // MARK: Comments and declarations

        /// Past the comment at `start`, which ends at the first `-->` or `--!>`; nil when it does not end.
        private func commentEnd(from start: Int) -> Int? {
            let end = search("-->", from: start + 4)
            if let bang = search("--!>", from: start + 4, before: end.map { $0 + 4 }), bang < end ?? count { return bang + 4 }
            return end.map { $0 + 3 }
        }

        /// A comment's content, which nothing reads, down to its line breaks (or one space):
        /// when it ends at `-->` and starts with neither `>` nor `-`, for libxml2 may end
        /// `<!-->` and `<!--->` at once.
        private mutating func emptyComment(_ comment: Range<Int>) {
            let content = (comment.lowerBound + 4)..<(comment.upperBound - 3)
            guard foldsBlankText, content.count > 1, bytes[comment.upperBound - 2] == UInt8(ascii: "-"),
                  bytes[content.lowerBound] != UInt8(ascii: "-"), bytes[content.lowerBound] != UInt8(ascii: ">") else { return }
            blank(content, keepsBlank: true)
        }

        private func isDoctype(at start: Int) -> Bool {
            let name = "doctype".utf8
            return start + name.count <= count && zip(bytes[start...], name).allSatisfy { $0 | 0x20 == $1 }
        }

        /// Past a `<!DOCTYPE …>`; nil when `<` or an unpaired quote comes before its first `>`,
        /// where libxml2 may read it otherwise.
        private func doctypeEnd(from start: Int) -> Int? {
            guard let end = find(UInt8(ascii: ">"), from: start + 2), find(UInt8(ascii: "<"), from: start + 2, before: end) == nil else { return nil }
            var index = start + 2
            while index < end {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    guard let close = find(byte, from: index + 1, before: end) else { return nil }
                    index = close
                }
                index += 1
            }
            return end + 1
        }

        // MARK: Start tags

        private struct RawText {
            /// `script` or `style`, lowercase.
            var name: StaticString
            /// Whether the content may go: not a self-closed tag, not possibly JSON-LD.
            var strippable: Bool
        }

        /// What the reader reads of an element's start tag.
        private enum Reading {
            /// A script's `type`, as it stands: the tree builder reads JSON-LD's, and nothing else
            /// of a script.
            case type
            /// The attributes `HTMLAttribute` reads on the element.
            case attributes(HTMLTag)
            /// Nothing: the element is dropped.
            case nothing
        }

        /// The start tag at `start` as libxml2's `htmlParseStartTag` reads it: where it ends
        /// and, for `<script>` and `<style>`, the raw text that follows; nil when the scan cannot
        /// tell. Attributes the reader does not read go, and blank runs between attributes shrink.
        private mutating func startTag(at start: Int) -> (end: Int, rawText: RawText?, opensSVG: Bool)? {
            let before = mark
            guard let tag = editStartTag(at: start) else {
                restore(before)
                return nil
            }
            if tag.namesCharset { restore(before) }
            return (tag.end, tag.rawText, tag.opensSVG)
        }

        /// `startTag(at:)`, its edits made as it reads; and whether the tag is a `<meta>` that
        /// names a charset (`charset`, `http-equiv`), which keeps its attributes as they stand,
        /// for libxml2 reads them.
        private mutating func editStartTag(at start: Int) -> (end: Int, rawText: RawText?, opensSVG: Bool, namesCharset: Bool)? {
            var index = start + 1
            while index < count, isNameByte(bytes[index]) { index += 1 }
            guard index - start - 1 <= UnreadMarkup.longestName else { return nil }
            if !namesDottedElement, bytes[(start + 1)..<index].contains(UInt8(ascii: ".")) { namesDottedElement = true }
            let isSVG = emptiesSVG && index - start == 4 && equals(start + 1..<index, "svg")
            let tag = HTMLTag(anyCase: localName(UnsafeBufferPointer(rebasing: bytes[(start + 1)..<index])))
            let rawName: StaticString? = tag == .script ? "script" : tag == .style ? "style" : nil
            let reading: Reading = tag == .script ? .type : tag.isDropped ? .nothing : .attributes(tag)
            var namesCharset = false
            var maybeJSON = false
            // The attributes read so far, by number: libxml2 drops a repeated one.
            var seen: UInt32 = 0
            // The tree builder takes renamed values in the order libxml2 hands them over; a
            // misplaced `<html>`, `<head>` or `<body>`, which libxml2 discards with its
            // attributes, keeps its values.
            let renamesHere = renames && tag != .html && tag != .head && tag != .body
            var renamedCount = 0
            gap = nil
            while true {
                let blanks = index
                while index < count, isBlank(bytes[index]) { index += 1 }
                if index > blanks {
                    if gap == nil { gap = blanks; gapHasBlank = false }
                    gapHasBlank = true
                }
                if isTagEnd(at: index) { break }
                let itemStart = index
                guard isNameStart(bytes[index]) || bytes[index] == UInt8(ascii: ".") else {
                    // A bogus attribute, which libxml2 dumps up to the next blank or the tag's end,
                    // goes: kept, its `=` could give the name before it a value.
                    if gap == nil {
                        gap = itemStart
                        gapHasBlank = false
                    }
                    while !isTagEnd(at: index), !isBlank(bytes[index]) { index += 1 }
                    continue
                }
                while index < count, isNameByte(bytes[index]) { index += 1 }
                guard index - itemStart <= UnreadMarkup.longestName else { return nil }
                let name = UnsafeBufferPointer(rebasing: bytes[itemStart..<index])
                let afterName = index
                if tag == .meta, Self.charsetNames.value(anyCase: name) != nil { namesCharset = true }
                while index < count, isBlank(bytes[index]) { index += 1 }
                var value: (range: Range<Int>, quoted: Bool)?
                if index < count, bytes[index] == UInt8(ascii: "=") {
                    index += 1
                    while index < count, isBlank(bytes[index]) { index += 1 }
                    guard index < count else { return nil }
                    let valueStart = index
                    let quote = bytes[index]
                    if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                        guard let end = find(quote, from: index + 1) else { return nil }
                        value = ((index + 1)..<end, true)
                        index = end + 1
                    } else {
                        while index < count, !isIn(.valueEnd, bytes[index]) { index += 1 }
                        value = (valueStart..<index, false)
                    }
                    if rawName != nil, mayBeJSON(valueStart..<index) { maybeJSON = true }
                } else {
                    // No value: the blanks after the name are the next gap's.
                    index = afterName
                }
                let read: Bool
                var renamed: (attribute: UInt8, piece: LiftedText.Piece)?
                switch reading {
                case .type: read = Self.typeName.value(anyCase: name) != nil
                case .nothing: read = false
                case .attributes(let tag):
                    guard let number = HTMLAttribute.number(anyCase: name), HTMLAttribute.isRead(number, on: tag), seen & 1 << number == 0 else {
                        read = false
                        break
                    }
                    seen |= 1 << number
                    read = true
                    if renamesHere, let value, let piece = liftable(value.range, as: .value) { renamed = (number, piece) }
                }
                if read {
                    closeGap(at: itemStart)
                    if let renamed {
                        rename(itemStart..<index, attribute: renamed.attribute, index: renamedCount, renamed.piece)
                        renamedCount += 1
                    }
                } else if gap == nil {
                    gap = itemStart
                    gapHasBlank = false
                }
            }
            guard index < count else { return nil }
            let selfCloses = bytes[index] == UInt8(ascii: "/")
            closeGap(at: index, endingTag: !selfCloses)
            if selfCloses { return (index + 2, nil, false, namesCharset) }
            return (index + 1, rawName.map { RawText(name: $0, strippable: !maybeJSON) }, isSVG, namesCharset)
        }

        private func isTagEnd(at index: Int) -> Bool {
            index >= count || bytes[index] == UInt8(ascii: ">")
                || (bytes[index] == UInt8(ascii: "/") && index + 1 < count && bytes[index + 1] == UInt8(ascii: ">"))
        }

        /// Ends the gap, if any, at `end`: down to its line breaks, or one blank where another
        /// attribute follows; a gap of one blank byte stays as it is. Before a tag's `>` no blank
        /// is needed (before `/>` it keeps an unquoted value from running into the `/`).
        private mutating func closeGap(at end: Int, endingTag: Bool = false) {
            guard let start = gap else { return }
            gap = nil
            if end - start > 1 || !gapHasBlank { blank(start..<end, keepsBlank: gapHasBlank && !endingTag) }
        }

        /// The name libxml2's tree builder gives an element: after the prefix, if any (`o:p` is a `p`).
        private func localName(_ name: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
            guard let colon = name.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon + 1 < name.count else { return name }
            return UnsafeBufferPointer(rebasing: name[(colon + 1)...])
        }

        /// A value that says JSON-LD as the tree builder reads it (`ld+json`, `isJSONLD`) or hides
        /// what it says behind an entity.
        private func mayBeJSON(_ value: Range<Int>) -> Bool {
            find(UInt8(ascii: "&"), from: value.lowerBound, before: value.upperBound) != nil
                || ByteSearch.contains("ld+json", in: UnsafeBufferPointer(rebasing: bytes[value]))
        }

        /// Where raw text ends: at the first `</` followed by the element's name in any case. Nil
        /// when it does not end, or starts with another end tag or a start tag that closes the
        /// element, which libxml2 reads as markup before it reads raw text again.
        private func closing(_ name: StaticString, from start: Int) -> Int? {
            let needle = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
            var index = start
            while let found = find(UInt8(ascii: "<"), from: index), found + 1 + needle.count < count {
                if bytes[found + 1] == UInt8(ascii: "/"), (0..<needle.count).allSatisfy({ bytes[found + 2 + $0] | 0x20 == needle[$0] }) {
                    return found
                }
                if found == start, bytes[found + 1] == UInt8(ascii: "/") || closes(name, startTagAt: found) { return nil }
                index = found + 1
            }
            return nil
        }

        // MARK: SVG

        /// Where the content of an `<svg>` (its start tag ending at `start`) ends, at its `</svg`,
        /// when libxml2 reads nothing in it that changes the tree read: elements it does not
        /// know (whose start tags close nothing, and which only their own end tags close),
        /// nested as they close, `<title>` text, comments and text, none of them read. Then
        /// the content can go, down to its line breaks. Nil otherwise.
        private mutating func svgContentEnd(from start: Int) -> Int? {
            guard foldsBlankText else { return nil }
            var open: [Range<Int>] = []
            var depth = 0
            var index = start
            while let found = find(UInt8(ascii: "<"), from: index) {
                guard found + 2 < count else { return nil }
                let next = bytes[found + 1]
                if next == UInt8(ascii: "!") {
                    guard bytes[found + 2] == UInt8(ascii: "-"), found + 3 < count, bytes[found + 3] == UInt8(ascii: "-"),
                          let end = commentEnd(from: found) else { return nil }
                    index = end
                } else if next == UInt8(ascii: "/") {
                    guard let (name, end) = plainEndTag(at: found) else { return nil }
                    guard let top = open.last else {
                        guard equals(name, "svg") else { return nil }
                        lifted.noteEmptiedSVG(depth: depth)
                        return found
                    }
                    guard bytes[name].elementsEqual(bytes[top], by: { $0 | 0x20 == $1 | 0x20 }) else { return nil }
                    open.removeLast()
                    index = end
                } else if isLetter(next) {
                    var nameEnd = found + 1
                    while nameEnd < count, isNameByte(bytes[nameEnd]) { nameEnd += 1 }
                    let name = (found + 1)..<nameEnd
                    guard name.count <= UnreadMarkup.longestName, let (end, selfClosed) = plainStartTagEnd(from: nameEnd) else { return nil }
                    index = end
                    if isKnownToLibxml2(name) {
                        // A title holds text only, and closes at once.
                        guard equals(name, "title"), !selfClosed, let close = find(UInt8(ascii: "<"), from: end),
                              let (closed, closeEnd) = plainEndTag(at: close), equals(closed, "title") else { return nil }
                        depth = max(depth, open.count + 1)
                        index = closeEnd
                    } else if !selfClosed {
                        open.append(name)
                        depth = max(depth, open.count)
                    }
                } else if next == UInt8(ascii: "?") {
                    return nil
                } else {
                    // `<` before anything else is text.
                    index = found + 1
                }
            }
            return nil
        }

        /// The end tag at `start` (`</name>`, blanks allowed before the `>`): its name and where it ends.
        private func plainEndTag(at start: Int) -> (name: Range<Int>, end: Int)? {
            guard start + 2 < count, bytes[start + 1] == UInt8(ascii: "/"), isLetter(bytes[start + 2]) else { return nil }
            var index = start + 2
            while index < count, isNameByte(bytes[index]) { index += 1 }
            let name = (start + 2)..<index
            while index < count, isBlank(bytes[index]) { index += 1 }
            guard index < count, bytes[index] == UInt8(ascii: ">"), name.count <= UnreadMarkup.longestName else { return nil }
            return (name, index + 1)
        }

        /// Where a start tag whose name ends at `start` ends, when its attributes are plain
        /// (names, `=`, quoted or unquoted values), and whether it closes itself (`/>`).
        private func plainStartTagEnd(from start: Int) -> (end: Int, selfClosed: Bool)? {
            var index = start
            while true {
                while index < count, isBlank(bytes[index]) { index += 1 }
                guard index < count else { return nil }
                if bytes[index] == UInt8(ascii: ">") { return (index + 1, false) }
                if bytes[index] == UInt8(ascii: "/") {
                    return index + 1 < count && bytes[index + 1] == UInt8(ascii: ">") ? (index + 2, true) : nil
                }
                guard isNameStart(bytes[index]) else { return nil }
                let nameStart = index
                while index < count, isNameByte(bytes[index]) { index += 1 }
                guard index - nameStart <= UnreadMarkup.longestName else { return nil }
                var after = index
                while after < count, isBlank(bytes[after]) { after += 1 }
                guard after < count, bytes[after] == UInt8(ascii: "=") else { continue }
                after += 1
                while after < count, isBlank(bytes[after]) { after += 1 }
                guard after < count else { return nil }
                let quote = bytes[after]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    guard let close = find(quote, from: after + 1) else { return nil }
                    index = close + 1
                } else {
                    while after < count, !isIn(.valueEnd, bytes[after]) { after += 1 }
                    index = after
                }
            }
        }

        /// Whether libxml2's HTML 4 element table names the element (its names are ASCII, any case).
        private func isKnownToLibxml2(_ name: Range<Int>) -> Bool {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: name.count + 1) { copy in
                for offset in name { copy[offset - name.lowerBound] = bytes[offset] }
                copy[name.count] = 0
                return htmlTagLookup(copy.baseAddress!) != nil
            }
        }

        /// Whether `bytes[range]` spell the lowercase ASCII `name` in any case.
        private func equals(_ range: Range<Int>, _ name: StaticString) -> Bool {
            range.count == name.utf8CodeUnitCount && range.indices.allSatisfy { bytes[$0] | 0x20 == name.utf8Start[$0 - range.lowerBound] }
        }

        /// Whether a start tag at `start` closes the element `name`, as libxml2 checks at every `<`
        /// before it reads raw text (`htmlCheckAutoClose`, which `htmlAutoCloseTag` asks), with
        /// the name it reads there: letters, digits, `:`, `-` and `_`, lowercase.
        private func closes(_ name: StaticString, startTagAt start: Int) -> Bool {
            guard start + 1 < count, isNameStart(bytes[start + 1]) else { return false }
            var end = start + 1
            while end < count, isNameByte(bytes[end]), bytes[end] != UInt8(ascii: ".") { end += 1 }
            guard end - start - 1 < UnreadMarkup.longestName else { return true }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: end - start) { tag in
                for offset in (start + 1)..<end {
                    let byte = bytes[offset]
                    tag[offset - start - 1] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte
                }
                tag[end - start - 1] = 0
                // The element's own name is not asked: htmlAutoCloseTag answers no for it.
                guard !equals(start + 1..<end, name), let node = xmlNewNode(nil, tag.baseAddress!) else { return true }
                defer { xmlFreeNode(node) }
                return htmlAutoCloseTag(nil, name.utf8Start, node) != 0
            }
        }

        // MARK: Bytes

        /// The first `byte` at or after `start`, before `end` (default: the page's end).
        private func find(_ byte: UInt8, from start: Int, before end: Int? = nil) -> Int? {
            ByteSearch.first(byte, in: bytes, from: start, before: end ?? count)
        }

        /// Where `pattern` next starts at or after `start`, before `end`.
        private func search(_ pattern: StaticString, from start: Int, before end: Int? = nil) -> Int? {
            let needle = UnsafeBufferPointer(start: pattern.utf8Start, count: pattern.utf8CodeUnitCount)
            let end = end ?? count
            var cursor = start
            while let found = find(needle[0], from: cursor, before: end) {
                guard found + needle.count <= end else { return nil }
                if (1..<needle.count).allSatisfy({ bytes[found + $0] == needle[$0] }) { return found }
                cursor = found + 1
            }
            return nil
        }

        @inline(__always)
        private func isIn(_ byteClass: ByteClass, _ byte: UInt8) -> Bool { classes[Int(byte)] & byteClass.rawValue != 0 }

        private func isLetter(_ byte: UInt8) -> Bool { isIn(.letter, byte) }

        private func isBlank(_ byte: UInt8) -> Bool { isIn(.blank, byte) }

        /// Where libxml2 starts an attribute name.
        private func isNameStart(_ byte: UInt8) -> Bool { isIn(.nameStart, byte) }

        private func isNameByte(_ byte: UInt8) -> Bool { isIn(.nameByte, byte) }
    }
}
