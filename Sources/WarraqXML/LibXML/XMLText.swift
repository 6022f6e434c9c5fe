import CLibXML2

/// Conversions between Swift strings and libxml2's `xmlChar` strings. Every libxml2 string that
/// Warraq owns is freed here, so callers never see `xmlFree`.
enum XMLText {
    /// A string libxml2 lent us (not to be freed), or nil.
    static func borrowed(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    /// A string libxml2 allocated for us: copied, then freed.
    static func owned(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        defer { warraq_xmlFree(pointer) }
        return String(cString: pointer)
    }

    /// Calls `body` with `string` as a NUL-terminated `xmlChar` pointer.
    static func with<R>(_ string: String, _ body: (UnsafePointer<xmlChar>) throws -> R) rethrows -> R {
        try string.withCString { try $0.withMemoryRebound(to: xmlChar.self, capacity: string.utf8.count + 1, body) }
    }
}
