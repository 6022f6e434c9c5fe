import WarraqCore

/// The link numbers lynx prints before each link (`[12]Sport`, `von [5]"Muslim Interaktiv"`)
/// and the numbered list of addresses it ends a dump with (`  12. https://…`). The numbers
/// are no text, and the list is the page's links, not its article.
enum LinkMarkers {
    /// The most digits a link number has.
    static let digits = 5

    /// The text without its link numbers, and the numbers taken out (space-separated), or nil
    /// when it has none. A number counts where it opens the line or follows a space or an
    /// opening mark and is glued to what follows, as lynx prints it; `[1]` after a word or
    /// before a space is a footnote and stays.
    static func stripped(_ text: String) -> (text: String, markers: String)? {
        UTF8Scalars.withBytes(text) { bytes in
            // Most lines hold no link number: they are passed over without a copy.
            guard let first = nextMarker(bytes, from: 0), let source = bytes.baseAddress else { return nil }
            // Both strings are written into their own buffers in runs, the numbers found again
            // for the second: one allocation and one validation each, where appending slices
            // to a string or an array cost hundreds of instructions a slice.
            func write(into buffer: UnsafeMutableBufferPointer<UInt8>, keeping keep: Bool) -> Int {
                var count = 0
                func copy(_ range: Range<Int>) {
                    (buffer.baseAddress! + count).initialize(from: source + range.lowerBound, count: range.count)
                    count += range.count
                }
                var from = 0
                var marker: Range<Int>? = first
                while let found = marker {
                    if keep {
                        copy(from..<found.lowerBound)
                    } else {
                        if count > 0 { buffer[count] = 0x20; count += 1 }
                        copy(found)
                    }
                    from = found.upperBound
                    marker = nextMarker(bytes, from: from)
                }
                if keep { copy(from..<bytes.count) }
                return count
            }
            let kept = String(unsafeUninitializedCapacity: bytes.count) { write(into: $0, keeping: true) }
            // A number takes three bytes at least: the spaces between them take fewer bytes.
            let markers = String(unsafeUninitializedCapacity: 2 * (bytes.count - kept.utf8.count)) { write(into: $0, keeping: false) }
            return (kept, markers)
        }
    }

    /// The first link number from `start` on, its brackets included: each `[` is found with `memchr`.
    private static func nextMarker(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Range<Int>? {
        var from = start
        while let bracket = ByteSearch.first(UInt8(ascii: "["), in: bytes, from: from, before: bytes.count) {
            if let end = markerEnd(bytes, at: bracket) { return bracket..<end }
            from = bracket + 1
        }
        return nil
    }

    /// One past the `]` of a link number starting at `start`, or nil.
    private static func markerEnd(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        guard bytes[start] == UInt8(ascii: "[") else { return nil }
        if start > 0, !opensMarker(bytes[start - 1]) { return nil }
        var end = start + 1
        while end < bytes.count, end - start - 1 < digits, (0x30...0x39).contains(bytes[end]) { end += 1 }
        guard end > start + 1, end + 1 < bytes.count, bytes[end] == UInt8(ascii: "]"), bytes[end + 1] != 0x20 else { return nil }
        return end + 1
    }

    /// Bytes a link number may follow: a space, an opening bracket or quote, or a mark lynx
    /// prints before links (`#` of a page's link elements).
    private static func opensMarker(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: "(") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "]")
    }

    /// Whether the line is an address of a link list: a URL alone, or a number and a dot then an
    /// address (`12. https://…`, `13. mailto:?Subject=…`) and whatever follows it. Wrapped lines
    /// of the list are joined into one, so the numbered entries after the first go with it.
    static func isAddressLine(_ text: String) -> Bool {
        UTF8Scalars.withBytes(text) { bytes in
            var digits = 0
            while digits < bytes.count, (0x30...0x39).contains(bytes[digits]) { digits += 1 }
            guard digits > 0, digits + 2 <= bytes.count, bytes[digits] == UInt8(ascii: "."), bytes[digits + 1] == 0x20 else {
                // A URL alone: the space looked for first, as nearly every line has one early.
                return ByteSearch.first(0x20, in: bytes, from: 0, before: bytes.count) == nil && ByteSearch.contains("://", in: bytes)
            }
            let scheme = digits + 2
            var end = scheme
            while end < bytes.count, (0x61...0x7A).contains(bytes[end]) { end += 1 }
            return end - scheme >= 3 && end < bytes.count && bytes[end] == UInt8(ascii: ":")
        }
    }
}
