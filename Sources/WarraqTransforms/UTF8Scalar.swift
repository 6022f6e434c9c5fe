/// The scalar that starts at `i` in UTF-8 that is known to be valid (a Swift string's), and
/// how many bytes it takes: the byte loops of the transforms decode with this one function.
@inline(__always)
func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, size: Int) {
    let b0 = bytes[i]
    if b0 < 0x80 { return (UInt32(b0), 1) }
    let size = b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
    var value = UInt32(b0) & (size == 2 ? 0x1F : size == 3 ? 0x0F : 0x07)
    for k in 1..<size { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
    return (value, size)
}
