extension StringProtocol {
    /// The text without leading and trailing white space, NBSP and other Unicode spaces included.
    public func trimmingWhitespace() -> String {
        UTF8Scalars.withBytes(self) { bytes in
            var start = 0
            while start < bytes.count {
                let (value, length) = UTF8Scalars.decode(bytes, at: start)
                guard Unicode.Scalar(value)!.properties.isWhitespace else { break }
                start += length
            }
            var end = bytes.count
            while end > start {
                let last = UTF8Scalars.start(before: end, in: bytes)
                guard Unicode.Scalar(UTF8Scalars.decode(bytes, at: last).value)!.properties.isWhitespace else { break }
                end = last
            }
            if start == 0, end == bytes.count, let whole = self as? String { return whole }
            return UTF8Scalars.string(bytes, start..<end)
        }
    }
}

/// Whether folding would change the bytes: a space at an end or beside another, or any other
/// white space. Most lines have single spaces only and are kept as they are.
@inlinable
func needsWhitespaceFolding(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return !bytes.isEmpty }
    // A branch-free look first (it vectorises): most lines have no double space and no byte
    // that may start another white space, and are passed in one quick look.
    var suspects = spaceLead(first)
    var previous = first
    for byte in bytes.dropFirst() {
        suspects |= spaceLead(byte) | ((byte == 0x20 ? 1 : 0) & (previous == 0x20 ? 1 : 0))
        previous = byte
    }
    guard suspects != 0 else { return false }
    var previousSpace = false
    for index in bytes.indices {
        let byte = bytes[index]
        switch byte {
        case 0x20:
            if previousSpace { return true }
            previousSpace = true
            continue
        case 0x09...0x0D: return true
        // Lead bytes of the other spaces (U+0085, U+00A0, U+1680, U+2000…, U+3000, U+FEFF).
        case 0xC2, 0xE1, 0xE2, 0xE3, 0xEF:
            if isFoldableSpace(UTF8Scalars.decode(bytes, at: index).value) { return true }
        default: break
        }
        previousSpace = false
    }
    return false
}

/// 1 when the byte is an ASCII control space or may start a white space other than the space,
/// else 0: written without branches, so that the loop it is in vectorises.
@inlinable
func spaceLead(_ byte: UInt8) -> UInt8 {
    (byte &- 0x09 < 5 ? 1 : 0) | (byte == 0xC2 ? 1 : 0) | (byte &- 0xE1 < 3 ? 1 : 0) | (byte == 0xEF ? 1 : 0)
}

/// White space as scraped text has it: ASCII spaces and controls, NBSP, the Unicode spaces,
/// zero-width space and BOM. A table test, not a Unicode property look-up: readers call it on
/// every character.
@inlinable
public func isFoldableSpace(_ value: UInt32) -> Bool {
    if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
    switch value {
    case 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
    default: return false
    }
}

extension StringProtocol {
    /// The text with every run of white space (see `isFoldableSpace`) folded to one space, ends trimmed.
    /// Readers call it on every line, so it works on UTF-8 bytes.
    public func foldingWhitespace() -> String {
        UTF8Scalars.withBytes(self) { bytes in
            if !needsWhitespaceFolding(bytes) { return String(self) }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                var pending = false
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        index += 1
                        if byte == 0x20 || (0x09...0x0D).contains(byte) {
                            pending = count > 0
                            continue
                        }
                        if pending { out[count] = 0x20; count += 1; pending = false }
                        out[count] = byte
                        count += 1
                        continue
                    }
                    let (value, length) = UTF8Scalars.decode(bytes, at: index)
                    if isFoldableSpace(value) {
                        pending = count > 0
                    } else {
                        if pending { out[count] = 0x20; count += 1; pending = false }
                        for offset in 0..<length { out[count + offset] = bytes[index + offset] }
                        count += length
                    }
                    index += length
                }
                return count
            }
        }
    }
}
