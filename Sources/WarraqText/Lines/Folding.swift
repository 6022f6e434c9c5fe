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
    /// bytes (whole scalars), and whether it is whole: folded in a scratch buffer, so that no
    /// string is made for what a look-up reads only a few bytes of.
    static func withFold<Result>(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int, _ body: (_ folded: UnsafeBufferPointer<UInt8>, _ isWhole: Bool) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity(bytes.count, limit: limit)) { out in
            let (count, isWhole) = write(bytes, limit: limit, into: out)
            return body(UnsafeBufferPointer(rebasing: out[..<count]), isWhole)
        }
    }

    /// The bytes `write` may put out: lower-casing may lengthen a scalar (İ → i̇), by half at
    /// most; past `limit` comes at most one scalar's lower case and a space.
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

    /// `change` of U+0000…U+07FF, the scalars of two UTF-8 bytes and fewer (ASCII and most
    /// of an Arabic or Latin line's), looked up instead of tested: made by `change` itself.
    private static let twoByteChanges: [Change] = (0..<0x800).map { change(UInt32($0)) }

    /// Writes the fold of `bytes` into `out` (of `capacity` bytes), stopping once it holds at
    /// least `limit` bytes; returns the bytes written and whether all of `bytes` was folded.
    private static func write(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int, into out: UnsafeMutableBufferPointer<UInt8>) -> (count: Int, isWhole: Bool) {
        twoByteChanges.withUnsafeBufferPointer { twoByteChanges in
            var isWhole = true
            var count = 0
            func put(_ byte: UInt8) {
                out[count] = byte
                count += 1
            }
            var pendingSpace = false
            func putPendingSpace() {
                if pendingSpace {
                    put(0x20)
                    pendingSpace = false
                }
            }
            var index = 0
            while index < bytes.count {
                if count >= limit {
                    isWhole = false
                    break
                }
                let start = index
                let lead = bytes[index]
                let v: UInt32
                let change: Change
                if lead < 0xE0 {
                    let length = lead < 0x80 ? 1 : 2
                    v = length == 1 ? UInt32(lead) : UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    change = twoByteChanges[Int(v)]
                    index += length
                    if change == .kept {
                        // Most scalars, kept as they are: their bytes put without the
                        // dispatch below.
                        putPendingSpace()
                        put(lead)
                        if length == 2 { put(bytes[start + 1]) }
                        continue
                    }
                } else {
                    let (value, length) = UTF8Scalars.decode(bytes, at: index)
                    v = value
                    change = Self.change(value)
                    index += length
                }
                switch change {
                case .space:
                    pendingSpace = count > 0
                    continue
                case .vanishes:
                    continue
                default:
                    break
                }
                putPendingSpace()
                switch change {
                case .alef: put(0xD8); put(0xA7)
                case .yeh: put(0xD9); put(0x8A)
                case .heh: put(0xD9); put(0x87)
                case .digit: put(0x30 + UInt8(v & 0xF))
                case .asciiUpper: put(lead + 0x20)
                case .upper: for byte in Unicode.Scalar(v)!.properties.lowercaseMapping.utf8 { put(byte) }
                case .kept, .space, .vanishes: for offset in start..<index { put(bytes[offset]) }
                }
            }
            return (count, isWhole)
        }
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
}
