/// UTF-8 validation by a shift-based DFA (a state is a bit offset; one table load and one
/// shift a byte), with ASCII and two-byte text checked by vector compares 64 bytes at a
/// time, and line ends found in the same walk. `string(validating:)` then copies the bytes into a
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
        var ends: [(end: Int, next: Int)] = []
        return walk(bytes, findingLines: false, ends: &ends)
    }

    /// `check(_:)`, and in the same walk where each line of `bytes` ends and the next begins
    /// (at `\n`, `\r\n` or a lone `\r`, as `TextDecoding` reads line ends; a last line without
    /// one ends with the bytes), appended to `ends`. Invalid bytes stop the checking, not the
    /// splitting, so a caller can repair the lines one by one.
    public static func check(_ bytes: UnsafeBufferPointer<UInt8>, lineEnds ends: inout [(end: Int, next: Int)]) -> (valid: Bool, ascii: Bool) {
        walk(bytes, findingLines: true, ends: &ends)
    }

    /// The walk of both checks, sixteen bytes at a time. After a chunk whose state the vector
    /// test can tell (accept, or a two-byte lead last), `plainEnd` skips the chunks it passes;
    /// only a chunk it turns away, or one in the middle of a longer scalar, goes to the DFA.
    @inline(__always)
    private static func walk(_ bytes: UnsafeBufferPointer<UInt8>, findingLines: Bool, ends: inout [(end: Int, next: Int)]) -> (valid: Bool, ascii: Bool) {
        guard let base = bytes.baseAddress else { return (true, true) }
        let count = bytes.count
        return transitions.withUnsafeBufferPointer { table in
            var valid = true
            var state = accept
            // The first chunk has no byte before it for the vector test to look at.
            var needsDFA = true
            var highs = ByteVectors.Vector()
            var lineStart = 0
            var index = 0
            while index + 16 <= count {
                if valid && !needsDFA {
                    index = plainEnd(bytes, from: index, findingLines: findingLines, highs: &highs, lineStart: &lineStart, ends: &ends)
                    guard index + 16 <= count else { break }
                }
                let chunk = UnsafeRawPointer(base + index)
                let vector = chunk.loadUnaligned(as: ByteVectors.Vector.self)
                let lineBreaks = lineBreakLanes(vector)
                defer { index += 16 }
                if !valid {
                    if findingLines { addLineEnds(lineBreaks, at: index, in: bytes, lineStart: &lineStart, ends: &ends) }
                    continue
                }
                highs |= vector
                if !needsDFA {
                    let stray = strayLanes(vector, previous: chunk.loadUnaligned(fromByteOffset: -1, as: ByteVectors.Vector.self))
                    guard (findingLines ? stray .| lineBreaks : stray).anySet else { continue }
                    if findingLines { addLineEnds(lineBreaks, at: index, in: bytes, lineStart: &lineStart, ends: &ends) }
                    guard stray.anySet else { continue }
                    state = stateAfter(base[index - 1])
                } else if findingLines {
                    addLineEnds(lineBreaks, at: index, in: bytes, lineStart: &lineStart, ends: &ends)
                }
                for offset in index ..< index + 16 { state = table[Int(base[offset])] &>> state }
                if state & 63 == error {
                    valid = false
                    guard findingLines else { return (false, false) }
                }
                needsDFA = state & 63 != stateAfter(base[index + 15])
            }
            if valid && !needsDFA && index > 0 { state = stateAfter(base[index - 1]) }
            for offset in index ..< count {
                let byte = base[offset]
                if findingLines, byte == 0x0A || byte == 0x0D { addLineEnd(at: offset, in: bytes, lineStart: &lineStart, ends: &ends) }
                highs[0] |= byte
                state = table[Int(byte)] &>> state
            }
            if findingLines, lineStart < count { ends.append((count, count)) }
            guard valid, state & 63 == accept else { return (false, false) }
            return (true, !(highs .>= .splat(0x80)).anySet)
        }
    }

    /// The state the vector test leaves after `last`, the byte before the next chunk: a
    /// two-byte lead waits for its continuation, anything else it let through ends a scalar.
    @inline(__always)
    private static func stateAfter(_ last: UInt8) -> UInt64 {
        last &- 0xC2 < 0x1E ? tail1 : accept
    }

    /// Where the plain bytes from `index` on end, 64 at a time: ASCII and whole two-byte scalars
    /// (Arabic, Cyrillic, Greek, ...), their line ends added to `ends` when `findingLines`, so
    /// that short lines do not leave the vector walk. The byte before `index` must leave accept
    /// or a two-byte lead. The bytes passed are ORed into `highs`.
    @inline(__always)
    private static func plainEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, findingLines: Bool, highs: inout ByteVectors.Vector,
                                 lineStart: inout Int, ends: inout [(end: Int, next: Int)]) -> Int {
        let base = bytes.baseAddress!, count = bytes.count
        var index = start
        var seen = highs
        while index &+ 64 <= count {
            let raw = UnsafeRawPointer(base + index)
            let v0 = raw.loadUnaligned(as: ByteVectors.Vector.self), v1 = raw.loadUnaligned(fromByteOffset: 16, as: ByteVectors.Vector.self),
                v2 = raw.loadUnaligned(fromByteOffset: 32, as: ByteVectors.Vector.self), v3 = raw.loadUnaligned(fromByteOffset: 48, as: ByteVectors.Vector.self)
            let mismatched = plainStrayLanes(v0, previous: raw.loadUnaligned(fromByteOffset: -1, as: ByteVectors.Vector.self))
                .| plainStrayLanes(v1, previous: raw.loadUnaligned(fromByteOffset: 15, as: ByteVectors.Vector.self))
                .| plainStrayLanes(v2, previous: raw.loadUnaligned(fromByteOffset: 31, as: ByteVectors.Vector.self))
                .| plainStrayLanes(v3, previous: raw.loadUnaligned(fromByteOffset: 47, as: ByteVectors.Vector.self))
            let overlong = isOverlongLead(v0) .| isOverlongLead(v1) .| isOverlongLead(v2) .| isOverlongLead(v3)
            let highest = largest(largest(v0, v1), largest(v2, v3))
            guard !(mismatched .| overlong .| highest .>= .splat(0xE0)).anySet else {
                // The chunk at fault, for the DFA: the chunks before it pass the exact test.
                let blockEnd = index &+ 64
                while index < blockEnd {
                    let vector = UnsafeRawPointer(base + index).loadUnaligned(as: ByteVectors.Vector.self)
                    guard !strayLanes(vector, previous: UnsafeRawPointer(base + index - 1).loadUnaligned(as: ByteVectors.Vector.self)).anySet else { break }
                    if findingLines { addLineEnds(lineBreakLanes(vector), at: index, in: bytes, lineStart: &lineStart, ends: &ends) }
                    seen |= vector
                    index &+= 16
                }
                break
            }
            if findingLines {
                let b0 = lineBreakLanes(v0), b1 = lineBreakLanes(v1), b2 = lineBreakLanes(v2), b3 = lineBreakLanes(v3)
                if (b0 .| b1 .| b2 .| b3).anySet {
                    addLineEnds(b0, at: index, in: bytes, lineStart: &lineStart, ends: &ends)
                    addLineEnds(b1, at: index &+ 16, in: bytes, lineStart: &lineStart, ends: &ends)
                    addLineEnds(b2, at: index &+ 32, in: bytes, lineStart: &lineStart, ends: &ends)
                    addLineEnds(b3, at: index &+ 48, in: bytes, lineStart: &lineStart, ends: &ends)
                }
            }
            seen |= v0 | v1 | v2 | v3
            index &+= 64
        }
        highs = seen
        return index
    }

    /// `strayLanes` for a block without the bytes `isOverlongLead` finds or any from E0 on,
    /// which the caller tests for the whole block (and the byte before it is none of them):
    /// every byte from C0 on is then a two-byte lead, and a lane is stray when it is a
    /// continuation without one before it, or the other way round.
    @inline(__always)
    private static func plainStrayLanes(_ bytes: ByteVectors.Vector, previous: ByteVectors.Vector) -> ByteVectors.Lanes {
        let isContinuation = unsafeBitCast(bytes, to: SIMD16<Int8>.self) .< SIMD16<Int8>(repeating: -64)
        return isContinuation .^ (previous .>= .splat(0xC0))
    }

    /// The lanes holding C0 or C1, which would lead two-byte scalars below U+0080.
    @inline(__always)
    private static func isOverlongLead(_ bytes: ByteVectors.Vector) -> ByteVectors.Lanes {
        bytes & .splat(0xFE) .== .splat(0xC0)
    }

    /// Each lane's larger byte.
    @inline(__always)
    private static func largest(_ a: ByteVectors.Vector, _ b: ByteVectors.Vector) -> ByteVectors.Vector {
        a.replacing(with: b, where: b .> a)
    }

    /// The lanes of `bytes` that are not ASCII or part of a whole two-byte scalar, given the
    /// bytes one lane back (whose lead a first continuation completes): none for a chunk the
    /// DFA would accept from the state `stateAfter` tells. As signed bytes, ASCII is 0...127,
    /// continuations -128...-65, two-byte leads (C2...DF) -62...-33: one comparison a bound.
    @inline(__always)
    private static func strayLanes(_ bytes: ByteVectors.Vector, previous: ByteVectors.Vector) -> ByteVectors.Lanes {
        typealias Signed = SIMD16<Int8>
        let byte = unsafeBitCast(bytes, to: Signed.self), before = unsafeBitCast(previous, to: Signed.self)
        let isContinuation = byte .< Signed(repeating: -64)
        let isLead = byte .> Signed(repeating: -63) .& byte .< Signed(repeating: -32)
        let follows = before .> Signed(repeating: -63) .& before .< Signed(repeating: -32)
        let other = byte .< Signed() .& .!(isContinuation .| isLead)
        return isContinuation .^ follows .| other
    }

    @inline(__always)
    private static func lineBreakLanes(_ bytes: ByteVectors.Vector) -> ByteVectors.Lanes {
        bytes .== .splat(0x0A) .| bytes .== .splat(0x0D)
    }

    /// The line ends at the `\n` and `\r` lanes of the chunk at `index`.
    @inline(__always)
    private static func addLineEnds(_ lineBreaks: ByteVectors.Lanes, at index: Int, in bytes: UnsafeBufferPointer<UInt8>,
                                    lineStart: inout Int, ends: inout [(end: Int, next: Int)]) {
        let words = lineBreaks.highBits
        for half in 0..<2 {
            var hits = words[half]
            while hits != 0 {
                addLineEnd(at: index + 8 * half + hits.trailingZeroBitCount / 8, in: bytes, lineStart: &lineStart, ends: &ends)
                hits &= hits &- 1
            }
        }
    }

    /// The line end at the `\n` or `\r` at `offset`, unless it is the `\n` of a `\r\n` taken already.
    @inline(__always)
    private static func addLineEnd(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>, lineStart: inout Int, ends: inout [(end: Int, next: Int)]) {
        guard offset >= lineStart else { return }
        let next = bytes[offset] == 0x0D && offset + 1 < bytes.count && bytes[offset + 1] == 0x0A ? offset + 2 : offset + 1
        ends.append((offset, next))
        lineStart = next
    }

    /// Bytes `check` found valid as a string, copied without the standard library validating
    /// them again.
    static func string(validated bytes: UnsafeBufferPointer<UInt8>, ascii: Bool) -> String {
        unsafe String(copying: UTF8Span(unchecked: Span(_unsafeElements: bytes), isKnownASCII: ascii))
    }

    /// The bytes as a string, or nil when they are not valid UTF-8.
    public static func string(validating bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let (valid, ascii) = check(bytes)
        return valid ? string(validated: bytes, ascii: ascii) : nil
    }
}
