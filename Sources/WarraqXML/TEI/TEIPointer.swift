/// A scraped address as a value for TEI's pointer attributes (`@target`, `@url`), which jing and
/// libxml2 check as `xsd:anyURI` and `@target` splits at white space. Scraped addresses carry
/// spaces, stray `%`, second `#`, brackets and ports that are not numbers; each is
/// percent-encoded per RFC 3986 so that the address keeps its meaning and passes both checkers.
enum TEIPointer {
    /// The address as an ASCII URI reference, or nil when nothing addressable is left (empty,
    /// or a scheme with nothing after it).
    static func uri(_ address: String?) -> String? {
        guard let address else { return nil }
        let bytes = Array(address.trimmingWhitespace().utf8)
        guard !bytes.isEmpty else { return nil }
        var rest = bytes[...]
        let scheme = schemePrefix(rest).map { String(decoding: $0, as: UTF8.self).lowercased() + ":" }
        var result = scheme ?? ""
        rest = rest.dropFirst(scheme?.utf8.count ?? 0)
        if rest.starts(with: Array("//".utf8)) {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex { $0 == ascii("/") || $0 == ascii("?") || $0 == ascii("#") } ?? rest.endIndex
            guard let authority = authority(rest[..<end]) else { return nil }
            result += "//" + authority
            rest = rest[end...]
        }
        let pathEnd = rest.firstIndex { $0 == ascii("?") || $0 == ascii("#") } ?? rest.endIndex
        var path = rest[..<pathEnd]
        if scheme == nil, !result.hasPrefix("//") {
            // Without a scheme, a colon in the first segment would read as one.
            let firstSegmentEnd = path.firstIndex(of: ascii("/")) ?? path.endIndex
            result += encode(path[..<firstSegmentEnd], keeping: isPathCharacter(colon: false))
            path = path[firstSegmentEnd...]
        }
        result += encode(path, keeping: isPathCharacter(colon: true))
        rest = rest[pathEnd...]
        if rest.first == ascii("?") {
            let queryEnd = rest.firstIndex(of: ascii("#")) ?? rest.endIndex
            result += "?" + encode(rest.dropFirst()[..<queryEnd], keeping: isQueryCharacter)
            rest = rest[queryEnd...]
        }
        if rest.first == ascii("#") {
            result += "#" + encode(rest.dropFirst(), keeping: isQueryCharacter)
        }
        if let scheme, ["", "//"].contains(result.dropFirst(scheme.count)) { return nil }
        return result
    }

    /// `http` in `http://…`: letters first, then letters, digits, `+`, `-`, `.`, before a colon
    /// that comes before any `/`, `?` or `#`.
    private static func schemePrefix(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        guard let colon = bytes.firstIndex(where: { !isSchemeCharacter($0) }), bytes[colon] == ascii(":"),
              let first = bytes.first, isLetter(first) else { return nil }
        return bytes[..<colon]
    }

    /// `user@host:port` with each part encoded; a port that is not a number stays part of the
    /// host name, encoded. Nil when there is a user or port but no host.
    private static func authority(_ bytes: ArraySlice<UInt8>) -> String? {
        var hostPart = bytes
        var userinfo = ""
        if let at = bytes.lastIndex(of: ascii("@")) {
            userinfo = encode(bytes[..<at], keeping: { isUnreserved($0) || isSubDelimiter($0) || $0 == ascii(":") }) + "@"
            hostPart = bytes[(at + 1)...]
        }
        var host = hostPart
        var port = ""
        if let colon = hostPart.lastIndex(of: ascii(":")), hostPart[(colon + 1)...].allSatisfy(isDigit),
           !hostPart[..<colon].contains(ascii("]")) || hostPart[colon - 1] == ascii("]") {
            // An empty port (`host:`) is dropped with its colon.
            port = colon + 1 < hostPart.endIndex ? String(decoding: hostPart[colon...], as: UTF8.self) : ""
            host = hostPart[..<colon]
        }
        let isIPLiteral = host.first == ascii("[") && host.last == ascii("]") && host.count > 2
            && host.dropFirst().dropLast().allSatisfy { isHexDigit($0) || $0 == ascii(":") || $0 == ascii(".") }
        let encodedHost = isIPLiteral ? String(decoding: host, as: UTF8.self) : encode(host, keeping: { isUnreserved($0) || isSubDelimiter($0) })
        if encodedHost.isEmpty && !(userinfo.isEmpty && port.isEmpty) { return nil }
        return userinfo + encodedHost + port
    }

    /// The bytes with every one `keeping` rejects percent-encoded; a `%` that starts a valid
    /// escape is kept, any other `%` becomes `%25`.
    private static func encode(_ bytes: ArraySlice<UInt8>, keeping: (UInt8) -> Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == ascii("%"), index + 2 < bytes.endIndex, isHexDigit(bytes[index + 1]), isHexDigit(bytes[index + 2]) {
                out.append(byte)
            } else if keeping(byte) && byte != ascii("%") {
                out.append(byte)
            } else {
                out += Array("%\(hexDigits[Int(byte >> 4)])\(hexDigits[Int(byte & 0xF)])".utf8)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF")

    private static func ascii(_ character: Unicode.Scalar) -> UInt8 { UInt8(character.value) }
    private static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    private static func isHexDigit(_ byte: UInt8) -> Bool { isDigit(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte) }
    private static func isSchemeCharacter(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) || "+-.".utf8.contains(byte) }
    private static func isUnreserved(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) || "-._~".utf8.contains(byte) }
    private static func isSubDelimiter(_ byte: UInt8) -> Bool { "!$&'()*+,;=".utf8.contains(byte) }

    /// RFC 3986 `pchar` and `/`; without `:` for the first segment of a reference with no scheme.
    private static func isPathCharacter(colon: Bool) -> (UInt8) -> Bool {
        { isUnreserved($0) || isSubDelimiter($0) || $0 == ascii("@") || $0 == ascii("/") || (colon && $0 == ascii(":")) }
    }

    private static func isQueryCharacter(_ byte: UInt8) -> Bool {
        isPathCharacter(colon: true)(byte) || byte == ascii("?")
    }
}
