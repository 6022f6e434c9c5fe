import WarraqCore

/// A lone CR (old Mac line ends, stray bytes in scripts) ends a line for `LineReader` and for
/// editors, but libxml2 counts only LF: turned into LF before the parse, it keeps the lines
/// that removals record the lines everyone else numbers. CR LF stays as it is.
enum LoneCarriageReturns {
    static func replace(in page: inout [UInt8]) {
        let lone = page.withUnsafeBufferPointer { bytes in
            var lone: [Int] = []
            var index = 0
            while let found = ByteSearch.first(0x0D, in: bytes, from: index, before: bytes.count) {
                if found + 1 == bytes.count || bytes[found + 1] != 0x0A { lone.append(found) }
                index = found + 1
            }
            return lone
        }
        for offset in lone { page[offset] = 0x0A }
    }
}
