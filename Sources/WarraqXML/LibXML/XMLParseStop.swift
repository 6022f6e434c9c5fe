import CLibXML2

/// libxml2's HTML parser, recovering, still gives up on some pages part-way (nested deeper than
/// 256 elements, a text node over 10 MB) and returns only what it had read, silently. This
/// reads the reason from libxml2's per-thread last error, so the reader can say so.
enum XMLParseStop {
    /// Call before parsing.
    static func reset() { xmlResetLastError() }

    /// Why the last parse on this thread stopped early, with its line; nil when it did not.
    static var reason: (line: Int, message: String)? {
        // A text node over the limit is reported as running out of memory, at error level.
        guard let error = xmlGetLastError(),
              error.pointee.level == XML_ERR_FATAL || error.pointee.code == XML_ERR_NO_MEMORY.rawValue
        else { return nil }
        let message = error.pointee.message.map { String(cString: $0).trimmingWhitespace() } ?? "libxml2 stopped"
        return (Int(error.pointee.line), message)
    }
}
