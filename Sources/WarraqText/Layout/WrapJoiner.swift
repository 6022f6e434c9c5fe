import WarraqCore

/// One line as the reader judges it: a physical line, or the run of physical lines a text
/// browser wrapped out of one paragraph.
struct LogicalLine {
    var lines: LineRange
    /// The text with its spacing (wide gaps tell tickers and datelines apart), wrapped lines
    /// joined with one space (none between two East Asian wide characters).
    var raw: Substring
}

/// Text browsers (w3m, lynx) wrap every paragraph at one column; scrapers that copy page text do
/// not. The wrap column shows in the widths: many long lines stop just short of it. A line then
/// continues into the next one exactly when the next line's first word would not have fitted
/// after it, which tells a wrapped paragraph from a list of short lines.
///
/// The joiner streams: it holds the physical lines of the logical line it is building and
/// hands each one on when the next physical line does not continue it.
struct WrapJoiner {
    /// Lines narrower than this say nothing about a wrap column.
    static let longLine = 30
    /// How far below the wrap column a full line may stop (the next word was long).
    static let slack = 14
    /// Text browsers wrap at a screen's width; lines wider than this were never wrapped.
    static let maximumColumn = 250

    /// The wrap column (see `wrapColumn`), nil when lines are never joined.
    let column: Int?
    /// The first physical line of the logical line being built, and those that continue it:
    /// most logical lines are one physical line, which is held outside the array, so that
    /// line costs no append and no removal.
    private var first: (line: Substring, width: Int)?
    private var continued: [(line: Substring, width: Int)] = []
    private var runStart = 0

    init(column: Int?) { self.column = column }

    /// Non-blank logical lines of `lines` (1-based numbers), wrapped paragraphs joined.
    static func join(_ lines: [Substring]) -> [LogicalLine] {
        let widths = lines.map(width)
        var joiner = WrapJoiner(column: wrapColumn(lines, widths: widths))
        var out = lines.indices.compactMap { joiner.push(lines[$0], width: widths[$0], number: $0 + 1) }
        if let last = joiner.finish() { out.append(last) }
        return out
    }

    /// A line's width in columns, trailing spaces not counted, measured only up to one past
    /// `maximumColumn`: a wider line is compared with the wrap column only as wider.
    static func width(_ line: Substring) -> Int {
        // The empty lines between paragraphs, a third of a dump's, without opening their bytes.
        guard !line.isEmpty else { return 0 }
        // Most lines end in no space: their bytes are measured as they are, opened once.
        let untrimmed = UTF8Scalars.withBytes(line) { endsInSpace($0) ? nil : DisplayWidth.of($0, upTo: maximumColumn + 1) }
        return untrimmed ?? DisplayWidth.of(trimmingTrailingSpace(line), upTo: maximumColumn + 1)
    }

    /// Takes physical line `number`, `width` wide as `width(_:)` measures it; returns the
    /// logical line it closes, if any. A blank line is 0 wide there (its trailing white space
    /// is all of it), so a line wider than that is not blank.
    mutating func push(_ line: Substring, width: Int, number: Int) -> LogicalLine? {
        if let column, let last = continued.last ?? first, Self.continues(last.line, width: last.width, into: line, column: column) {
            continued.append((line, width))
            return nil
        }
        // Most empty lines follow a line closed already: there is nothing to finish.
        let closed = first == nil ? nil : finish()
        if width > 0 {
            first = (line, width)
            runStart = number
        }
        return closed
    }

    /// The logical line being built, if any.
    mutating func finish() -> LogicalLine? {
        guard let first else { return nil }
        self.first = nil
        guard !continued.isEmpty else { return LogicalLine(lines: LineRange(runStart, runStart), raw: first.line) }
        let logical = LogicalLine(lines: LineRange(runStart, runStart + continued.count), raw: Self.joined([first.line] + continued.map(\.line)))
        // Emptied from the end, keeping its storage: a new array for every wrapped paragraph
        // costs an allocation, and `removeAll(keepingCapacity:)` a generic subrange replacement.
        while !continued.isEmpty { continued.removeLast() }
        return logical
    }

