import WarraqCore

extension UTF8Scalars {
    /// The scalar at `index` of valid UTF-8, moving `index` past it: the step of the scans that
    /// read every scalar of a text. Wrapping adds, as an index within the text cannot overflow
    /// and the check would cost a branch per scalar.
    @inline(__always)
    static func next(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> UInt32 {
        let lead = bytes[index]
        if lead < 0x80 {
            index &+= 1
            return UInt32(lead)
        }
        let (value, length) = decode(bytes, at: index)
        index &+= length
        return value
    }
}
