#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Takes out of a UTF-8 page, before libxml2 reads it, the markup the reader never reads:
/// the bodies of `<script>` and `<style>` elements, the attributes the reader does not read on
/// their element (name and value), and the length of blank runs between tags and between
/// attributes. libxml2 reads each of those bytes a character at a time, and they are most of
/// a news page. Only their line breaks stay, so libxml2's line numbers stay right.
///
/// The scan follows libxml2's HTML tokenizer (comments, quoted attribute values, the first
/// `</script` ending a script); a script that could be JSON-LD is kept whole, and so is
/// everything after a construct the scan cannot place (an unterminated comment or quote, a name
/// longer than libxml2 reads, a doctype it may read its own way). For UTF-8 pages only: in
/// other encodings libxml2 may stop at a byte it cannot convert, and that must not move.
enum UnreadMarkup {
    static func strip(_ page: [UInt8]) -> [UInt8] {
        page.withUnsafeBufferPointer { bytes in
            // libxml2 reads a NUL byte as the end of some constructs and not of others.
            guard let base = bytes.baseAddress, memchr(base, 0, bytes.count) == nil else { return page }
            var scan = Scan(bytes)
            scan.run()
            return scan.output ?? page
        }
    }

    /// libxml2 reads names this long or longer in pieces (`HTML_PARSER_BUFFER_SIZE`).
    private static let longestName = 99
    /// libxml2 hands text over in pieces this long (`HTML_PARSER_BIG_BUFFER_SIZE`); a blank run
    /// that long may not be one piece, and is left as it is.
    private static let textPiece = 1_000

    private struct Scan {
        let bytes: UnsafeBufferPointer<UInt8>
        let count: Int
        /// A blank run between tags may shrink only where no text node can reach libxml2's
        /// length limit, which counts the blanks too.
        let foldsBlankText: Bool
        private var out: [UInt8] = []
        private var copied = 0
        /// The current start tag's edits, made once the tag is known to end.
        private var edits: [(range: Range<Int>, keepsBlank: Bool)] = []

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            count = bytes.count
            foldsBlankText = count <= HTMLTreeBuilder.maximumTextLength
        }

