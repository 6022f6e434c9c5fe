/// Class hints as a trie over the bytes words are made of (letters lowercased, digits): a word
/// of a class, id or role is read byte by byte once, collecting what every hint it starts with
/// (or, for a `$` hint, is) says, instead of being compared with each hint.
struct HintTrie: Sendable {
    /// What the hints matched by a word, or by several words, say.
    struct Marks: Sendable {
        static let noFurniture = Int32.max

        var isCaption = false
        var isContent = false
        /// The first furniture hint matched, by its place in the furniture list.
        var furniture = noFurniture

        /// The marks of both; of two furniture hints, the one listed first.
        mutating func add(_ other: Marks) {
            isCaption = isCaption || other.isCaption
            isContent = isContent || other.isContent
            furniture = min(furniture, other.furniture)
        }
    }

    /// The 36 bytes words are made of.
    private static let alphabet = 36
    private static let noSymbol: UInt8 = 0xFF

    /// A byte's place in the alphabet, capitals as small letters; `noSymbol` between words.
    /// Worked out rather than looked up: this runs per byte of every class, id and role.
    @inline(__always)
    private static func symbol(_ byte: UInt8) -> UInt8 {
        let letter = (byte | 0x20) &- UInt8(ascii: "a")
        if letter < 26 { return letter }
        let digit = byte &- UInt8(ascii: "0")
        return digit < 10 ? digit + 26 : noSymbol
    }

    /// State × symbol → the next state; 0 (the root, never entered again) where no hint goes on.
    private var next = [Int32](repeating: 0, count: alphabet)
    /// Per state, what the hints spelled on the way to it say of a word that starts with them
    /// (all of them, so that a word's walk reads marks only where it stops), and what the `$`
    /// hints spelled up to it say of a word that ends there.
    private var prefix = [Marks()]
    private var whole = [Marks()]
    /// Per state, the state before it; a state comes after its parent.
    private var parents: [Int32] = [0]

    /// Adds a hint: a word start, or with a final `$` a whole word. A hint with bytes no word is
    /// made of (capitals, `-`) can match no word and is left out.
    mutating func insert(_ hint: String, _ marks: Marks) {
        let isWhole = hint.hasSuffix("$")
        let bytes = Array(hint.utf8.dropLast(isWhole ? 1 : 0))
        guard !bytes.isEmpty, bytes.allSatisfy({ Self.isHintByte($0) }) else { return }
        var state = 0
        for byte in bytes {
            let slot = state * Self.alphabet + Int(Self.symbol(byte))
            if next[slot] == 0 {
                next[slot] = Int32(prefix.count)
                next += [Int32](repeating: 0, count: Self.alphabet)
                prefix.append(prefix[state])
                whole.append(Marks())
                parents.append(Int32(state))
            }
            state = Int(next[slot])
        }
        guard !isWhole else { return whole[state].add(marks) }
        // The hint's state and every state after it on a path through it.
        var onPath = [Bool](repeating: false, count: prefix.count)
        onPath[state] = true
        for later in state..<prefix.count where later == state || onPath[Int(parents[later])] {
            onPath[later] = true
            prefix[later].add(marks)
        }
    }

    private static func isHintByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// What the words of `names` say, words being the runs of letters and digits.
    func marks(of names: UnsafeBufferPointer<UInt8>) -> Marks {
        next.withUnsafeBufferPointer { next in
            prefix.withUnsafeBufferPointer { prefix in
                var found = Marks()
                var offset = 0
                while offset < names.count {
                    var symbol = Self.symbol(names[offset])
                    guard symbol != Self.noSymbol else {
                        offset += 1
                        continue
                    }
                    var state = 0
                    var inTrie = true
                    repeat {
                        if inTrie {
                            let following = Int(next[state * Self.alphabet + Int(symbol)])
                            if following == 0 {
                                inTrie = false
                            } else {
                                state = following
                            }
                        }
                        offset += 1
                        symbol = offset < names.count ? Self.symbol(names[offset]) : Self.noSymbol
                    } while symbol != Self.noSymbol
                    var word = prefix[state]
                    if inTrie { word.add(whole[state]) }
                    // Of the furniture words, the first in the names wins.
                    if found.furniture == Marks.noFurniture { found.furniture = word.furniture }
                    found.isCaption = found.isCaption || word.isCaption
                    found.isContent = found.isContent || word.isContent
                }
                return found
            }
        }
    }
}
