import WarraqCore

/// Phrase lists compiled into one byte trie whose nodes mark the lists with a phrase ending
/// there: a folded line is matched against every list in one walk of its bytes, which for most
/// lines stops after a byte or two, with no string made and no reference counted (the trie is
/// read through pointers into storage that `owner` keeps alive). It tells which lists have a
/// phrase the line starts with, is, or holds anywhere, as whole words (`ByteSearch.isBoundary`).
struct PhraseIndex: @unchecked Sendable {
    /// A set of lists, bit `n` for the `n`th list given to `init`.
    typealias Lists = UInt64

    private struct Node {
        /// The lists with a phrase that ends here.
        var ends: Lists = 0
        /// The lists with a phrase that ends here or further on.
        var below: Lists = 0
        /// The node's 256 children in `tables` (from `table << 8`), or -1 when they are its
        /// edges `firstEdge..<firstEdge + edgeCount` in `edges`.
        var table: Int32 = -1
        var firstEdge: Int32 = 0
        var edgeCount: Int32 = 0
    }

    private struct Edge {
        var byte: UInt8
        var node: Int32
    }

    /// Nodes with more children than this look them up in a table rather than their edges: the
    /// root, and the Arabic lead bytes with a letter after each.
    private static let tableFrom = 8

    /// Frees the trie's storage when the last copy of the index goes.
    private final class Owner: @unchecked Sendable {
        let nodes: UnsafeMutableBufferPointer<Node>
        let edges: UnsafeMutableBufferPointer<Edge>
        let tables: UnsafeMutableBufferPointer<Int32>
        let openings: UnsafeMutableBufferPointer<UInt64>

        init(nodes: [Node], edges: [Edge], tables: [Int32], openings: [UInt64]) {
            self.nodes = .allocate(capacity: nodes.count)
            _ = self.nodes.initialize(from: nodes)
            self.edges = .allocate(capacity: max(edges.count, 1))
            _ = self.edges.initialize(from: edges)
            self.tables = .allocate(capacity: tables.count)
            _ = self.tables.initialize(from: tables)
            self.openings = .allocate(capacity: openings.count)
            _ = self.openings.initialize(from: openings)
        }

        deinit {
            nodes.deallocate()
            edges.deallocate()
            tables.deallocate()
            openings.deallocate()
        }
    }

    private let owner: Owner
    private let nodes: UnsafeBufferPointer<Node>
    private let edges: UnsafeBufferPointer<Edge>
    private let tables: UnsafeBufferPointer<Int32>
    /// One bit for each pair of bytes a phrase of the lists searched anywhere may open with
    /// (bit `first << 8 | second`; a one-byte phrase sets every pair it opens), so that
    /// `occurring` walks the trie only from the few word starts where one may start.
    private let openings: UnsafeBufferPointer<UInt64>
    /// The lists `occurring` may be asked about.
    private let searchedAnywhere: Lists

    /// The lists, of which those in `searchedAnywhere` may be looked for anywhere in a line.
    /// Node 0 is the root, which is no node's child: a child of 0 is no child.
    init(_ lists: [PhraseList], searchedAnywhere: Lists) {
        precondition(lists.count <= Lists.bitWidth, "more phrase lists than an index holds")
        let built = Builder(lists)
        owner = Owner(nodes: built.nodes, edges: built.edges, tables: built.tables, openings: built.openings(of: searchedAnywhere))
        nodes = UnsafeBufferPointer(owner.nodes)
        edges = UnsafeBufferPointer(owner.edges)
        tables = UnsafeBufferPointer(owner.tables)
        openings = UnsafeBufferPointer(owner.openings)
        self.searchedAnywhere = searchedAnywhere
    }

    @inline(__always)
    private func child(of node: Int, _ byte: UInt8) -> Int {
        let found = nodes[node]
        if found.table >= 0 { return Int(tables[Int(found.table) << 8 | Int(byte)]) }
        var edge = Int(found.firstEdge)
        let end = edge + Int(found.edgeCount)
        while edge < end {
            if edges[edge].byte == byte { return Int(edges[edge].node) }
            edge += 1
        }
        return 0
    }

    /// The lists of `lists` with a phrase the folded line starts with as whole words, and the
    /// byte length of the longest such phrase (0 when there is none).
    func leading(_ line: UnsafeBufferPointer<UInt8>, in lists: Lists) -> (lists: Lists, longest: Int) {
        walk(line, from: 0, in: lists, longest: true)
    }

