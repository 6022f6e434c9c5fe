import WarraqCore

/// A parsed page as flat arrays in document (pre-)order: node `i`'s subtree is `i..<end[i]`, text
/// is bytes in one buffer, and text sizes are summed once per node. Extraction then walks
/// integers instead of objects, and no libxml2 pointer outlives the parse.
struct HTMLTree {
    private(set) var tags: [HTMLTag] = []
    private(set) var parents: [Int32] = []
    /// One past the node's last descendant.
    private(set) var ends: [Int32] = []
    /// For text nodes, their bytes in `bytes`; empty for elements.
    private(set) var textRanges: [Range<Int32>] = []
    /// For text nodes, the page line of their last byte; 0 for elements. Their other lines
    /// are counted back from it when asked for (`lines(of:)`), which is only for removed text.
    private(set) var textEndLines: [Int32] = []
    /// Per node, where its attributes start in `attributeNames` (`HTMLAttribute` numbers) and
    /// `attributeRanges`; they end where the next node's start.
    private(set) var attributeStarts: [Int32] = []
    private(set) var attributeNames: [UInt8] = []
    /// Each attribute's value, as bytes in `attributeBytes`: one buffer, not a string apiece,
    /// most of which extraction never reads.
    private(set) var attributeRanges: [Range<Int32>] = []
    private(set) var attributeBytes: [UInt8] = []
    /// All text, UTF-8, as libxml2 decoded it.
    private(set) var bytes: [UInt8] = []
    /// The page's last line that libxml2 read: its last line, unless it stopped reading early.
    var lastLine = 1
    /// The text of `<script type="application/ld+json">` elements.
    private(set) var jsonLD: [String] = []
    /// Non-space text bytes in each subtree.
    private(set) var textSize: [Int32] = []

    var count: Int { tags.count }

    func attribute(_ node: Int, _ name: String) -> String? {
        HTMLAttribute.number(name).flatMap { attribute(node, $0) }
    }

    /// The value of the attribute numbered `wanted` (`HTMLAttribute`).
    func attribute(_ node: Int, _ wanted: UInt8) -> String? {
        let end = node + 1 < count ? Int(attributeStarts[node + 1]) : attributeNames.count
        for index in Int(attributeStarts[node])..<end where attributeNames[index] == wanted { return Self.string(attributeBytes, attributeRanges[index]) }
        return nil
    }

    /// The attributes' values as strings, made when asked for.
    var attributeValues: AttributeValues { AttributeValues(ranges: attributeRanges, bytes: attributeBytes) }