        /// The slimmed page; nil when nothing changed.
        var output: [UInt8]? {
            mutating get {
                guard copied > 0 else { return nil }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<count]))
                copied = count
                return out
            }
        }

        mutating func run() {
            var index = 0
            // Where text starts that libxml2 reads as text too: after a tag.
            var text: Int?
            while let found = find(UInt8(ascii: "<"), from: index) {
                if let text { foldBlanks(text..<found) }
                text = nil
                index = found
                guard index + 1 < count else { break }
                let next = bytes[index + 1]
                if next == UInt8(ascii: "!") {
                    if index + 3 < count, bytes[index + 2] == UInt8(ascii: "-"), bytes[index + 3] == UInt8(ascii: "-") {
                        guard let end = commentEnd(from: index) else { break }
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
                    // it, `<?` is text.
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
                        continue
                    }
                    guard let close = closing(raw.name, from: index) else { break }
                    if raw.strippable, close > index { replace(index..<close, keepsBlank: false) }
                    index = close
                } else {
                    // `<` before anything but a letter is text.
                    index += 1
                }
            }
        }

        // MARK: Edits

        /// Copies what comes before `range`, then of `range` only its line breaks, or, when it
        /// has none and `keepsBlank`, one space.
        private mutating func replace(_ range: Range<Int>, keepsBlank: Bool) {
            if copied == 0 { out.reserveCapacity(count) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<range.lowerBound]))
            var line = range.lowerBound
            var kept = false
            while let newline = find(0x0A, from: line, before: range.upperBound) {
                out.append(0x0A)
                kept = true
                line = newline + 1
            }
            if keepsBlank, !kept { out.append(0x20) }
            copied = range.upperBound
        }

        /// A run of blanks between tags, shortened: libxml2 drops it or keeps it as white
        /// space, which the reader folds; only its length differs.
        private mutating func foldBlanks(_ range: Range<Int>) {
            guard foldsBlankText, range.count > 1, range.count < UnreadMarkup.textPiece,
                  !range.contains(where: { !isBlank(bytes[$0]) }) else { return }
            replace(range, keepsBlank: true)
        }

        // MARK: Comments and declarations

        /// Past the comment at `start`, which ends at the first `-->` or `--!>`; nil when it does not end.
        private func commentEnd(from start: Int) -> Int? {
            let end = search("-->", from: start + 4)
            if let bang = search("--!>", from: start + 4, before: end.map { $0 + 4 }), bang < end ?? count { return bang + 4 }
            return end.map { $0 + 3 }
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
            /// Every attribute, as it stands: `<meta>` (libxml2 reads its charset), `<script>` and `<style>`.
            case everything
            /// The attributes `HTMLAttribute` reads on the element.
            case attributes(HTMLTag)
            /// Nothing: the element is dropped.
            case nothing
        }

        /// The start tag at `start` as libxml2's `htmlParseStartTag` reads it: where it ends
        /// and, for `<script>` and `<style>`, the raw text that follows; nil when the scan cannot
        /// tell. Attributes the reader does not read go, and blank runs between attributes shrink.
        private mutating func startTag(at start: Int) -> (end: Int, rawText: RawText?)? {
            var index = start + 1
            while index < count, isNameByte(bytes[index]) { index += 1 }
            guard index - start - 1 <= UnreadMarkup.longestName else { return nil }
            let tag = HTMLTag(anyCase: localName(UnsafeBufferPointer(rebasing: bytes[(start + 1)..<index])))
            let rawName: StaticString? = tag == .script ? "script" : tag == .style ? "style" : nil
            let reading: Reading = rawName != nil || tag == .meta ? .everything : tag.isDropped ? .nothing : .attributes(tag)
            var maybeJSON = false
            edits.removeAll(keepingCapacity: true)
            // Blanks and unread attributes since the last attribute kept.
            var gap: Int?
            var gapHasBlank = false
            func atEnd() -> Bool {
                index >= count || bytes[index] == UInt8(ascii: ">")
                    || (bytes[index] == UInt8(ascii: "/") && index + 1 < count && bytes[index + 1] == UInt8(ascii: ">"))
            }
            func closeGap(at end: Int) {
                guard let start = gap else { return }
                gap = nil
                // One blank byte stays as it is.
                if end - start > 1 || !gapHasBlank { edits.append((start..<end, gapHasBlank)) }
            }
            while true {
                let blanks = index
                while index < count, isBlank(bytes[index]) { index += 1 }
                if index > blanks {
                    if gap == nil { gap = blanks; gapHasBlank = false }
                    gapHasBlank = true
                }
                if atEnd() { break }
                let itemStart = index
                guard isNameStart(bytes[index]) || bytes[index] == UInt8(ascii: ".") else {
                    // A bogus attribute, dumped up to the next blank or the tag's end.
                    closeGap(at: itemStart)
                    while !atEnd(), !isBlank(bytes[index]) { index += 1 }
                    continue
                }
                while index < count, isNameByte(bytes[index]) { index += 1 }
                guard index - itemStart <= UnreadMarkup.longestName else { return nil }
                let name = UnsafeBufferPointer(rebasing: bytes[itemStart..<index])
                let afterName = index
                while index < count, isBlank(bytes[index]) { index += 1 }
                if index < count, bytes[index] == UInt8(ascii: "=") {
                    index += 1
                    while index < count, isBlank(bytes[index]) { index += 1 }
                    guard index < count else { return nil }
                    let valueStart = index
                    let quote = bytes[index]
                    if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                        guard let end = find(quote, from: index + 1) else { return nil }
                        index = end + 1
                    } else {
                        while index < count, !isBlank(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    }
                    if rawName != nil, mayBeJSON(valueStart..<index) { maybeJSON = true }
                } else {
                    // No value: the blanks after the name are the next gap's.
                    index = afterName
                }
                let read: Bool
                switch reading {
                case .everything: read = true
                case .nothing: read = false
                case .attributes(let tag): read = HTMLAttribute.number(anyCase: name).map { HTMLAttribute.isRead($0, on: tag) } ?? false
                }
                if read {
                    closeGap(at: itemStart)
                } else if gap == nil {
                    gap = itemStart
                    gapHasBlank = false
                }
            }
            guard index < count else { return nil }
            closeGap(at: index)
            if case .everything = reading {} else {
                for edit in edits { replace(edit.range, keepsBlank: edit.keepsBlank) }
            }
            if bytes[index] == UInt8(ascii: "/") { return (index + 2, nil) }
            return (index + 1, rawName.map { RawText(name: $0, strippable: !maybeJSON) })
        }

        /// The name libxml2's tree builder gives an element: after the prefix, if any (`o:p` is a `p`).
        private func localName(_ name: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
            guard let colon = name.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon + 1 < name.count else { return name }
            return UnsafeBufferPointer(rebasing: name[(colon + 1)...])
        }

        /// A value that names JSON or hides what it names behind an entity.
        private func mayBeJSON(_ value: Range<Int>) -> Bool {
            var index = value.lowerBound
            while index < value.upperBound {
                if bytes[index] == UInt8(ascii: "&") { return true }
                if index + 4 <= value.upperBound, bytes[index] | 0x20 == UInt8(ascii: "j"), bytes[index + 1] | 0x20 == UInt8(ascii: "s"),
                   bytes[index + 2] | 0x20 == UInt8(ascii: "o"), bytes[index + 3] | 0x20 == UInt8(ascii: "n") { return true }
                index += 1
            }
            return false
        }

        /// Where raw text ends: at the first `</` followed by the element's name in any case.
        private func closing(_ name: StaticString, from start: Int) -> Int? {
            let needle = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
            var index = start
            // Raw text that starts with an end tag is read as markup by libxml2: leave it.
            if index + 1 < count, bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "/") { return start }
            while let found = find(UInt8(ascii: "<"), from: index), found + 1 + needle.count < count {
                if bytes[found + 1] == UInt8(ascii: "/"), (0..<needle.count).allSatisfy({ bytes[found + 2 + $0] | 0x20 == needle[$0] }) {
                    return found
                }
                index = found + 1
            }
            return nil
        }

        // MARK: Bytes

        /// The first `byte` at or after `start` (memchr: these scans cover every byte of the page).
        private func find(_ byte: UInt8, from start: Int, before end: Int? = nil) -> Int? {
            let end = end ?? count
            guard start < end, let found = memchr(bytes.baseAddress! + start, Int32(byte), end - start) else { return nil }
            return bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
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

        private func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

        private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }

        /// Where libxml2 starts an attribute name.
        private func isNameStart(_ byte: UInt8) -> Bool {
            isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
        }

        private func isNameByte(_ byte: UInt8) -> Bool {
            isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
    }
}
