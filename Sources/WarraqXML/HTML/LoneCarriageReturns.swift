#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A lone CR (old Mac line ends, stray bytes in scripts) ends a line for `LineReader` and for
/// editors, but libxml2 counts only LF: turned into LF before the parse, it keeps the lines
/// that removals record the lines everyone else numbers. CR LF stays as it is.
enum LoneCarriageReturns {
    static func replace(in page: inout [UInt8]) {
        var lone: [Int] = []
        page.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            var index = 0
            while index < bytes.count, let found = memchr(base + index, 0x0D, bytes.count - index) {
                let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if offset + 1 == bytes.count || bytes[offset + 1] != 0x0A { lone.append(offset) }
                index = offset + 1
            }
        }
        for offset in lone { page[offset] = 0x0A }
    }
}
