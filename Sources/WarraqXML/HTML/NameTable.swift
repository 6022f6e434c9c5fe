/// Names looked up from the bytes libxml2 or the page hands over, without making a string per
/// lookup: a name's length and first and last bytes pick a bucket, mostly of one name or none,
/// and only the names in it are compared byte by byte.
struct NameTable<Value> {
    /// All names' bytes, one after another, and where each starts and ends.
    private let bytes: [UInt8]
    private let ranges: [Range<Int32>]
    private let values: [Value]
    /// Per bucket, its first entry, and per entry, the next in its bucket, in the entries'
    /// order (so the first of two entries with one name is found); -1 past the last.
    private let firsts: [Int16]
    private let nexts: [Int16]
    private let maximumLength: Int

    private static var bucketBits: UInt32 { 8 }

    init(_ entries: [(name: String, value: Value)]) {
        precondition(entries.count < Int(Int16.max), "a name table holds fewer than 32,767 names")
        var bytes: [UInt8] = []
        var ranges: [Range<Int32>] = []
        var firsts = [Int16](repeating: -1, count: 1 << Self.bucketBits)
        var lasts = firsts
        var nexts = [Int16](repeating: -1, count: entries.count)
        for (index, entry) in entries.enumerated() {
            let name = Array(entry.name.utf8)
            ranges.append(Int32(bytes.count)..<Int32(bytes.count + name.count))
            bytes += name
            let bucket = name.withUnsafeBufferPointer { Self.bucket($0, folding: 0) }
            if lasts[bucket] < 0 { firsts[bucket] = Int16(index) } else { nexts[Int(lasts[bucket])] = Int16(index) }
            lasts[bucket] = Int16(index)
        }
        self.bytes = bytes
        self.ranges = ranges
        self.values = entries.map(\.value)
        self.firsts = firsts
        self.nexts = nexts
        maximumLength = entries.map(\.name.utf8.count).max() ?? 0
    }

    /// A NUL-terminated name, as libxml2 gives it (lowercase).
    func value(_ name: UnsafePointer<UInt8>) -> Value? {
        var length = 0
        while name[length] != 0 {
            length += 1
            if length > maximumLength { return nil }
        }
        return value(UnsafeBufferPointer(start: name, count: length), folding: 0)
    }

    /// A name as a page spells it, its ASCII letters in any case (the table's names are
    /// lowercase letters, digits and `-`, which setting the 0x20 bit leaves alone).
    func value(anyCase name: UnsafeBufferPointer<UInt8>) -> Value? { value(name, folding: 0x20) }

    private func value(_ name: UnsafeBufferPointer<UInt8>, folding mask: UInt8) -> Value? {
        guard name.count <= maximumLength else { return nil }
        var entry = Int(firsts[Self.bucket(name, folding: mask)])
        while entry >= 0 {
            if matches(entry, name, folding: mask) { return values[entry] }
            entry = Int(nexts[entry])
        }
        return nil
    }

    private func matches(_ entry: Int, _ name: UnsafeBufferPointer<UInt8>, folding mask: UInt8) -> Bool {
        let range = ranges[entry]
        guard Int(range.upperBound - range.lowerBound) == name.count else { return false }
        return bytes.withUnsafeBufferPointer { bytes in
            var index = 0
            var offset = Int(range.lowerBound)
            while index < name.count {
                guard bytes[offset] == name[index] | mask else { return false }
                index &+= 1
                offset &+= 1
            }
            return true
        }
    }

    @inline(__always)
    private static func bucket(_ name: UnsafeBufferPointer<UInt8>, folding mask: UInt8) -> Int {
        var key = UInt32(truncatingIfNeeded: name.count) &<< 16
        if let first = name.first, let last = name.last { key |= UInt32(first | mask) &<< 8 | UInt32(last | mask) }
        return Int(truncatingIfNeeded: (key &* 0x9E37_79B1) &>> (32 - bucketBits))
    }
}

extension NameTable: Sendable where Value: Sendable {}
