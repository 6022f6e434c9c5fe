#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Empties `<script>` and `<style>` elements, and the quoted values of attributes the reader
/// does not keep, before libxml2 reads the page: they are most of a news page's bytes, libxml2
/// reads them a character at a time, and the reader drops them. Only their line breaks stay, so
/// libxml2's line numbers stay right. The scan follows libxml2's
/// HTML tokenizer (comments, quoted attribute values, the first `</script` ending a script); a
/// script that could be JSON-LD is kept whole, and so is everything after a construct the
/// scan cannot place (an unterminated comment or quote). For UTF-8 pages only: in other
/// encodings libxml2 may stop at a byte it cannot convert, and that must not move.
enum ScriptStripper {
    static func strip(_ page: [UInt8]) -> [UInt8] {
        // libxml2 reads a NUL byte as the end of some constructs and not of others.
        guard !page.contains(0) else { return page }
        return page.withUnsafeBufferPointer { bytes in
            var out: [UInt8] = []
            var copied = 0
            var index = 0
            let count = bytes.count
            var blanks: [Range<Int>] = []
            /// Copies what comes before `range`, then of `range` only its line breaks.
            func empty(_ range: Range<Int>) {
                if copied == 0 { out.reserveCapacity(count) }
                out.append(contentsOf: bytes[copied..<range.lowerBound])
                var line = range.lowerBound
                while let newline = find(0x0A, in: bytes, from: line, before: range.upperBound) {
                    out.append(0x0A)
                    line = newline + 1
                }
                copied = range.upperBound
            }
            func skip(past pattern: StaticString, from start: Int) -> Int? {
                let needle = UnsafeBufferPointer(start: pattern.utf8Start, count: pattern.utf8CodeUnitCount)
                var cursor = start
                while let found = find(needle[0], in: bytes, from: cursor) {
                    guard found + needle.count <= count else { return nil }
                    if (1..<needle.count).allSatisfy({ bytes[found + $0] == needle[$0] }) { return found + needle.count }
                    cursor = found + 1
                }
                return nil
            }
            while let found = find(UInt8(ascii: "<"), in: bytes, from: index) {
                index = found
                guard index + 1 < count else { break }
                let next = bytes[index + 1]
                if next == UInt8(ascii: "!") {
                    if index + 3 < count, bytes[index + 2] == UInt8(ascii: "-"), bytes[index + 3] == UInt8(ascii: "-") {
                        guard let end = skip(past: "-->", from: index + 4) else { break }
                        index = end
                    } else {
                        index += 1
                    }
                } else if next == UInt8(ascii: "?") || next == UInt8(ascii: "/") {
                    // A processing instruction or an end tag runs to the first `>`; without
                    // a name after it, `<?` or `</` is text.
                    // (End tag names may start with `.`, instruction targets with any letter.)
                    guard index + 2 < count, isNameStart(bytes[index + 2]) || bytes[index + 2] == UInt8(ascii: ".") && next == UInt8(ascii: "/")
                        || bytes[index + 2] >= 0x80 && next == UInt8(ascii: "?") else {
                        index += 2
                        continue
                    }
                    guard let end = skip(past: ">", from: index + 2) else { break }
                    index = end
                } else if isNameStart(next) {
                    blanks.removeAll(keepingCapacity: true)
                    guard let tag = startTag(bytes, at: index, values: &blanks) else { break }
                    blanks.forEach(empty)
                    index = tag.end
                    guard let raw = tag.rawText else { continue }
                    guard let close = closing(raw.name, in: bytes, from: index) else { break }
                    if raw.strippable, close > index { empty(index..<close) }
                    index = close
                } else {
                    index += 1
                }
            }
            if copied == 0 { return page }
            out.append(contentsOf: bytes[copied..<count])
            return out
        }
    }

