/// UTF-8 validation by a shift-based DFA (a state is a bit offset; one table load and one
/// shift a byte), with ASCII skipped 16 bytes at a time: about a third of the standard
/// library's instructions on Arabic text. `string(validating:)` then copies the bytes into a
/// String without the standard library validating them again.
public enum UTF8Validation {
    /// The states' bit offsets in a table entry. Error is 0, so an error row of zeros keeps it.
    private static let error: UInt64 = 0, accept: UInt64 = 6, tail1: UInt64 = 12, tail2: UInt64 = 18,
        tail3: UInt64 = 24, afterE0: UInt64 = 30, afterED: UInt64 = 36, afterF0: UInt64 = 42, afterF4: UInt64 = 48

    /// For each byte, the next state of every state, each at that state's offset: the ranges
    /// of the Unicode standard's table 3-7 (no overlong forms, surrogates or scalars past U+10FFFF).
    private static let transitions: [UInt64] = (0...255).map { (byte: Int) -> UInt64 in
        func from(_ state: UInt64, to next: UInt64) -> UInt64 { next << state }
        switch byte {
        case 0x00...0x7F: return from(accept, to: accept)
        case 0xC2...0xDF: return from(accept, to: tail1)
        case 0xE0: return from(accept, to: afterE0)
        case 0xED: return from(accept, to: afterED)
        case 0xE1...0xEF: return from(accept, to: tail2)
        case 0xF0: return from(accept, to: afterF0)
        case 0xF4: return from(accept, to: afterF4)
        case 0xF1...0xF3: return from(accept, to: tail3)
        case 0x80...0xBF:
            var entry = from(tail1, to: accept) | from(tail2, to: tail1) | from(tail3, to: tail2)
            if byte >= 0xA0 { entry |= from(afterE0, to: tail1) } else { entry |= from(afterED, to: tail1) }
            if byte >= 0x90 { entry |= from(afterF0, to: tail2) } else { entry |= from(afterF4, to: tail2) }
            return entry
        default: return 0
        }
    }

    /// Whether `bytes` are valid UTF-8, and whether they are all ASCII.
    public static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> (valid: Bool, ascii: Bool) {
        guard let base = bytes.baseAddress else { return (true, true) }
        let count = bytes.count
        return transitions.withUnsafeBufferPointer { table in
            var state = accept
            var highs: UInt8 = 0
            var index = 0
            while index + 16 <= count {
                let raw = UnsafeRawPointer(base + index)
                if state & 63 == accept,
                   (raw.loadUnaligned(as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & ByteWords.highs == 0 {
                    index += 16
                    continue
                }
                highs = 0x80
                if index > 0, let last = twoByteChunk(raw, after: state) {
                    state = last
                    index += 16
                    continue
                }
                for offset in index ..< index + 16 { state = table[Int(base[offset])] &>> state }
                if state & 63 == error { return (false, false) }
                index += 16
            }
            for offset in index ..< count {
                highs |= base[offset]
                state = table[Int(base[offset])] &>> state
            }
            return (state & 63 == accept, highs & 0x80 == 0)
        }
    }

    /// The state after the 16 bytes at `chunk` when they are ASCII and whole two-byte scalars
    /// (Arabic, Cyrillic, Greek, ...), each continuation just after a lead, else nil, for the
    /// DFA to decide. Reads the byte before `chunk`, whose lead a first continuation completes.
    @inline(__always)
    private static func twoByteChunk(_ chunk: UnsafeRawPointer, after state: UInt64) -> UInt64? {
        let bytes = chunk.loadUnaligned(as: ByteVectors.Vector.self)
        let previous = chunk.loadUnaligned(fromByteOffset: -1, as: ByteVectors.Vector.self)
        let isLead = bytes &- .splat(0xC2) .< .splat(0x1E)
        let isContinuation = bytes & .splat(0xC0) .== .splat(0x80)
        let follows = previous &- .splat(0xC2) .< .splat(0x1E)
        // A state other than accept must be a two-byte scalar's tail, whose lead is the byte before.
        guard state & 63 == accept || (state & 63 == tail1 && chunk.load(fromByteOffset: -1, as: UInt8.self) & 0xE0 == 0xC0) else {
            return nil
        }
        let stray = (isContinuation .^ follows) .| .!(bytes .< .splat(0x80) .| isLead .| isContinuation)
        let words = unsafeBitCast(ByteVectors.Vector().replacing(with: 0x80, where: stray), to: SIMD2<UInt64>.self)
        guard words[0] | words[1] == 0 else { return nil }
        return chunk.load(fromByteOffset: 15, as: UInt8.self) & 0xE0 == 0xC0 ? tail1 : accept
    }

    /// The bytes as a string, or nil when they are not valid UTF-8.
    public static func string(validating bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let (valid, ascii) = check(bytes)
        guard valid else { return nil }
        // Checked just now: the standard library need not validate them again.
        return unsafe String(copying: UTF8Span(unchecked: Span(_unsafeElements: bytes), isKnownASCII: ascii))
    }
}