    fileprivate static func string(_ bytes: [UInt8], _ range: Range<Int32>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[Int(range.lowerBound)..<Int(range.upperBound)]), as: UTF8.self) }
    }

    func end(_ node: Int) -> Int { Int(ends[node]) }
    func parent(_ node: Int) -> Int { Int(parents[node]) }

    /// Element nodes with `tag`, in document order, within `node`'s subtree (the whole page by default).
    func nodes(_ tag: HTMLTag, in node: Int = 0) -> [Int] {
        guard count > 0 else { return [] }
        return (node..<end(node)).filter { tags[$0] == tag }
    }

    /// The subtree's text, white space folded.
    func text(_ node: Int) -> String {
        var out = FoldedText()
        for index in node..<end(node) where tags[index] == .text { out.append(bytes, textRanges[index]) }
        return out.string
    }

    /// The page lines the non-space text of `nodes` (what `FoldedText` keeps) stands on; nil
    /// when it is all white space. A line break in a node's bytes is one in the page: the
    /// script stripper keeps them (only one written as a character reference, `&#10;`, is not).
    func lines(of nodes: Range<Int>) -> LineRange? {
        var lines: LineRange?
        bytes.withUnsafeBufferPointer { bytes in
            for node in nodes where tags[node] == .text {
                guard let own = Self.lines(of: bytes, Int(textRanges[node].lowerBound)..<Int(textRanges[node].upperBound), endLine: Int(textEndLines[node])) else { continue }
                lines = lines.map { $0.union(own) } ?? own
            }
        }
        return lines
    }

    private static func lines(of bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, endLine: Int) -> LineRange? {
        var first = range.lowerBound
        while first < range.upperBound, let length = spaceLength(bytes, at: first) { first += length }
        guard first < range.upperBound else { return nil }
        var last = UTF8Scalars.start(before: range.upperBound, in: bytes)
        while spaceLength(bytes, at: last) != nil { last = UTF8Scalars.start(before: last, in: bytes) }
        let lastLine = endLine - lineBreaks(in: bytes, last..<(range.upperBound - 1))
        return LineRange(lastLine - lineBreaks(in: bytes, first..<last), lastLine)
    }

    private static func lineBreaks(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        var index = range.lowerBound
        while let found = ByteSearch.first(0x0A, in: bytes, from: index, before: range.upperBound) {
            count += 1
            index = found + 1
        }
        return count
    }

    /// The length of the white space character (as `FoldedText` folds it) at `index`, or nil
    /// for another character.
    private static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let byte = bytes[index]
        if byte < 0x80 { return FoldedText.isASCIISpace(byte) ? 1 : nil }
        let (value, length) = UTF8Scalars.decode(bytes, at: index)
        return isFoldableSpace(value) ? length : nil
    }

    /// The bytes of `range` that are no ASCII space, eight at a time: most words of eight hold
    /// a space or two (Arabic words are a few two-byte letters), so the spaces are counted
    /// in the word rather than byte by byte.
    fileprivate static func nonSpaceCount(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int32>) -> Int {
        var offset = Int(range.lowerBound)
        let end = Int(range.upperBound)
        var count = 0
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        while offset + 8 <= end {
            count += 8 - spaceMask(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)).nonzeroBitCount
            offset += 8
        }
        for index in offset..<end where !FoldedText.isASCIISpace(bytes[index]) { count += 1 }
        return count
    }

    /// The high bit of each byte of `word` that is an ASCII space (`FoldedText.isASCIISpace`:
    /// 0x20 and 0x09–0x0D), and no other bit set.
    static func spaceMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high = ones &* 0x80
        let low = word & (ones &* 0x7F)
        // A byte's low seven bits plus 0x7F carry into its high bit unless they are all zero, so
        // after the xor only a 0x20 byte is left with no high bit.
        let other = word ^ (ones &* 0x20)
        let blank = ~(((other & (ones &* 0x7F)) &+ (ones &* 0x7F)) | other) & high
        // A byte below 0x80 whose low bits are above 8 (plus 0x77 they reach 0x80) and below
        // 14 (0x8D less them stays at 0x80 or above); neither sum carries into the next byte.
        let control = ((ones &* 0x8D) &- low) & ~word & (low &+ (ones &* 0x77)) & high
        return blank | control
    }
}

extension HTMLTree {
    /// A tree being built (by `HTMLTreeBuilder`), node by node in document order. Its columns
    /// grow through their own pointers, as `Array.append` checked uniqueness and capacity and
    /// copied through a call for each of the million and a half values the 118 dev pages add;
    /// `tree` makes them the tree's arrays once.
    struct Building: ~Copyable {
        private var tags: Column<HTMLTag>
        private var parents: Column<Int32>
        private var textStarts: Column<Int32>
        private var textEnds: Column<Int32>
        private var textEndLines: Column<Int32>
        private var attributeStarts: Column<Int32>
        private var attributeNames: Column<UInt8>
        private var attributeStartOffsets: Column<Int32>
        private var attributeEndOffsets: Column<Int32>
        private var attributeBytes: Column<UInt8>
        private var bytes: Column<UInt8>
        private var jsonLD: [String] = []

