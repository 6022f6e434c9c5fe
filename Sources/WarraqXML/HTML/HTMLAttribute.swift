/// The attributes the reader looks at, numbered; the parser copies no others.
enum HTMLAttribute {
    /// Most often asked for first.
    static let names = [
        "class", "id", "role", "hidden", "aria-hidden", "href", "src", "data-src", "datetime", "content", "property",
        "name", "itemprop", "rel", "lang",
    ]
    private static let bytes = names.map { Array($0.utf8) }

    /// Lengths first: comparing small strings' lengths costs a fraction of comparing the strings.
    static func number(_ name: String) -> UInt8? {
        let length = name.utf8.count
        for (number, candidate) in names.enumerated() where candidate.utf8.count == length && candidate == name { return UInt8(number) }
        return nil
    }

    private static let byName = NameTable(names.enumerated().map { (name: $0.element, value: UInt8($0.offset)) })

    /// The number of a NUL-terminated name as libxml2 gives it.
    static func number(_ name: UnsafePointer<UInt8>) -> UInt8? { byName.value(name) }

    /// The number of a name as a page spells it, in any case (the ASCII letters folded).
    static func number(anyCase name: Slice<UnsafeBufferPointer<UInt8>>) -> UInt8? {
        for (number, candidate) in bytes.enumerated() where candidate.count == name.count {
            if zip(candidate, name).allSatisfy({ $0 == $1 | 0x20 }) { return UInt8(number) }
        }
        return nil
    }
}