    /// The column the text was wrapped at, or nil when it was not wrapped. Besides many long
    /// lines stopping just short of one column, most of those followed by more text must stop
    /// mid-sentence: paragraphs of similar length, one to a line, end with a full stop. Lines
    /// holding a link's address are left out.
    static func wrapColumn(_ lines: [Substring], widths: [Int]) -> Int? {
        // A link's address is a word too long to wrap: lynx lists every one at the end. The
        // long lines are counted by width (a sort costs more), those wider than any wrap
        // column together.
        var counts = [Int](repeating: 0, count: maximumColumn + 2)
        var long = 0
        for index in widths.indices where widths[index] >= longLine && !holdsLink(lines[index]) {
            counts[min(widths[index], maximumColumn + 1)] += 1
            long += 1
        }
        guard long >= 8 else { return nil }
        // The widest lines may be words too long to wrap (links); skip the top 2 %: the column
        // is the widest width that more than that many lines reach.
        var column = maximumColumn + 1
        var reaching = counts[column]
        while reaching <= long / 50 {
            column -= 1
            reaching += counts[column]
        }
        guard column <= maximumColumn, counts[(column - slack + 1)...column].reduce(0, +) * 4 >= long else { return nil }
        var followed = 0, midSentence = 0
        for index in widths.indices.dropLast() where widths[index] > column - slack && widths[index] <= column && widths[index + 1] > 0 {
            followed += 1
            if !TextShape.endsSentence(String(lines[index])) { midSentence += 1 }
        }
        return midSentence >= 3 && midSentence * 3 >= followed * 2 ? column : nil
    }

    /// `://`, looked for in every long line: a needle made once, not a pattern string opened
    /// for every line.
    private static let linkMark = ByteSearch.Needle("://")

    /// Whether `://` is in the line, found by `memchr`.
    private static func holdsLink(_ line: Substring) -> Bool { UTF8Scalars.withBytes(line) { linkMark.occurs(in: $0) } }

    private static func continues(_ line: Substring, width: Int, into next: Substring, column: Int) -> Bool {
        guard width > column - slack, !isBlank(next) else { return false }
        let body = droppingIndent(next)
        guard let first = body.unicodeScalars.first, !ListMarker.starts(body), indent(next) >= indent(line) else { return false }
        let wordWidth = DisplayWidth.isWide(first.value) ? 2 : firstWordWidth(body)
        return width + 1 + wordWidth > column
    }

    private static func joined(_ lines: [Substring]) -> Substring {
        var text = ""
        text.reserveCapacity(lines.reduce(lines.count) { $0 + $1.utf8.count })
        // The last scalar of `text`, read from the piece that ended it.
        var end: UInt32?
        for line in lines {
            let piece = text.isEmpty ? trimmingTrailingSpace(line) : trimmingTrailingSpace(droppingIndent(line))
            guard let (start, last) = UTF8Scalars.withBytes(piece, edgeScalars) else { continue }
            if let end, !(DisplayWidth.isWide(end) && DisplayWidth.isWide(start)) { text += " " }
            text += piece
            end = last
        }
        return Substring(text)
    }

    /// The first and the last scalar of `bytes`, nil when there are none.
    private static func edgeScalars(_ bytes: UnsafeBufferPointer<UInt8>) -> (first: UInt32, last: UInt32)? {
        guard !bytes.isEmpty else { return nil }
        return (UTF8Scalars.decode(bytes, at: 0).value, UTF8Scalars.decode(bytes, at: UTF8Scalars.start(before: bytes.count, in: bytes)).value)
    }

    /// The spaces and tabs that start the line, as `Character`s.
    static func indent(_ line: Substring) -> Int {
        indentBytes(line) ?? line.prefix { $0 == " " || $0 == "\t" }.count
    }

    /// The line without the spaces and tabs that start it, taken off as `Character`s.
    static func droppingIndent(_ line: Substring) -> Substring {
        guard let count = indentBytes(line) else { return line.drop { $0 == " " || $0 == "\t" } }
        return count == 0 ? line : line[line.utf8.index(line.startIndex, offsetBy: count)...]
    }