    /// The lists that hold the folded text as one of their phrases.
    func holding(_ text: UnsafeBufferPointer<UInt8>) -> Lists {
        var node = 0
        for byte in text {
            node = child(of: node, byte)
            guard node != 0 else { return 0 }
        }
        return nodes[node].ends
    }

    /// How many of the folded text's first bytes the trie follows from the root: the offset of
    /// the first byte that no phrase continues with, or the text's length. No look-up from the
    /// start reads past that byte but for the scalar it is in, and a text the trie does not
    /// follow to its end is no phrase.
    func depth(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var node = 0
        for offset in text.indices {
            node = child(of: node, text[offset])
            if node == 0 { return offset }
        }
        return text.count
    }

    /// The lists of `lists` (some of those searched anywhere) with a phrase anywhere in the
    /// folded line as whole words.
    func occurring(in line: UnsafeBufferPointer<UInt8>, in lists: Lists) -> Lists {
        precondition(lists & ~searchedAnywhere == 0, "a list not searched anywhere")
        var found: Lists = 0
        var start = 0
        // Whether the scalar before `start` is a letter or digit, after which no phrase stands
        // as whole words: the trie is tried only from the starts of scalars after no such one.
        var afterWord = false
        while start < line.count, found != lists {
            if afterWord {
                // The rest of the word's Arabic letters, passed over two bytes at a time.
                while start + 1 < line.count, Self.isArabicLetter(line[start], line[start + 1]) { start += 2 }
                guard start < line.count else { break }
            } else {
                let pair = Int(line[start]) << 8 | (start + 1 < line.count ? Int(line[start + 1]) : 0)
                if openings[pair >> 6] & 1 << (pair & 63) != 0, case let here = walk(line, from: start, in: lists & ~found, longest: false).lists {
                    found |= here
                }
            }
            let (value, length) = UTF8Scalars.decode(line, at: start)
            // Arabic letters first: most of what the lines hold.
            afterWord = (0x0621...0x064A).contains(value) || Self.isWordScalar(value)
            start += length
        }
        return found
    }

    /// The lists of `lists` with a phrase at `start` whose end is a word boundary, and the byte
    /// length of the longest such phrase; unless `longest` is asked for, a list found is not
    /// followed further.
    @inline(__always)
    private func walk(_ line: UnsafeBufferPointer<UInt8>, from start: Int, in lists: Lists, longest seeking: Bool) -> (lists: Lists, longest: Int) {
        var found: Lists = 0
        var longest = 0
        var node = 0
        var offset = start
        while offset < line.count {
            node = child(of: node, line[offset])
            offset += 1
            guard node != 0, nodes[node].below & (seeking ? lists : lists & ~found) != 0 else { break }
            let ending = nodes[node].ends & lists
            if ending != 0, Self.isBoundary(line, after: offset) {
                found |= ending
                longest = offset - start
            }
        }
        return (found, longest)
    }

    /// Whether the bytes `lead`, `next` of valid UTF-8 are a scalar of U+0621…U+064A, the
    /// Arabic letters `isWordScalar` tells first.
    @inline(__always)
    static func isArabicLetter(_ lead: UInt8, _ next: UInt8) -> Bool {
        lead == 0xD8 ? next >= 0xA1 : lead == 0xD9 && next <= 0x8A
    }

    /// `ByteSearch.isBoundary(_:after:)` on bytes: the scalar at `offset`, if any, is no letter or digit.
    @inline(__always)
    static func isBoundary(_ line: UnsafeBufferPointer<UInt8>, after offset: Int) -> Bool {
        offset >= line.count || !isWordScalar(UTF8Scalars.decode(line, at: offset).value)
    }

    /// A letter or digit as `ByteSearch` has it (alphabetic, or with a numeric type), ASCII,
    /// the Arabic letters and the marks between words of Arabic text (comma, semicolon, question
    /// mark, guillemets, general punctuation) answered without a property look-up, and so are
    /// the letters of the other scripts text-browser dumps are mostly in (Latin with accents,
    /// Cyrillic, CJK ideographs, kana, Hangul), whose look-ups cost hundreds of instructions each.
    @inline(__always)
    static func isWordScalar(_ value: UInt32) -> Bool {
        switch value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x0621...0x064A: true
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x024F, 0x0410...0x044F: true
        case 0x3041...0x3096, 0x30A1...0x30FA, 0x4E00...0x9FFF, 0xAC00...0xD7A3: true
        case 0..<0x80, 0xAB, 0xBB, 0x060C, 0x061B, 0x061F, 0x2000...0x206F: false
        default: hasWordProperties(value)
        }
    }

    /// The property look-up behind `isWordScalar`, kept out of line.
    private static func hasWordProperties(_ value: UInt32) -> Bool {
        let properties = Unicode.Scalar(value)!.properties
        return properties.isAlphabetic || properties.numericType != nil
    }
}

