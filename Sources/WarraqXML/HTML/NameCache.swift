/// What a name libxml2 hands over means, kept by the name's address: libxml2 hands over element
/// and attribute names from its parser's dictionary (or as static strings), so during one parse
/// an address always holds the same name, and a name is looked up once per slot instead of once
/// per element. Direct-mapped: a name whose slot another took is looked up again.
struct NameCache<Value> {
    private static var slots: Int { 256 }
    private var addresses = [UInt](repeating: 0, count: slots)
    private var values: [Value]

    init(placeholder: Value) {
        values = [Value](repeating: placeholder, count: Self.slots)
    }

    /// The value of the name at `name`, from `lookUp` the first time its slot sees it.
    mutating func value(_ name: UnsafePointer<UInt8>, _ lookUp: (UnsafePointer<UInt8>) -> Value) -> Value {
        let address = UInt(bitPattern: name)
        // Dictionary names lie a few bytes apart: the multiply spreads neighbours over the slots.
        let slot = Int(truncatingIfNeeded: (address &* 0x9E37_79B9_7F4A_7C15) >> 56)
        if addresses[slot] == address { return values[slot] }
        let value = lookUp(name)
        addresses[slot] = address
        values[slot] = value
        return value
    }
}
