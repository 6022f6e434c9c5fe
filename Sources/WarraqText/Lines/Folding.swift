import WarraqCore

/// Folds text for matching phrases: tatweel and Arabic diacritics dropped, hamza forms of alef
/// read as bare alef, alef maqsura as yeh, teh marbuta as heh, Arabic-Indic and Persian digits as
/// ASCII, Latin lower-cased, every run of white space (NBSP included) one space, ends trimmed.
/// Matching on folded text lets one phrase list cover the ways the same word is typed.
enum Folding {
    static func fold(_ text: some StringProtocol) -> String {
        UTF8Scalars.withBytes(text) { bytes in withFold(bytes, limit: .max) { folded, _ in string(folded) } }
    }

    /// Folded bytes as a string, copied without validating them again: a fold of valid UTF-8
    /// is valid, and the standard library's check of Arabic text costs more than the fold.
    static func string(_ folded: UnsafeBufferPointer<UInt8>) -> String {
        unsafe String(copying: UTF8Span(unchecked: folded.span))
    }

    /// Runs `body` on the fold of valid UTF-8 `bytes`, stopped once it holds at least `limit`
    /// bytes (whole scalars), and how many of `bytes` it folds (all of them when it is whole):
    /// folded in a scratch buffer, so that no string is made for what a look-up reads only a
    /// few bytes of.
    static func withFold<Result>(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int, _ body: (_ folded: UnsafeBufferPointer<UInt8>, _ read: Int) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity(bytes.count, limit: limit)) { out in
            let (count, read) = write(bytes, limit: limit, into: out)
            return body(UnsafeBufferPointer(rebasing: out[..<count]), read)
        }
    }

    /// The bytes `write` may put out: lower-casing may lengthen a scalar (İ → i̇), by half at
    /// most; past `limit` comes at most one scalar's lower case and a space, and `write` may
    /// write a byte past what it puts out.
    private static func capacity(_ count: Int, limit: Int) -> Int {
        limit >= count * 2 ? count * 2 + 4 : limit + 16
    }

    /// What folding does with a scalar.
    private enum Change: UInt8 {
        case kept, space, vanishes, alef, yeh, heh, digit, asciiUpper, upper
    }

    /// The fold's rules, for any scalar.
    private static func change(_ v: UInt32) -> Change {
        if isSpace(v) { return .space }
        if vanishes(v) { return .vanishes }
        switch v {
        case 0x0622, 0x0623, 0x0625, 0x0671: return .alef
        case 0x0649: return .yeh
        case 0x0629: return .heh
        case 0x0660...0x0669, 0x06F0...0x06F9: return .digit
        case 0x41...0x5A: return .asciiUpper
        case 0...0x7F, 0x0590...0x08FF, 0x2000...0x206F, 0x3000...0x9FFF:
            // ASCII, the Hebrew-to-Arabic blocks, general punctuation (curly quotes)
            // and CJK have no upper case.
            return .kept
        default:
            return Unicode.Scalar(v)!.properties.isUppercase ? .upper : .kept
        }
    }

    /// The fold of a scalar of one or two UTF-8 bytes (ASCII and most of an Arabic or Latin
    /// line's): `count` bytes, `first` then `second` (both written, `count` kept), or when
    /// `count` is 0 the change that puts out no bytes looked up (a space, nothing, a lower case
    /// to work out; for a longer scalar, made as it is met, also its bytes kept).
    private struct ShortFold {
        var first: UInt8 = 0
        var second: UInt8 = 0
        var count: UInt8 = 0
        var change: Change

        init(_ first: UInt8, _ second: UInt8? = nil) {
            self.first = first
            self.second = second ?? 0
            count = second == nil ? 1 : 2
            change = .kept
        }

        init(_ change: Change) { self.change = change }
    }

    /// The folds of U+0000…U+07FF, looked up instead of worked out: made by `change` itself.
    private static let shortFolds: [ShortFold] = (0..<0x800).map { value in
        let v = UInt32(value)
        switch change(v) {
        case .kept: return v < 0x80 ? ShortFold(UInt8(v)) : ShortFold(UInt8(0xC0 | v >> 6), UInt8(0x80 | v & 0x3F))
        case .alef: return ShortFold(0xD8, 0xA7)
        case .yeh: return ShortFold(0xD9, 0x8A)
        case .heh: return ShortFold(0xD9, 0x87)
        case .digit: return ShortFold(0x30 + UInt8(v & 0xF))
        case .asciiUpper: return ShortFold(UInt8(v) + 0x20)
        case let other: return ShortFold(other)
        }
    }

    /// Writes the fold of `bytes` into `out` (of `capacity` bytes), stopping once it holds at
    /// least `limit` bytes; returns the bytes written and how many of `bytes` were folded.
    private static func write(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int, into out: UnsafeMutableBufferPointer<UInt8>) -> (count: Int, read: Int) {
        shortFolds.withUnsafeBufferPointer { shortFolds in
            var count = 0
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                guard count < limit else { return (count, index) }
                let start = index
                let (value, length) = UTF8Scalars.decode(bytes, at: index)
                index &+= length
                let fold = value < 0x800 ? shortFolds[Int(value)] : ShortFold(change(value))
                if fold.change == .space || fold.change == .vanishes {
                    // A space copied with the text before it is owed only if a scalar is put next.
                    if count > 0, out[count &- 1] == 0x20 {
                        count &-= 1
                        pendingSpace = true
                    }
                    if fold.change == .space { pendingSpace = count > 0 }
                    continue
                }
                if pendingSpace {
                    out[count] = 0x20
                    count &+= 1
                    pendingSpace = false
                }
                if fold.count != 0 {
                    out[count] = fold.first
                    out[count &+ 1] = fold.second
                    count &+= Int(fold.count)
                } else if fold.change == .upper {
                    count = writeLowercase(of: value, into: out, at: count)
                } else {
                    // Kept: the other changes are of scalars of two bytes at most, looked up.
                    for offset in start..<index { out[count] = bytes[offset]; count &+= 1 }
                }
                // No space is owed after a scalar put: what follows (most of a line) is copied
                // as it is up to a scalar `mayChange` finds, and such scalars that are looked
                // up put in place, in a loop of their own with no more to track.
                while index < bytes.count, count < limit {
                    let room = limit &- count
                    // Past `room` only the rest of the scalar that reaches it is copied.
                    let window = bytes.count &- index &- 3 <= room ? bytes.count : index &+ room &+ 3
                    // Bytes too few for one whole vector of the test are looked up: the
                    // walk's tail alone would cost more.
                    let run = window &- index >= 17 ? unchangedCount(UnsafeBufferPointer(rebasing: bytes[index..<window])) : 0
                    if run > 0 {
                        var end = index &+ Swift.min(run, room)
                        while end < window, bytes[end] & 0xC0 == 0x80 { end &+= 1 }
                        // A space where the limit stops the copy is left to the loop above.
                        if count &+ (end &- index) >= limit, bytes[end &- 1] == 0x20 { end &-= 1 }
                        UnsafeMutableRawPointer(out.baseAddress! + count).copyMemory(from: bytes.baseAddress! + index, byteCount: end &- index)
                        count &+= end &- index
                        let isWhole = end == index &+ run
                        index = end
                        guard isWhole else { break }
                        continue
                    }
                    let lead = bytes[index]
                    guard lead < 0xE0 else { break }
                    let isShort = lead < 0x80
                    let fold = shortFolds[isShort ? Int(lead) : Int(lead & 0x1F) << 6 | Int(bytes[index &+ 1] & 0x3F)]
                    guard fold.count != 0 else { break }
                    index &+= isShort ? 1 : 2
                    out[count] = fold.first
                    out[count &+ 1] = fold.second
                    count &+= Int(fold.count)
                }
            }
            // A space copied at the end is owed to no scalar.
            if count > 0, out[count &- 1] == 0x20 { count &-= 1 }
            return (count, index)
        }
    }

    /// How many bytes `bytes` starts with that folding keeps as they are: those before the
    /// first that `mayChange` finds. Kept out of line, so that the test is inlined in the
    /// walk's loop, its constants loaded once.
    @inline(never)
    private static func unchangedCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = bytes.count
        _ = ByteVectors.contains(bytes) { byte, next in
            mayChange(byte, next: next)
        } accepting: { index in
            count = index
            return true
        }
        return count
    }

    /// Lanes of bytes that start a scalar folding may change, or white space to fold: ASCII
    /// controls and capitals, a space before a space, the Arabic pairs `shortFolds` changes
    /// (hamza forms of alef, teh marbuta, alef maqsura, tatweel, diacritics, digits) and every
    /// lead byte but those of the Arabic block. Never a continuation byte, so that the text
    /// between two is whole scalars, kept as they are: a single space stays one.
    @inline(__always)
    private static func mayChange(_ byte: ByteVectors.Vector, next: ByteVectors.Vector) -> ByteVectors.Lanes {
        let control = byte .< .splat(0x20)
        let doubleSpace = (byte .== .splat(0x20)) .& (next .== .splat(0x20))
        let capital = (byte &- .splat(0x41)) .< .splat(26)
        let otherLead = (byte .>= .splat(0xC0)) .& ((byte & .splat(0xFC)) .!= .splat(0xD8))
        // U+0610…U+061A, U+0622, U+0623, U+0625, U+0629.
        let d8 = (byte .== .splat(0xD8)) .& (((next &- .splat(0x90)) .< .splat(11)) .| ((next | .splat(1)) .== .splat(0xA3))
            .| (next .== .splat(0xA5)) .| (next .== .splat(0xA9)))
        // U+0640, U+0649, U+064B…U+0669, U+0670, U+0671.
        let d9 = (byte .== .splat(0xD9)) .& ((next .== .splat(0x80)) .| (next .== .splat(0x89))
            .| ((next &- .splat(0x8B)) .< .splat(31)) .| ((next & .splat(0xFE)) .== .splat(0xB0)))
        // U+06F0…U+06F9.
        let db = (byte .== .splat(0xDB)) .& ((next &- .splat(0xB0)) .< .splat(10))
        return control .| doubleSpace .| capital .| otherLead .| d8 .| d9 .| db
    }

    /// Writes the lower case of `value` into `out` from `count`; returns the new count. Kept
    /// out of line: the Unicode property look-up costs `write` a frame it seldom needs.
    @inline(never)
    private static func writeLowercase(of value: UInt32, into out: UnsafeMutableBufferPointer<UInt8>, at count: Int) -> Int {
        var count = count
        for byte in Unicode.Scalar(value)!.properties.lowercaseMapping.utf8 {
            out[count] = byte
            count += 1
        }
        return count
    }

    /// Scalars folding reads as a space: white space and the joiner and direction marks.
    static func isSpace(_ v: UInt32) -> Bool {
        isFoldableSpace(v) || v == 0x200C || v == 0x200F || v == 0x200E
    }

    /// Scalars folding drops: tatweel and Arabic diacritics.
    static func vanishes(_ v: UInt32) -> Bool {
        v == 0x0640 || (0x064B...0x065F).contains(v) || v == 0x0670 || (0x0610...0x061A).contains(v)
    }
}

