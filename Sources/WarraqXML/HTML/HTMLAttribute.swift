/// The attributes the reader looks at, numbered; the parser copies no others.
enum HTMLAttribute {
    /// Most often asked for first.
    static let names = [
        "class", "id", "role", "hidden", "aria-hidden", "href", "src", "data-src", "alt", "datetime", "content", "property",
        "name", "itemprop", "rel", "type", "lang", "style",
    ]
    private static let bytes = names.map { Array($0.utf8) }

    static func number(_ name: String) -> UInt8? { names.firstIndex(of: name).map(UInt8.init) }

    /// The number of a NUL-terminated name as libxml2 gives it.
    static func number(_ name: UnsafePointer<UInt8>) -> UInt8? {
        var length = 0
        while name[length] != 0 { length += 1 }
        for (number, candidate) in bytes.enumerated() where candidate.count == length && candidate[0] == name[0] {
            if (1..<length).allSatisfy({ candidate[$0] == name[$0] }) { return UInt8(number) }
        }
        return nil
    }
}
