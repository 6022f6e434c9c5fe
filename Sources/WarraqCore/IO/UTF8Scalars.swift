/// Unicode scalars read straight from valid UTF-8 bytes: the hot loops of the readers (space
/// folding, phrase folding, widths) walk bytes, since `Character` and `unicodeScalars`
/// iteration cost ten times as much per byte.
public enum UTF8Scalars {
    /// The scalar starting at `index` of valid UTF-8 and its length in bytes.
    @inlinable @inline(__always)
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        return ((lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
            | UInt32(bytes[index + 3] & 0x3F), 4)
    }

    /// Runs `body` on the text's UTF-8 bytes, copying only when they are not contiguous.
    @inlinable @inline(__always)
    public static func withBytes<Text: StringProtocol, Result>(_ text: Text, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        // Strings and substrings directly: the generic contiguous-storage path costs a metadata
        // look-up per call.
        if var string = text as? String {
            // A native string's bytes in place, without the `withUTF8` of a `var` copy.
            if let result = string.utf8.withContiguousStorageIfAvailable(body) { return result }
            return string.withUTF8(body)
        }
        if var substring = text as? Substring { return substring.withUTF8(body) }
        var copy = String(text)
        return copy.withUTF8(body)
    }

    /// The bytes `range` of valid UTF-8, cut at scalar boundaries, as a string: copied without
    /// the standard library validating them again, so the bounds must be scalar boundaries.
    @inlinable
    public static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        unsafe String(copying: UTF8Span(unchecked: Span(_unsafeElements: UnsafeBufferPointer(rebasing: bytes[range]))))
    }

    /// `range` of valid UTF-8, on scalar boundaries, with the scalars `trims` takes cut off
    /// both its ends: the one trimming walk of white space, label marks and the like.
    @inlinable @inline(__always)
    public static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, while trims: (UInt32) -> Bool) -> Range<Int> {
        var start = range.lowerBound
        while start < range.upperBound {
            let (value, length) = decode(bytes, at: start)
            guard trims(value) else { break }
            start += length
        }
        var end = range.upperBound
        while end > start {
            let last = self.start(before: end, in: bytes)
            guard trims(decode(bytes, at: last).value) else { break }
            end = last
        }
        return start..<end
    }

    /// The offset of the scalar that ends just before `end`.
    @inlinable
    public static func start(before end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = end - 1
        while index > 0, bytes[index] & 0xC0 == 0x80 { index -= 1 }
        return index
    }
}
