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
    /// Tested in vector registers, sixty-four bytes to one branch (most strings have nothing to
    /// escape); the last few bytes in one vector too.
    static func firstEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress else { return bytes.count }
        var index = start
        while index &+ 64 <= bytes.count,
              !(escapes(base, at: index) .| escapes(base, at: index &+ 16) .| escapes(base, at: index &+ 32) .| escapes(base, at: index &+ 48)).anySet {
            index &+= 64
        }
        while index &+ 16 <= bytes.count {
            if let lane = escapes(base, at: index).firstSet { return index &+ lane }
            index &+= 16
        }
        guard index < bytes.count else { return bytes.count }
        // The last sixteen bytes, overlapping ones found clean already, when they are all from `start` on.
        let last = bytes.count &- 16
        if last >= start { return escapes(base, at: last).firstSet.map { last &+ $0 } ?? bytes.count }
        var tail = SIMD16<UInt8>.splat(0x20)
        withUnsafeMutableBytes(of: &tail) { $0.copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[index...]))) }
        return escapes(in: tail).firstSet.map { index &+ $0 } ?? bytes.count
    }

    @inline(__always)
    private static func escapes(_ base: UnsafePointer<UInt8>, at offset: Int) -> SIMDMask<SIMD16<Int8>> {
        escapes(in: UnsafeRawPointer(base + offset).loadUnaligned(as: SIMD16<UInt8>.self))
    }

    /// The lanes to escape. Flipping bit 1 keeps the control characters below 0x20 and makes
    /// `"` 0x20: one unsigned comparison takes both.
    @inline(__always)
    private static func escapes(in chunk: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
        (chunk ^ .splat(0x02)) .<= .splat(0x20) .| (chunk .== .splat(UInt8(ascii: "\\")))
    }
}