    /// The first `byte` at or after `start` (memchr: these scans cover every byte of the page).
    private static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, before end: Int? = nil) -> Int? {
        let end = end ?? bytes.count
        guard start < end, let base = bytes.baseAddress, let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }

    /// Where libxml2 starts an element or attribute name.
    private static func isNameStart(_ byte: UInt8) -> Bool {
        isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }

    private struct RawText {
        /// `script` or `style`, lowercase.
        var name: StaticString
        /// Whether the content may go: not a self-closed tag, not possibly JSON-LD.
        var strippable: Bool
    }

    /// The start tag at `start` as libxml2's `htmlParseStartTag` reads it: where it ends and,
    /// for `<script>` and `<style>`, the raw text that follows; nil when it never ends. The
    /// quoted values of attributes the reader does not keep go to `values` (not a `<meta>`'s,
    /// which libxml2 reads for the charset).
    private static func startTag(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, values: inout [Range<Int>]) -> (end: Int, rawText: RawText?)? {
        let count = bytes.count
        var index = start + 1
        while index < count, isNameByte(bytes[index]) { index += 1 }
        let name = bytes[(start + 1)..<index].lazy.map { $0 | 0x20 }
        let rawName: StaticString? = name.elementsEqual("script".utf8) ? "script" : name.elementsEqual("style".utf8) ? "style" : nil
        let keepsValues = rawName != nil || name.elementsEqual("meta".utf8)
        // Without quotes, the first `>` ends the tag.
        if rawName == nil, let close = find(UInt8(ascii: ">"), in: bytes, from: index),
           find(UInt8(ascii: "\""), in: bytes, from: index, before: close) == nil,
           find(UInt8(ascii: "'"), in: bytes, from: index, before: close) == nil {
            return (close + 1, nil)
        }
        var maybeJSON = false
        func atEnd() -> Bool {
            index >= count || bytes[index] == UInt8(ascii: ">")
                || (bytes[index] == UInt8(ascii: "/") && index + 1 < count && bytes[index + 1] == UInt8(ascii: ">"))
        }
        while index < count, isBlank(bytes[index]) { index += 1 }
        while !atEnd() {
            if isNameStart(bytes[index]) || bytes[index] == UInt8(ascii: ".") {
                let nameStart = index
                while index < count, isNameByte(bytes[index]) { index += 1 }
                let kept = keepsValues || HTMLAttribute.number(anyCase: bytes[nameStart..<index]) != nil
                while index < count, isBlank(bytes[index]) { index += 1 }
                if index < count, bytes[index] == UInt8(ascii: "=") {
                    index += 1
                    while index < count, isBlank(bytes[index]) { index += 1 }
                    guard index < count else { return nil }
                    let quote = bytes[index]
                    let valueStart = index
                    if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                        guard let end = find(quote, in: bytes, from: index + 1) else { return nil }
                        if !kept, end > index + 1 { values.append((index + 1)..<end) }
                        index = end + 1
                    } else {
                        while index < count, !isBlank(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    }
                    if rawName != nil, mayBeJSON(bytes[valueStart..<index]) { maybeJSON = true }
                }
            } else {
                // A bogus attribute, dumped up to the next blank or the tag's end.
                while !atEnd(), !isBlank(bytes[index]) { index += 1 }
            }
            while index < count, isBlank(bytes[index]) { index += 1 }
        }
        guard index < count else { return nil }
        if bytes[index] == UInt8(ascii: "/") { return (index + 2, nil) }
        return (index + 1, rawName.map { RawText(name: $0, strippable: !maybeJSON) })
    }

    /// A value that names JSON or hides what it names behind an entity.
    private static func mayBeJSON(_ value: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let lowered = value.map { $0 | 0x20 }
        return value.contains(UInt8(ascii: "&")) || lowered.indices.contains { offset in
            lowered[offset...].starts(with: "json".utf8)
        }
    }

    /// Where raw text ends: at the first `</` followed by the element's name in any case.
    private static func closing(_ name: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let needle = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        var index = start
        // Raw text that starts with an end tag is read as markup by libxml2: leave it.
        if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "/") { return start }
        while let found = find(UInt8(ascii: "<"), in: bytes, from: index), found + 1 + needle.count < bytes.count {
            if bytes[found + 1] == UInt8(ascii: "/"), (0..<needle.count).allSatisfy({ bytes[found + 2 + $0] | 0x20 == needle[$0] }) {
                return found
            }
            index = found + 1
        }
        return nil
    }
}
