import WarraqCore

/// Facts about a line's shape that do not depend on any language's words.
enum TextShape {
    /// Quotation marks that wrap titles in scrapes (`‘…’`, `“…”`, `«…»`).
    static let quotes: Set<Character> = ["\"", "'", "‘", "’", "“", "”", "«", "»", "„", "‹", "›", "`"]
    static let sentenceEnds: Set<Character> = [".", "!", "…", "۔", "。"]
    static let questionMarks: Set<Character> = ["?", "؟"]

    /// A text browser's stand-in for an image, icon or form field: `[logo]`, `[ ]`, `• [svg]`.
    static func isPlaceholder(_ text: String) -> Bool {
        guard UTF8Scalars.withBytes(text, { $0.last }) == UInt8(ascii: "]") else { return false }
        let body = ListMarker.item(Substring(text)) ?? Substring(text)
        guard body.hasPrefix("["), body.hasSuffix("]"), body.utf8.count <= 60 else { return false }
        return !body.dropFirst().dropLast().contains { $0 == "[" || $0 == "]" } && TextShape.wordCount(String(body)) <= 3
    }

    /// Whether two lines' texts are the same, byte for byte: lines are compared with their own
    /// echoes, printed alike, and `String`'s Unicode-aware `==` is slow on Arabic. Compared
    /// by `memcmp`: `elementsEqual` walks a byte at a time, and captions printed twice are long.
    static func same(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && UTF8Scalars.withBytes(a) { ByteSearch.hasPrefix($0, b) }
    }

    /// Words in space-folded text, counted on its bytes.
    static func wordCount(_ folded: String) -> Int {
        UTF8Scalars.withBytes(folded) { bytes in bytes.isEmpty ? 0 : spaces(in: bytes) + 1 }
    }

