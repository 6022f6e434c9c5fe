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
    /// For text nodes, the page lines their non-space text stands on; `none` for elements.
    private(set) var textLines: [TextLines] = []
    /// Per node, where its attributes start in `attributeNames` (`HTMLAttribute` numbers) and
    /// `attributeValues`; they end where the next node's start.
    private(set) var attributeStarts: [Int32] = []
    private(set) var attributeNames: [UInt8] = []
    private(set) var attributeValues: [String] = []
    /// All text, UTF-8, as libxml2 decoded it.
    private(set) var bytes: [UInt8] = []
    /// The page's last line that libxml2 read: its last line, unless it stopped reading early.
    var lastLine = 1
    /// The text of `<script type="application/ld+json">` elements.
    private(set) var jsonLD: [String] = []
    /// Non-space text bytes in each subtree, and those inside links.
    private(set) var textSize: [Int32] = []
    private(set) var linkSize: [Int32] = []

    var count: Int { tags.count }

    func attribute(_ node: Int, _ name: String) -> String? {
        HTMLAttribute.number(name).flatMap { attribute(node, $0) }
    }

    /// The value of the attribute numbered `wanted` (`HTMLAttribute`).
    func attribute(_ node: Int, _ wanted: UInt8) -> String? {
        let end = node + 1 < count ? Int(attributeStarts[node + 1]) : attributeNames.count
        for index in Int(attributeStarts[node])..<end where attributeNames[index] == wanted { return attributeValues[index] }
        return nil
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

    /// The page lines the text of `nodes` stands on; nil when it is all white space.
    func lines(of nodes: Range<Int>) -> LineRange? {
        var first = Int32.max, last: Int32 = 0
        for node in nodes where textLines[node].first > 0 {
            first = min(first, textLines[node].first)
            last = max(last, textLines[node].last)
        }
        return TextLines(first: last > 0 ? first : 0, last: last).range
    }

    // MARK: Building (by `HTMLTreeBuilder`)

    /// Adds an element as the last node, under `parent` (-1 for the root); returns its index.
    mutating func appendElement(_ tag: HTMLTag, parent: Int32) -> Int32 {
        let index = Int32(tags.count)
        tags.append(tag)
        parents.append(parent)
        textRanges.append(0..<0)
        textLines.append(.none)
        attributeStarts.append(Int32(attributeNames.count))
        return index
    }

    /// Gives the element added last an attribute (`HTMLAttribute` number).
    mutating func appendAttribute(_ number: UInt8, _ value: String) {
        attributeNames.append(number)
        attributeValues.append(value)
    }

    /// Adds text standing on `lines` under `parent`, or, `merging`, extends the text node added
    /// last (libxml2 hands long text over in pieces).
    mutating func appendText(_ text: UnsafeBufferPointer<UInt8>, lines: TextLines, parent: Int32, merging: Bool) {
        let start = Int32(bytes.count)
        bytes.append(contentsOf: text)
        if merging {
            textRanges[textRanges.count - 1] = textRanges[textRanges.count - 1].lowerBound..<Int32(bytes.count)
            textLines[textLines.count - 1] = textLines[textLines.count - 1].extended(by: lines)
            return
        }
        tags.append(.text)
        parents.append(parent)
        textRanges.append(start..<Int32(bytes.count))
        textLines.append(lines)
        attributeStarts.append(Int32(attributeNames.count))
    }

    mutating func appendJSONLD(_ text: String) { jsonLD.append(text) }

    mutating func reserveText(_ capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Sets where each subtree ends and sums text sizes, once every node is in. Children come
    /// after their parents, so one backward pass does both.
    mutating func finish() {
        ends = (0..<Int32(count)).map { $0 + 1 }
        textSize = [Int32](repeating: 0, count: count)
        linkSize = [Int32](repeating: 0, count: count)
        for index in stride(from: count - 1, through: 0, by: -1) {
            if tags[index] == .text {
                var size: Int32 = 0
                for offset in textRanges[index] where !FoldedText.isASCIISpace(bytes[Int(offset)]) { size += 1 }
                textSize[index] = size
            } else if tags[index] == .a {
                linkSize[index] = textSize[index]
            }
            let parent = Int(parents[index])
            if parent >= 0 {
                textSize[parent] += textSize[index]
                linkSize[parent] += linkSize[index]
                ends[parent] = max(ends[parent], ends[index])
            }
        }
    }
}

/// The first and last page line (1-based) holding a text node's non-space bytes, in 8 bytes;
/// zero for text that is all white space.
struct TextLines: Equatable {
    var first: Int32
    var last: Int32

    static let none = TextLines(first: 0, last: 0)

    var range: LineRange? { first > 0 ? LineRange(Int(first), Int(last)) : nil }

    /// These lines followed by `later`'s, which come after them in the page.
    func extended(by later: TextLines) -> TextLines {
        guard first > 0 else { return later }
        return later.first > 0 ? TextLines(first: first, last: later.last) : self
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
        var offset = Int(range.lowerBound)
        let end = Int(range.upperBound)
        while offset < end {
            if let space = spaceLength(bytes, offset, end) {
                pending = !utf8.isEmpty
                offset += space
                continue
            }
            // Characters up to the next space go in at once.
            let start = offset
            repeat {
                let byte = bytes[offset]
                offset = min(offset + (byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4), end)
            } while offset < end && spaceLength(bytes, offset, end) == nil
            if pending { utf8.append(0x20) }
            pending = false
            utf8.append(contentsOf: bytes[start..<offset])
        }
    }

    /// The length of the white space character at `offset`, or nil for another character.
    private func spaceLength(_ bytes: [UInt8], _ offset: Int, _ end: Int) -> Int? {
        let byte = bytes[offset]
        if Self.isASCIISpace(byte) { return 1 }
        guard byte >= 0xC2 else { return nil }
        let length = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
        return offset + length <= end && isWideSpace(bytes, offset, length) ? length : nil
    }

    private func isWideSpace(_ bytes: [UInt8], _ offset: Int, _ length: Int) -> Bool {
        var value = UInt32(bytes[offset]) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for index in 1..<length { value = value << 6 | UInt32(bytes[offset + index] & 0x3F) }
        return isFoldableSpace(value)
    }
}