        /// Room for a page of `size` bytes, so that the columns seldom grow while it is read.
        /// `textSize` is the page's size before `UnreadMarkup` lifted text out of it, which
        /// comes back as text and attribute values.
        init(forPage size: Int, textSize: Int) {
            let nodes = size / 64
            tags = Column(capacity: nodes)
            parents = Column(capacity: nodes)
            textStarts = Column(capacity: nodes)
            textEnds = Column(capacity: nodes)
            textEndLines = Column(capacity: nodes)
            attributeStarts = Column(capacity: nodes)
            attributeNames = Column(capacity: nodes)
            attributeStartOffsets = Column(capacity: nodes)
            attributeEndOffsets = Column(capacity: nodes)
            attributeBytes = Column(capacity: textSize / 16)
            bytes = Column(capacity: textSize / 2)
        }

        var count: Int { tags.count }

        /// Adds an element as the last node, under `parent` (-1 for the root); returns its index.
        mutating func appendElement(_ tag: HTMLTag, parent: Int32) -> Int32 {
            let index = Int32(truncatingIfNeeded: tags.count)
            tags.append(tag)
            parents.append(parent)
            textStarts.append(0)
            textEnds.append(0)
            textEndLines.append(0)
            attributeStarts.append(Int32(truncatingIfNeeded: attributeNames.count))
            return index
        }

        /// Gives the element added last an attribute (`HTMLAttribute` number) with a value of UTF-8 bytes.
        mutating func appendAttribute(_ number: UInt8, _ value: UnsafeBufferPointer<UInt8>) {
            attributeNames.append(number)
            attributeStartOffsets.append(Int32(truncatingIfNeeded: attributeBytes.count))
            attributeBytes.append(contentsOf: value)
            attributeEndOffsets.append(Int32(truncatingIfNeeded: attributeBytes.count))
        }

        /// Adds text whose last byte is on page line `endLine` under `parent`, or, `merging`,
        /// extends the text node added last (libxml2 hands long text over in pieces).
        mutating func appendText(_ text: UnsafeBufferPointer<UInt8>, endLine: Int32, parent: Int32, merging: Bool) {
            let start = Int32(truncatingIfNeeded: bytes.count)
            bytes.append(contentsOf: text)
            let end = Int32(truncatingIfNeeded: bytes.count)
            if merging {
                textEnds.last = end
                textEndLines.last = endLine
                return
            }
            tags.append(.text)
            parents.append(parent)
            textStarts.append(start)
            textEnds.append(end)
            textEndLines.append(endLine)
            attributeStarts.append(Int32(truncatingIfNeeded: attributeNames.count))
        }

        mutating func appendJSONLD(_ text: String) { jsonLD.append(text) }

        /// The tree, with where each subtree ends and the text sizes summed. Children come
        /// after their parents, so one backward pass does both.
        func tree(lastLine: Int) -> HTMLTree {
            // The columns' offsets and indices are truncated as they are added, unchecked: a
            // page with more is stopped here, before anything is read from them.
            precondition(max(tags.count, bytes.count, attributeBytes.count) <= Int(Int32.max), "a page of over 2 GiB of text")
            var tree = HTMLTree()
            let count = tags.count
            var ends = [Int32](repeating: 0, count: count)
            var textSize = [Int32](repeating: 0, count: count)
            bytes.withBuffer { bytes in
                ends.withUnsafeMutableBufferPointer { ends in
                    textSize.withUnsafeMutableBufferPointer { textSize in
                        for index in stride(from: count - 1, through: 0, by: -1) {
                            let end = max(ends[index], Int32(truncatingIfNeeded: index + 1))
                            ends[index] = end
                            if tags[index] == .text {
                                textSize[index] += Int32(truncatingIfNeeded: HTMLTree.nonSpaceCount(bytes, textStarts[index]..<textEnds[index]))
                            }
                            let parent = Int(parents[index])
                            if parent >= 0 {
                                textSize[parent] += textSize[index]
                                ends[parent] = max(ends[parent], end)
                            }
                        }
                    }
                }
            }
            tree.tags = tags.array
            tree.parents = parents.array
            tree.ends = ends
            tree.textRanges = Self.ranges(textStarts, textEnds)
            tree.textEndLines = textEndLines.array
            tree.attributeStarts = attributeStarts.array
            tree.attributeNames = attributeNames.array
            tree.attributeRanges = Self.ranges(attributeStartOffsets, attributeEndOffsets)
            tree.attributeBytes = attributeBytes.array
            tree.bytes = bytes.array
            tree.jsonLD = jsonLD
            tree.textSize = textSize
            tree.lastLine = lastLine
            return tree
        }

