/// Writes JSON as compact UTF-8 bytes: no whitespace, no escaped slashes, non-ASCII raw.
/// Only `"`, `\` and control characters are escaped.
public enum JSONWriter {
    public static func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): out.append(contentsOf: n.utf8)
        case .string(let s): writeString(s, into: &out)
        case .array(let items): writeArray(items, into: &out) { write($0, into: &$1) }
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, member) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeString(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                write(member.value, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    public static func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        write(value, into: &out)
        return out
    }

    public static func string(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    /// `[`, the items written by `writeItem` between commas, `]`.
    static func writeArray<Item>(_ items: [Item], into out: inout [UInt8], _ writeItem: (Item, inout [UInt8]) -> Void) {
        out.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            writeItem(item, &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// Appends `n` in decimal, the digits `String(n)` gives, without making the string.
    static func writeInt(_ n: Int, into out: inout [UInt8]) {
        if n < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = n.magnitude
        var place: UInt = 1
        while magnitude / place >= 10 { place *= 10 }
        while place > 0 {
            out.append(UInt8(ascii: "0") + UInt8(magnitude / place % 10))
            place /= 10
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// The runs between escapes are copied whole; a string with none (nearly every string of a
    /// scrape) is one scan and one append, quotes and all.
    static func writeString(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { bytes in
            var index = firstEscape(in: bytes, from: 0)
            if index == bytes.count {
                out.append(addingCapacity: bytes.count + 2) { span in
                    span.append(UInt8(ascii: "\""))
                    span.append(copying: bytes)
                    span.append(UInt8(ascii: "\""))
                }
                return
            }
            out.append(UInt8(ascii: "\""))
            var runStart = 0
            while index < bytes.count {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                appendEscape(for: bytes[index], into: &out)
                runStart = index + 1
                index = firstEscape(in: bytes, from: runStart)
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
            out.append(UInt8(ascii: "\""))
        }
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

    private static func appendEscape(for b: UInt8, into out: inout [UInt8]) {
        switch b {
        case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
        case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
        case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
        default:
            out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
        }
    }
}

extension OutputSpan where Element == UInt8 {
    /// Appends `bytes` with one copy. Short pieces (a member's name, its quotes) go out in one
    /// `Array.append(addingCapacity:)`: an append of its own costs more than their bytes.
    mutating func append(copying bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        withUnsafeMutableBufferPointer { buffer, initialized in
            (buffer.baseAddress! + initialized).initialize(from: source, count: bytes.count)
            initialized += bytes.count
        }
    }
}
