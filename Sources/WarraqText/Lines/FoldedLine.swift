import WarraqCore

/// A line folded for phrase matching (see `Folding`) only as far as the matching looks. A long
/// paragraph, most of a dump's bytes, is matched on its first bytes (phrases it may start with)
/// and on its bare core (a whole-line phrase with marks around it), each folded only as far as
/// the phrase trie follows it, which for most lines is a byte or two; only short lines, which
/// may hold a phrase anywhere, are folded whole.
struct FoldedLine {
    /// The folded line, or when `isWhole` is false its first bytes: through the scalar that
    /// holds the first byte no phrase continues with, all that a prefix look-up reads.
    let head: String
    /// Whether `head` is the whole folded line.
    let isWhole: Bool
    /// The lists of `phrases` with a phrase the folded line starts with as whole words
    /// (`PhraseIndex.leading` over every list): one walk for all of the classifier's lists.
    let leading: PhraseIndex.Lists
    /// The lists of `phrases` that hold the folded line without the label marks around it
    /// (`LineClassifier.trimmingMarks`) as a phrase. That bare line is not kept: only these
    /// lists are asked of it.
    let holding: PhraseIndex.Lists

    /// A line folded whole: its bare line is a range of its bytes, not a slice of the string.
    init(whole folded: String, phrases: borrowing PhraseIndex) {
        head = folded
        isWhole = true
        (leading, holding) = UTF8Scalars.withBytes(folded) { bytes in
            (phrases.leading(bytes, in: ~0).lists, phrases.holding(UnsafeBufferPointer(rebasing: bytes[Self.bare(bytes)])))
        }
    }

    /// `text` folded whole, or when `whole` is false as far as the prefix and whole-line look-ups
    /// of `phrases` read it.
    init(_ text: String, whole: Bool, phrases: borrowing PhraseIndex) {
        guard !whole else {
            self.init(whole: Folding.fold(text), phrases: phrases)
            return
        }
        self = UTF8Scalars.withBytes(text) { bytes in
            let (head, isWhole, read, leading) = Self.folding(bytes, as: phrases) { folded, depth, read in
                let head = UnsafeBufferPointer(rebasing: folded[..<Self.scalarEnd(folded, holding: depth)])
                return (Folding.string(head), read == bytes.count && head.count == folded.count, read, phrases.leading(head, in: ~0).lists)
            }
            // Folding keeps label marks and drops or spaces out the rest of what trimming
            // passes over, so the bare line is the fold of the text between those. When that
            // text starts the line and the head's fold stopped inside it, the bare line's fold
            // would stop where the head's did, at a byte the trie has no path for: no phrase.
            let core = Self.core(bytes)
            let bare = core.lowerBound == 0 && read < core.upperBound ? nil
                : Self.folding(UnsafeBufferPointer(rebasing: bytes[core]), as: phrases) { folded, depth, _ in
                    depth < folded.count ? nil : LineClassifier.trimmingMarks(Folding.string(folded))
                }
            return FoldedLine(head: head, isWhole: isWhole, bare: bare, leading: leading, phrases: phrases)
        }
    }

    /// `bare` is the bare line, nil when it is no phrase of `phrases`, whose trie has no path for it.
    private init(head: String, isWhole: Bool, bare: Substring?, leading: PhraseIndex.Lists, phrases: borrowing PhraseIndex) {
        self.head = head
        self.isWhole = isWhole
        self.leading = leading
        holding = bare.map { bare in UTF8Scalars.withBytes(bare) { phrases.holding($0) } } ?? 0
    }

    /// Runs `body` on a fold of `bytes` long enough for the trie of `phrases` to lose its path
    /// (`PhraseIndex.depth`, given to `body`), or on the whole fold, and how many of `bytes` it
    /// folds: the fold's first bytes are folded first, more only when the trie follows them all.
    private static func folding<Result>(
        _ bytes: UnsafeBufferPointer<UInt8>, as phrases: borrowing PhraseIndex,
        _ body: (_ folded: UnsafeBufferPointer<UInt8>, _ depth: Int, _ read: Int) -> Result
    ) -> Result {
        var limit = 8
        while true {
            let done: Result? = Folding.withFold(bytes, limit: limit) { folded, read in
                let depth = phrases.depth(folded)
                return depth < folded.count || read == bytes.count ? body(folded, depth, read) : nil
            }
            if let done { return done }
            limit *= 4
        }
    }

    /// The end of the scalar of `folded` that holds the byte at `offset`, or the end of
    /// `folded` when `offset` is past it.
    private static func scalarEnd(_ folded: UnsafeBufferPointer<UInt8>, holding offset: Int) -> Int {
        guard offset < folded.count else { return folded.count }
        var end = offset + 1
        while end < folded.count, folded[end] & 0xC0 == 0x80 { end += 1 }
        return end
    }

    /// An ASCII or Arabic letter or digit: no label mark or space, and kept by folding. Most
    /// lines start and end with one, told without a look-up in `LineClassifier.labelMarks`.
    private static func isPlainLetter(_ value: UInt32) -> Bool {
        switch value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x0621...0x063A, 0x0641...0x064A: true
        default: false
        }
    }

    /// The bytes of a folded line without the label marks around it, as
    /// `LineClassifier.trimmingMarks` cuts it: all of them when it starts and ends with a plain
    /// letter (`isPlainLetter`), as most lines do, told without a look at the marks.
    static func bare(_ folded: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let framed = !folded.isEmpty && isPlainLetter(UTF8Scalars.decode(folded, at: 0).value)
            && isPlainLetter(UTF8Scalars.decode(folded, at: UTF8Scalars.start(before: folded.count, in: folded)).value)
        return framed ? 0..<folded.count : LineClassifier.trimmingMarks(folded)
    }

    /// The bytes from the first to the last scalar that folds to something other than label
    /// marks and spaces.
    private static func core(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        func isEdge(_ value: UInt32) -> Bool {
            !isPlainLetter(value) && (LineClassifier.isLabelMark(value) || Folding.isSpace(value) || Folding.vanishes(value))
        }
        return UTF8Scalars.trimmed(bytes, 0..<bytes.count, while: isEdge)
    }
}
