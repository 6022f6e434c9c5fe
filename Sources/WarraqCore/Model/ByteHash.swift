/// A hash of bytes taken eight at a time, each word multiplied in: for tables of a dump's lines
/// whose equal hashes are then compared byte for byte, so it only has to spread lines, not
/// resist collisions as `Hasher` (several times dearer per line) does. Hashing the bytes, not
/// the `String`, also skips the Unicode normalisation `String`'s hash does, slow on Arabic.
public enum ByteHash {
    public static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(bytes.count) &* multiplier
        var offset = 0
        func mix(_ word: UInt64) {
            hash = (hash ^ word) &* multiplier
            hash ^= hash >> 29
        }
        while offset + 8 <= bytes.count {
            mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            for index in offset..<bytes.count { tail = tail << 8 | UInt64(bytes[index]) }
            mix(tail)
        }
        return hash
    }
}