    /// The spaces and tabs that start the line, counted by bytes, each one `Character`; nil
    /// when a scalar follows them that may join the last into another `Character`.
    private static func indentBytes(_ line: Substring) -> Int? {
        UTF8Scalars.withBytes(line) { bytes in
            var count = 0
            while count < bytes.count, bytes[count] == 0x20 || bytes[count] == 0x09 { count += 1 }
            return count == 0 || startsCharacter(bytes, at: count) ? count : nil
        }
    }

    /// The width of the line's first word: its `Character`s up to the first that is a space.
    /// Read from the bytes up to the first space byte when that space is a `Character` of its
    /// own, which is known from the scalars beside it for most text.
    static func firstWordWidth(_ line: Substring) -> Int {
        let measured: Int? = UTF8Scalars.withBytes(line) { bytes in
            var end = 0
            while end < bytes.count, bytes[end] != 0x20 { end += 1 }
            guard end == bytes.count || (endsCharacter(bytes, before: end) && startsCharacter(bytes, at: end + 1)) else { return nil }
            return DisplayWidth.of(UnsafeBufferPointer(rebasing: bytes[..<end]), upTo: .max)
        }
        return measured ?? DisplayWidth.of(line.prefix { $0 != " " })
    }

    /// Whether a `Character` starts at `index`, after a space or tab: at the end, and before a
    /// scalar below U+0300 or an Arabic letter, none of which extends the one before it
    /// (Grapheme_Cluster_Break Other or Control). False for the scalars not told apart here.
    private static func startsCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index < bytes.count else { return true }
        let value = UTF8Scalars.decode(bytes, at: index).value
        return value < 0x300 || (0x621...0x64A).contains(value) || (0x671...0x6D3).contains(value)
    }

    /// Whether a `Character` ends before `index`, a space there: at the start, and after a
    /// scalar below U+0900 that is no Prepend (U+0600…0605, U+06DD, U+070F, U+0890, U+0891 and
    /// U+08E2 join what follows them). False for the scalars not told apart here.
    private static func endsCharacter(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> Bool {
        guard index > 0 else { return true }
        let value = UTF8Scalars.decode(bytes, at: UTF8Scalars.start(before: index, in: bytes)).value
        switch value {
        case 0x600...0x605, 0x6DD, 0x70F, 0x890, 0x891, 0x8E2: return false
        default: return value < 0x900
        }
    }

    /// Whether every scalar of the line is white space, read from its bytes.
    static func isBlank(_ line: Substring) -> Bool {
        // Most lines start with a letter: ASCII past the space, or a two-byte scalar past
        // U+00BF (lead C3…DF), none of which is white space.
        if let first = line.utf8.first, (0x21...0x7F).contains(first) || (0xC3...0xDF).contains(first) { return false }
        return UTF8Scalars.withBytes(line) { bytes in
            var index = 0
            while index < bytes.count {
                let (value, length) = UTF8Scalars.decode(bytes, at: index)
                guard isFoldableSpace(value) else { return false }
                index += length
            }
            return true
        }
    }

    private static func trimmingTrailingSpace(_ line: Substring) -> Substring {
        // A line whose last scalar is no space (most) ends in a `Character` that is none: it
        // is kept as it is without a `Character` walk.
        guard UTF8Scalars.withBytes(line, endsInSpace) else { return line }
        var end = line.endIndex
        while end > line.startIndex {
            let previous = line.index(before: end)
            guard line[previous].unicodeScalars.allSatisfy({ isFoldableSpace($0.value) }) else { break }
            end = previous
        }
        return line[..<end]
    }

    /// Whether the last scalar of `bytes` is white space. An ASCII last byte (a full stop, most
    /// often) is that scalar: the walk back to a lead is for the others.
    private static func endsInSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = bytes.last else { return false }
        if last < 0x80 { return isFoldableSpace(UInt32(last)) }
        return isFoldableSpace(UTF8Scalars.decode(bytes, at: UTF8Scalars.start(before: bytes.count, in: bytes)).value)
    }
}
