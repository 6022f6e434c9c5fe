/// Writes JSON as compact UTF-8 bytes: no whitespace, no escaped slashes, non-ASCII raw.
/// Only `"`, `\` and control characters are escaped.
public enum JSONWriter {
    public static func write(_ value: JSONValue, into out: inout [UInt8]) {
        var writer = JSONObjectWriter(capacity: 256)
        writer.write(value)
        writer.finish(appendingTo: &out)
    }

    public static func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        write(value, into: &out)
        return out
    }

    public static func string(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    /// The index of the first byte from `start` on that needs an escape, else `bytes.count`.
    /// Sixteen bytes are tested at once, in vector registers: a word of eight took five
    /// instructions a byte, this takes one.
    static func firstEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if bytes.count - index >= 16 {
            let base = UnsafeRawPointer(bytes.baseAddress!)
            let space = SIMD16<UInt8>(repeating: 0x20), quote = SIMD16<UInt8>(repeating: UInt8(ascii: "\"")),
                backslash = SIMD16<UInt8>(repeating: UInt8(ascii: "\\"))
            func hasEscape(at offset: Int) -> Bool {
                let chunk = base.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
                return any((chunk .< space) .| (chunk .== quote) .| (chunk .== backslash))
            }
            while index &+ 16 <= bytes.count, !hasEscape(at: index) { index &+= 16 }
            // The last sixteen bytes, overlapping ones found clean already, instead of a byte loop.
            if index &+ 16 > bytes.count, !hasEscape(at: bytes.count &- 16) { return bytes.count }
        }
        while index < bytes.count, !needsEscape(bytes[index]) { index &+= 1 }
        return index
    }

    private static func needsEscape(_ b: UInt8) -> Bool { b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") }
}