extension PhraseIndex {
    /// Builds the trie from the phrases sorted by their bytes: the phrases below a node are a
    /// run of the sorted list, so a node's children are found by scanning its run, and no node
    /// needs a list of its own while the trie is built.
    private struct Builder {
        /// Every list's phrases, one after another.
        private var bytes: [UInt8] = []
        /// Where each phrase is in `bytes`, and its list.
        private var phrases: [(start: Int, count: Int, list: Int)] = []
        private(set) var nodes: [Node] = []
        private(set) var edges: [Edge] = []
        private(set) var tables: [Int32] = []

        init(_ lists: [PhraseList]) {
            for (list, phrases) in lists.enumerated() {
                for var phrase in phrases.phrases {
                    phrase.withUTF8 { phrase in
                        self.phrases.append((bytes.count, phrase.count, list))
                        bytes += phrase
                    }
                }
            }
            bytes.withUnsafeBufferPointer { bytes in
                func slice(_ phrase: (start: Int, count: Int, list: Int)) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: bytes[phrase.start..<(phrase.start + phrase.count)])
                }
                phrases.sort { slice($0).lexicographicallyPrecedes(slice($1)) }
            }
            _ = add(0..<phrases.count, depth: 0)
        }

        /// The `PhraseIndex.openings` of `lists`, read off the first two levels of the trie.
        func openings(of lists: Lists) -> [UInt64] {
            var openings = [UInt64](repeating: 0, count: 1 << 10)
            func children(_ node: Int) -> [(byte: Int, node: Int)] {
                if nodes[node].table >= 0 {
                    let table = Int(nodes[node].table) << 8
                    return (0..<256).compactMap { tables[table + $0] == 0 ? nil : ($0, Int(tables[table + $0])) }
                }
                let first = Int(nodes[node].firstEdge)
                return edges[first..<(first + Int(nodes[node].edgeCount))].map { (Int($0.byte), Int($0.node)) }
            }
            for (first, node) in children(0) where nodes[node].below & lists != 0 {
                if nodes[node].ends & lists != 0 {
                    for word in (first << 2)..<((first + 1) << 2) { openings[word] = ~0 }
                }
                for (second, _) in children(node).filter({ nodes[$0.node].below & lists != 0 }) {
                    let pair = first << 8 | second
                    openings[pair >> 6] |= 1 << (pair & 63)
                }
            }
            return openings
        }

        /// The byte at `depth` of the phrase at `index`, which is longer.
        private func byte(_ index: Int, _ depth: Int) -> UInt8 { bytes[phrases[index].start + depth] }

        /// The end of the run of phrases from `start` that have the same byte at `depth`.
        private func runEnd(from start: Int, before end: Int, depth: Int) -> Int {
            var index = start + 1
            while index < end, byte(index, depth) == byte(start, depth) { index += 1 }
            return index
        }

        /// Adds the node of the phrases in `run`, which share their first `depth` bytes, and
        /// the nodes below it; returns its number.
        private mutating func add(_ run: Range<Int>, depth: Int) -> Int32 {
            let node = nodes.count
            nodes.append(Node())
            // A phrase that ends here sorts before the phrases it starts.
            var start = run.lowerBound
            while start < run.upperBound, phrases[start].count == depth {
                nodes[node].ends |= 1 << phrases[start].list
                start += 1
            }
            var children = 0
            var index = start
            while index < run.upperBound {
                index = runEnd(from: index, before: run.upperBound, depth: depth)
                children += 1
            }
            let inTable = node == 0 || children > PhraseIndex.tableFrom
            var slot: Int
            if inTable {
                nodes[node].table = Int32(tables.count >> 8)
                slot = tables.count
                tables += repeatElement(0, count: 256)
            } else {
                nodes[node].firstEdge = Int32(edges.count)
                nodes[node].edgeCount = Int32(children)
                slot = edges.count
                edges += repeatElement(Edge(byte: 0, node: 0), count: children)
            }
            var below = nodes[node].ends
            index = start
            while index < run.upperBound {
                let end = runEnd(from: index, before: run.upperBound, depth: depth)
                let byte = byte(index, depth)
                let child = add(index..<end, depth: depth + 1)
                below |= nodes[Int(child)].below
                if inTable {
                    tables[slot + Int(byte)] = child
                } else {
                    edges[slot] = Edge(byte: byte, node: child)
                    slot += 1
                }
                index = end
            }
            nodes[node].below = below
            return Int32(node)
        }
    }
}