/// A list of phrases, folded once, matched against folded lines (the classifier compiles its
/// lists into a `PhraseIndex`).
struct PhraseList: Sendable {
    private(set) var phrases: [String] = []
    /// The byte length of the longest phrase, 0 for an empty list.
    var longest: Int { phrases.first?.utf8.count ?? 0 }

    init(_ phrases: [String] = []) { add(phrases) }

    mutating func add(_ more: [String]) {
        phrases += more.map(Folding.fold).filter { !$0.isEmpty }
        // Longest first; sorted on UTF-8 bytes, since `Character` counts and `String`'s `<`
        // made this most of the built-in profile's load time.
        phrases = Array(Set(phrases)).sorted {
            $0.utf8.count != $1.utf8.count ? $0.utf8.count > $1.utf8.count : $0.utf8.lexicographicallyPrecedes($1.utf8)
        }
    }

    /// Whether the folded line is one of the phrases, compared byte for byte: both sides are
    /// folded the same way, and `String`'s Unicode-aware `==` was the classifier's top cost.
    func contains(_ folded: some StringProtocol) -> Bool {
        let count = folded.utf8.count
        return phrases.contains { $0.utf8.count == count && $0.utf8.elementsEqual(folded.utf8) }
    }

    /// Whether `text`, folded, is one of the phrases: folded on the stack and compared there,
    /// where `contains(Folding.fold(text))` makes a string of every name it asks about.
    func contains(folding text: some StringProtocol) -> Bool {
        UTF8Scalars.withBytes(text) { bytes in
            Folding.withFold(bytes, limit: .max) { folded, _ in
                phrases.contains { $0.utf8.count == folded.count && ByteSearch.hasPrefix(folded, $0) }
            }
        }
    }
}