    /// The space bytes of `bytes`, sixteen at a time in a vector (the assembler counts the words
    /// of whole paragraphs): each lane counts its spaces, summed every 255 vectors, before a
    /// lane can overflow. The last bytes, and the whole of a short line (whose lanes' sum
    /// would cost more than the vectors save), are counted eight at a time.
    static func spaces(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        typealias Vector = SIMD16<UInt8>
        guard bytes.count >= 64 else { return ByteWords.count(bytes) { byte, _ in ByteWords.equal(byte, 0x20) } }
        var total = 0
        var lanes = Vector()
        var vectors = 0
        var index = 0
        while index + 16 <= bytes.count {
            let vector = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: Vector.self)
            lanes &+= Vector().replacing(with: 1, where: vector .== Vector(repeating: 0x20))
            index += 16
            vectors += 1
            if vectors == 255 {
                total += Int(SIMD16<UInt16>(truncatingIfNeeded: lanes).wrappedSum())
                (lanes, vectors) = (Vector(), 0)
            }
        }
        total += Int(SIMD16<UInt16>(truncatingIfNeeded: lanes).wrappedSum())
        return total + ByteWords.count(UnsafeBufferPointer(rebasing: bytes[index...])) { byte, _ in ByteWords.equal(byte, 0x20) }
    }

    /// True when the raw line has a run of two spaces (or an NBSP) somewhere: only then can it
    /// be headlines glued into a ticker.
    static func hasWideSpace(_ raw: Substring) -> Bool {
        UTF8Scalars.withBytes(raw) { bytes in
            ByteWords.count(bytes) { byte, previous in
                let space = ByteWords.equal(byte, 0x20) | ByteWords.equal(byte, 0x09)
                let previousSpace = ByteWords.equal(previous, 0x20) | ByteWords.equal(previous, 0x09)
                return ByteWords.equal(byte, 0xA0) | (space & previousSpace)
            } > 0
        }
    }

    /// Folds every run of white space (NBSP, tabs, zero-width spaces) to one space and trims.
    static func foldSpaces(_ text: Substring) -> String { text.foldingWhitespace() }

    /// The last visible character, closing quotes and brackets skipped.
    static func lastMeaningful<Text: StringProtocol>(_ text: Text) -> Character? {
        text.reversed().first { !quotes.contains($0) && $0 != ")" && $0 != "]" && !$0.isWhitespace }
    }

    static func endsSentence<Text: StringProtocol>(_ text: Text) -> Bool {
        if let end = plainEnd(text) { return isSentenceEnd(end) }
        guard let last = lastMeaningful(text) else { return false }
        return sentenceEnds.contains(last)
    }

    /// The scalars of `sentenceEnds`, `questionMarks`, `quotes`, and of what `lastMeaningful`
    /// passes over besides white space (quotes and closing brackets), as switches: hashing a
    /// scalar into a set cost a hundred instructions, asked at both ends of every line.
    static func isSentenceEnd(_ value: UInt32) -> Bool {
        switch value {
        case 0x21, 0x2E, 0x06D4, 0x2026, 0x3002: true
        default: false
        }
    }

    static func isQuestionMark(_ value: UInt32) -> Bool { value == 0x3F || value == 0x061F }

    static func isQuote(_ value: UInt32) -> Bool {
        switch value {
        case 0x22, 0x27, 0x60, 0xAB, 0xBB, 0x2018, 0x2019, 0x201C, 0x201D, 0x201E, 0x2039, 0x203A: true
        default: false
        }
    }

    static func isClosing(_ value: UInt32) -> Bool { isQuote(value) || value == 0x29 || value == 0x5D }

    /// The last scalar, read from the bytes, when it tells what `endsSentence` asks as the last
    /// meaningful character would: a letter or digit; another scalar that never joins a mark
    /// (`neverJoins`), is no sentence end and is not passed over (a prepended sign may make a
    /// longer character of it, but not a sentence end either); or a sentence end or question
    /// mark after a scalar that never joins (only a prepended sign joins such a mark to what
    /// precedes it). Closing marks and white space that stand alone are passed over first. Nil
    /// sends the caller to the `Character` walk, which most lines never need.
    private static func plainEnd<Text: StringProtocol>(_ text: Text) -> UInt32? {
        UTF8Scalars.withBytes(text) { bytes in
            var end = bytes.count
            while end > 0 {
                let lastStart = UTF8Scalars.start(before: end, in: bytes)
                let last = UTF8Scalars.decode(bytes, at: lastStart).value
                let before = lastStart > 0 ? UTF8Scalars.decode(bytes, at: UTF8Scalars.start(before: lastStart, in: bytes)).value : nil
                // A closing mark or white space after a scalar that never joins is a character of
                // its own, which `lastMeaningful` passes over: so is the walk, on the bytes.
                guard isClosing(last) || isWhiteSpaceProperty(last), let before, neverJoins(before) else {
                    return plainEnd(last: last, before: before)
                }
                end = lastStart
            }
            return nil
        }
    }

    /// `plainEnd` of a text ending in the scalar `last`, after `before` (nil at the start).
    private static func plainEnd(last: UInt32, before: UInt32?) -> UInt32? {
        if isPlain(last) { return last }
        let mark = isSentenceEnd(last) || isQuestionMark(last)
        if !mark, neverJoins(last), !isWhiteSpaceProperty(last), !isClosing(last) { return last }
        guard mark, let before else { return nil }
        return neverJoins(before) ? last : nil
    }

    /// ASCII letters and digits, Arabic letters and Arabic-Indic digits.
    private static func isPlain(_ value: UInt32) -> Bool {
        switch value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x0621...0x063A, 0x0641...0x064A, 0x0660...0x0669: true
        default: false
        }
    }

    /// Runs of two or more white space characters after some text, counted on bytes: a line
    /// with fewer gaps than a ticker needs is passed over before `wideSegments`.
    static func wideGaps(_ raw: Substring) -> Int {
        UTF8Scalars.withBytes(raw) { bytes in
            // Most lines space with the space alone: one walk, sixteen bytes at a time (the
            // lines that reach here are long), finds its pairs and any byte that may be other
            // white space (an ASCII control, a lead byte of other white space, tested loosely:
            // `& 0xDC` brings C2 and E1…E3, with C0, C1, C3 and E0, to C0); the first that is
            // sends the line to the scalar walk.
            var gaps = 0
            var runStart = -1
            var lastPair = -2
            // A run of pairs (a space with a space before it) with a byte of text on either side.
            func closeRun() {
                if runStart > 0, lastPair < bytes.count - 1 { gaps += 1 }
            }
            let otherSpace = ByteVectors.contains(bytes) { byte, next in
                let space = byte .== .splat(0x20)
                return (space .& (next .== .splat(0x20))) .| (byte .< .splat(0x0E)) .| (byte & .splat(0xDC) .== .splat(0xC0))
            } accepting: { index in
                let byte = bytes[index]
                guard byte == 0x20 else { return byte >= 0x09 && isWhiteSpaceProperty(UTF8Scalars.decode(bytes, at: index).value) }
                // The pair's second space; a run's pairs are consecutive.
                let pair = index + 1
                if pair != lastPair + 1 {
                    if runStart >= 0 { closeRun() }
                    runStart = pair - 1
                }
                lastPair = pair
                return false
            }
            if otherSpace { return scalarWideGaps(bytes) }
            if runStart >= 0 { closeRun() }
            return gaps
        }
    }

    /// `wideGaps` of a line with other white space than ASCII: runs of two or more white space
    /// scalars (zero-width space and BOM are none here) after some text and before more. Only
    /// the bytes that may start white space are decoded, found eight at a time; any other byte
    /// between two white space scalars is text.
    private static func scalarWideGaps(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var gaps = 0, spaces = 0, seenText = false
        // One past the last white space scalar: a white space further on has text before it.
        var runEnd = 0
        func text() {
            if spaces >= 2, seenText { gaps += 1 }
            spaces = 0
            seenText = true
        }
        _ = ByteWords.contains(bytes) { byte, _ in ByteWords.spaceLead(byte) | ByteWords.equal(byte, 0x20) } accepting: { index in
            let (value, length) = UTF8Scalars.decode(bytes, at: index)
            guard isWhiteSpaceProperty(value) else { return false }
            if index > runEnd { text() }
            spaces += 1
            runEnd = index + length
            return false
        }
        if bytes.count > runEnd { text() }
        return gaps
    }

    /// The segments between runs of two or more white space scalars in the raw line (tickers
    /// and menus glue many headlines into one line this way), each as its words and whether it
    /// ends a sentence, read as the segment with each single white space an ASCII space. Read
    /// on the bytes: only a segment whose end `plainEnd` cannot judge is made a string.
    static func wideSegments(_ raw: Substring) -> [(words: Int, endsSentence: Bool)] {
        UTF8Scalars.withBytes(raw) { bytes in
            var segments: [(words: Int, endsSentence: Bool)] = []
            // The open segment's bytes, words and last two scalars (a single space as 0x20).
            var start = -1, end = 0, words = 0
            var last: UInt32 = 0, before: UInt32? = nil
            func close() {
                let sentence = plainEnd(last: last, before: before).map(isSentenceEnd)
                    ?? endsSentence(segment(bytes, start..<end))
                segments.append((words, sentence))
            }
            var spaces = 0
            var index = 0
            while index < bytes.count {
                let (value, length) = UTF8Scalars.decode(bytes, at: index)
                defer { index += length }
                if isWhiteSpaceProperty(value) {
                    spaces += 1
                    continue
                }
                if spaces >= 2, start >= 0 {
                    close()
                    start = -1
                } else if spaces == 1, start >= 0 {
                    words += 1
                    (before, last) = (last, 0x20)
                }
                spaces = 0
                if start < 0 { (start, words, before) = (index, 1, nil) } else { before = last }
                last = value
                end = index + length
            }
            if start >= 0 { close() }
            return segments
        }
    }

    /// The bytes `range` of a raw line, each single white space scalar an ASCII space (the
    /// range holds no wider run).
    private static func segment(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var out: [UInt8] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let (value, length) = UTF8Scalars.decode(bytes, at: index)
            if isWhiteSpaceProperty(value) { out.append(0x20) } else { out += UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]) }
            index += length
        }
        return String(decoding: out, as: UTF8.self)
    }
}
