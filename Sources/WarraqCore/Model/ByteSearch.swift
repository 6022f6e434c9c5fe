import Glibc

/// Substring search on UTF-8 bytes (`memchr` for the first byte, `memcmp` for the rest): readers
/// match phrase lists and class names against every line and element, and Foundation's
/// `range(of:)` was most of their time.
public enum ByteSearch {
    /// The first offset at or after `start` where `pattern` occurs in `haystack`, found by
    /// `memchr` for the pattern's byte at `anchor`, then `memcmp` for the whole.
    private static func find(_ pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int, anchor: Int = 0) -> Int? {
        var position = start
        let byte = Int32(pattern[anchor])
        while position + pattern.count <= haystack.count {
            guard let hit = memchr(haystack.baseAddress! + position + anchor, byte, haystack.count - pattern.count - position + 1) else { return nil }
            let offset = haystack.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - anchor
            if memcmp(haystack.baseAddress! + offset, pattern.baseAddress!, pattern.count) == 0 { return offset }
            position = offset + 1
        }
        return nil
    }

    /// The first `byte` in `bytes[start..<end]`, by `memchr`: for scans over every byte of a page,
    /// inlined, for they call it for every tag and attribute.
    @inlinable
    public static func first(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, before end: Int) -> Int? {
        guard start < end, let base = bytes.baseAddress, let hit = memchr(base + start, Int32(byte), end - start) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// Byte offsets in `text` where `needle` starts.
    public static func offsets(of needle: String, in text: String) -> [Int] {
        var text = text
        return text.withUTF8 { offsets(of: needle, in: $0) }
    }

    /// Byte offsets in `text` where `needle` starts: a substring is searched in place, not copied.
    public static func offsets(of needle: String, in text: Substring) -> [Int] {
        var text = text
        return text.withUTF8 { offsets(of: needle, in: $0) }
    }

    /// Byte offsets in UTF-8 bytes a caller holds already where `needle` starts.
    public static func offsets(of needle: String, in haystack: UnsafeBufferPointer<UInt8>) -> [Int] {
        var needle = needle
        return needle.withUTF8 { pattern in
            guard pattern.count > 0, haystack.count >= pattern.count else { return [] }
            var found: [Int] = []
            var start = 0
            while let offset = find(pattern, in: haystack, from: start) {
                found.append(offset)
                start = offset + 1
            }
            return found
        }
    }

    public static func contains(_ needle: String, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { contains(needle, in: $0) }
    }

    public static func contains(_ needle: String, in text: Substring) -> Bool {
        var text = text
        return text.withUTF8 { contains(needle, in: $0) }
    }

    /// Whether `needle` occurs in UTF-8 bytes a caller holds already.
    public static func contains(_ needle: String, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        var needle = needle
        return needle.withUTF8 { pattern in
            pattern.count == 0 || (haystack.count >= pattern.count && find(pattern, in: haystack, from: 0) != nil)
        }
    }

    /// Whether UTF-8 `bytes` start with `prefix`, compared by `memcmp`: the generic
    /// `elementsEqual` walks a byte at a time, and phrase lists compare every line's opening.
    public static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: String) -> Bool {
        var prefix = prefix
        return prefix.withUTF8 { pattern in
            pattern.count == 0 || (pattern.count <= bytes.count && memcmp(bytes.baseAddress!, pattern.baseAddress!, pattern.count) == 0)
        }
    }

    /// Whether two runs of bytes are the same, compared by `memcmp`.
    public static func same(_ one: UnsafeBufferPointer<UInt8>, _ other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard one.count == other.count else { return false }
        guard let first = one.baseAddress, let second = other.baseAddress else { return true }
        return memcmp(first, second, one.count) == 0
    }

    /// A pattern looked for in many texts (a heading in the lines around it), found by its
    /// rarest byte: its first byte is a poor anchor for `memchr` in Arabic, where every other
    /// byte is the lead byte 0xD8 or 0xD9.
    public struct Needle: Sendable {
        private let pattern: [UInt8]
        /// The offset in `pattern` of the byte it holds fewest times.
        private let anchor: Int

        public init(_ text: String) {
            var text = text
            // Copied and counted from the string's own buffer: `Array(text.utf8)` goes a
            // byte at a time through the generic sequence path.
            (pattern, anchor) = text.withUTF8 { bytes in (Array(bytes), Self.rarest(in: bytes)) }
        }

        /// The offset of the first byte held fewest times, counted on the stack: a needle is
        /// made for every heading judged, and a heap array of 256 counts cost more than the search.
        private static func rarest(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { counts in
                counts.initialize(repeating: 0)
                for byte in bytes { counts[Int(byte)] += 1 }
                var rarest = 0
                for index in bytes.indices where counts[Int(bytes[index])] < counts[Int(bytes[rarest])] { rarest = index }
                return rarest
            }
        }

        /// Whether the pattern occurs in `text`.
        public func occurs(in text: some StringProtocol) -> Bool {
            UTF8Scalars.withBytes(text) { occurs(in: $0) }
        }

        /// Whether the pattern occurs in `text`, opened directly: the generic entry's casts to
        /// find the string's storage cost more than most searches.
        public func occurs(in text: String) -> Bool {
            var text = text
            return text.withUTF8 { occurs(in: $0) }
        }

        /// Whether the pattern occurs in UTF-8 bytes: a text matched against many needles is
        /// opened once, not once a needle.
        public func occurs(in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
            guard !pattern.isEmpty else { return true }
            return pattern.withUnsafeBufferPointer { pattern in
                haystack.count >= pattern.count && ByteSearch.find(pattern, in: haystack, from: 0, anchor: anchor) != nil
            }
        }
    }

    /// True when the scalar ending just before `offset` (or starting at it) is not a letter or
    /// digit, so that a phrase found there stands as whole words.
    public static func isBoundary(_ text: String, before offset: Int) -> Bool {
        guard offset > 0 else { return true }
        let utf8 = text.utf8
        var index = utf8.index(utf8.startIndex, offsetBy: offset)
        repeat { index = utf8.index(before: index) } while index > utf8.startIndex && UTF8.isContinuation(utf8[index])
        return !isWordScalar(text.unicodeScalars[index])
    }

    public static func isBoundary(_ text: String, after offset: Int) -> Bool {
        let utf8 = text.utf8
        guard offset < utf8.count else { return true }
        return !isWordScalar(text.unicodeScalars[utf8.index(utf8.startIndex, offsetBy: offset)])
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
