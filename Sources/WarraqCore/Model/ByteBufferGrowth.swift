/// How the buffers written through their own pointers grow (JSON output, an HTML page being
/// rewritten, the HTML tree's columns): they exist because `Array.append` cost a call per piece,
/// and share this one rule.
public enum ByteBufferGrowth {
    /// Moves the first `count` values of `start` into a new buffer of at least `needed` values and
    /// at least twice `capacity`, frees the old one, and updates both.
    public static func grow<Element>(_ start: inout UnsafeMutablePointer<Element>, count: Int, capacity: inout Int, to needed: Int) {
        let larger = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<Element>.allocate(capacity: larger)
        moved.moveInitialize(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = larger
    }
}
