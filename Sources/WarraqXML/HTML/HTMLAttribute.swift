/// The attributes the reader looks at, numbered; the parser copies no others.
enum HTMLAttribute {
    /// Most often asked for first.
    static let names = [
        "class", "id", "role", "hidden", "aria-hidden", "href", "src", "data-src", "datetime", "content", "property",
        "name", "itemprop", "rel", "lang",
    ]

    /// The elements an attribute is read on, for those not read on every element: the parser
    /// keeps them, and `UnreadMarkup` leaves them in the page, on no others.
    private static let readOn: [String: [HTMLTag]] = [
        "href": [.a, .link], "src": [.img], "data-src": [.img], "datetime": [.time], "rel": [.link],
        "content": [.meta], "property": [.meta], "name": [.meta], "itemprop": [.meta],
    ]
    private static let elements = names.map { readOn[$0] }

    /// Lengths first: comparing small strings' lengths costs a fraction of comparing the strings.
    static func number(_ name: String) -> UInt8? {
        let length = name.utf8.count
        for (number, candidate) in names.enumerated() where candidate.utf8.count == length && candidate == name { return UInt8(number) }
        return nil
    }

    private static let byName = NameTable(names.enumerated().map { (name: $0.element, value: UInt8($0.offset)) })

    /// The number of a NUL-terminated name as libxml2 gives it.
    static func number(_ name: UnsafePointer<UInt8>) -> UInt8? { byName.value(name) }

    /// The number of a name as a page spells it, in any case.
    static func number(anyCase name: UnsafeBufferPointer<UInt8>) -> UInt8? { byName.value(anyCase: name) }

    /// Whether the reader reads attribute `number` on a `tag` element.
    static func isRead(_ number: UInt8, on tag: HTMLTag) -> Bool {
        elements[Int(number)].map { $0.contains(tag) } ?? true
    }
}