        private static func ranges(_ starts: borrowing Column<Int32>, _ ends: borrowing Column<Int32>) -> [Range<Int32>] {
            [Range<Int32>](unsafeUninitializedCapacity: starts.count) { ranges, initialized in
                for index in 0..<starts.count { (ranges.baseAddress! + index).initialize(to: starts[index]..<ends[index]) }
                initialized = starts.count
            }
        }
    }
}

extension HTMLTree {
    /// The attributes' values, each a string when read: `attributeValues[index]` as the tree
    /// once stored them.
    struct AttributeValues: RandomAccessCollection, Equatable {
        fileprivate let ranges: [Range<Int32>]
        fileprivate let bytes: [UInt8]

        var startIndex: Int { 0 }
        var endIndex: Int { ranges.count }

        subscript(index: Int) -> String { HTMLTree.string(bytes, ranges[index]) }

        static func == (left: AttributeValues, right: AttributeValues) -> Bool { left.elementsEqual(right) }
    }
}

/// Text built from UTF-8 pieces with every run of white space folded to one space and the ends
/// trimmed, byte by byte (the white space of `isFoldableSpace`).
struct FoldedText {
    private(set) var utf8: [UInt8] = []
    private var pending = false

    static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    var isEmpty: Bool { utf8.isEmpty }
    var string: String { String(decoding: utf8, as: UTF8.self) }

    /// A break between pieces (a `<br>` or an element boundary): a space unless at the start.
    mutating func space() { pending = !utf8.isEmpty }

    mutating func append(_ bytes: [UInt8], _ range: Range<Int32>) {
        bytes.withUnsafeBufferPointer { append($0, Int(range.lowerBound)..<Int(range.upperBound)) }
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        var offset = range.lowerBound
        let end = range.upperBound
        while offset < end {
            if let space = spaceLength(bytes, offset, end) {
                pending = !utf8.isEmpty
                offset += space
                continue
            }
            // Characters up to the next space other than a lone one between words go in at once,
            // passed over a byte at a time up to one that can start a space.
            let start = offset
            offset += 1
            while offset < end {
                let byte = bytes[offset]
                if !Self.mayStartSpace[Int(byte)] {
                    offset += 1
                } else if byte == 0x20, offset + 1 < end, spaceLength(bytes, offset + 1, end) == nil {
                    offset += 2
                } else if spaceLength(bytes, offset, end) == nil {
                    offset += byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                } else {
                    break
                }
            }
            offset = min(offset, end)
            if pending { utf8.append(0x20) }
            pending = false
            utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<offset]))
        }
    }

    /// Per byte, whether a white space character can start with it: an ASCII space, or the
    /// lead byte of a wider one (four-byte ones taken as possible). Continuation bytes cannot.
    private static let mayStartSpace: [Bool] = (0...255).map { byte in
        switch byte {
        case 0..<0x80: isASCIISpace(UInt8(byte))
        case 0xC2...0xDF: (0..<64).contains { isFoldableSpace(UInt32(byte & 0x1F) << 6 | UInt32($0)) }
        case 0xE0...0xEF: (0..<4096).contains { isFoldableSpace(UInt32(byte & 0x0F) << 12 | UInt32($0)) }
        case 0xF0...: true
        default: false
        }
    }

    /// The length of the white space character at `offset`, or nil for another character.
    private func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, _ end: Int) -> Int? {
        let byte = bytes[offset]
        if Self.isASCIISpace(byte) { return 1 }
        guard byte >= 0xC2 else { return nil }
        let length = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
        return offset + length <= end && isWideSpace(bytes, offset, length) ? length : nil
    }

    private func isWideSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, _ length: Int) -> Bool {
        var value = UInt32(bytes[offset]) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for index in 1..<length { value = value << 6 | UInt32(bytes[offset + index] & 0x3F) }
        return isFoldableSpace(value)
    }
}
