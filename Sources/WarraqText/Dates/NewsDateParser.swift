import WarraqCore

/// Finds a publication date in the forms news pages print, in Arabic, English and other
/// languages: `2016-12-16 15:24:14`, `21 / 07 / 2018`, `3rd, December 2024 GMT`,
/// `الجمعة 16 ديسمبر/كانون الأول 2016`, `١٢ كانون الثاني ٢٠٢٤`. Month names are data
/// (`Resources/months.yaml`, extendable by a profile).
public struct NewsDateParser: Sendable {
    /// A date found in a text.
    public struct Match: Sendable, Equatable {
        /// ISO 8601: `2024-12-03`, or `2016-12-16T15:24:14` when the text gives a time.
        public var iso: String
        /// How many leading words of the folded text the date spans (label words not counted).
        var wordCount: Int
        /// Words of the text before the date (a place, a weekday).
        var wordsBefore: Int
    }

    /// Month names by their first folded word, each with the words that follow it, longest first.
    private let months: [MonthKey: [(rest: [String], month: Int)]]
    /// A bit for each key of `months` (see `keyHint`), to pass most words over without making
    /// and hashing a string: hashing a non-ASCII string normalizes it first.
    private let monthKeyHints: [UInt64]

    /// A parser with the built-in month names.
    public static let standard = NewsDateParser(profile: .builtIn)

    init(profile: ScrapeProfile) {
        var months = [MonthKey: [(rest: [String], month: Int)]](minimumCapacity: profile.months.count)
        for (name, month) in profile.months {
            // Most names are one word: no space byte, so no " " to split at.
            let parts = name.isEmpty || name.utf8.contains(0x20) ? name.split(separator: " ").map(String.init) : [name]
            months[MonthKey(parts[0]), default: []].append((Array(parts.dropFirst()), month))
        }
        self.months = months.mapValues { $0.sorted { $0.rest.count > $1.rest.count } }
        var hints = [UInt64](repeating: 0, count: Self.keyHints / 64)
        for key in months.keys {
            let hint = UTF8Scalars.withBytes(key.name) { Self.keyHint($0, 0..<$0.count) }
            hints[hint / 64] |= 1 << (hint % 64)
        }
        monthKeyHints = hints
    }

    /// The first date in `text`, if any. Every date has a year of four ASCII digits in a word
    /// of the folded text (`year`, `isoDate`, `hanDate` ask no less), which folding makes of
    /// four digits of the text: text with fewer is not folded, and a fold with no such word
    /// is not cut into words.
    public func parse(_ text: String) -> Match? {
        parse(text, folded: nil)
    }

    /// `parse(text)`, given `text`'s fold (`Folding.fold(text)`) when the caller has it.
    func parse(_ text: String, folded fold: String?) -> Match? {
        guard Self.hasDigits(text, atLeast: 4) else { return nil }
        var folded = fold ?? Folding.fold(text)
        // The words, split at the space byte (folding leaves single spaces, and a `Character`
        // split walks every grapheme of the line) and copied off the bytes, and the last word
        // with a year's digits: every form has its year at or after the word it starts on.
        let (words, lastYearWord) = folded.withUTF8 { bytes -> ([String], Int?) in
            var words: [String] = []
            // One word more than the spaces: the array is not grown word by word.
            words.reserveCapacity(ByteWords.count(bytes) { byte, _ in ByteWords.equal(byte, 0x20) } + 1)
            var lastYearWord: Int?
            var start = 0
            while start < bytes.count {
                let end = ByteSearch.first(0x20, in: bytes, from: start, before: bytes.count) ?? bytes.count
                if end > start {
                    if Self.holdsFourDigits(bytes, start..<end) { lastYearWord = words.count }
                    words.append(UTF8Scalars.string(bytes, start..<end))
                }
                start = end + 1
            }
            return (words, lastYearWord)
        }
        guard let lastYearWord else { return nil }
        for start in words.indices where start <= lastYearWord {
            if let match = match(words, at: start) { return match }
        }
        return nil
    }

    /// On the word's buffer: the generic walk of its `utf8` view cost hundreds of instructions a word.
    private static func hasASCIIDigit(_ word: String) -> Bool {
        UTF8Scalars.withBytes(word) { bytes in bytes.contains { (0x30...0x39).contains($0) } }
    }

    /// Whether the text has `count` ASCII, Arabic-Indic (D9 A0…A9) or Persian (DB B0…B9)
    /// digits, on its bytes sixteen at a time: the digits folding turns into ASCII ones. Most
    /// lines asked have none. The lanes are tested loosely: a lead D9 or DB (`| 0x02` makes
    /// both DB) before a byte A0…B9, which a hit then tells exactly; ASCII digits exactly.
    static func hasDigits(_ text: String, atLeast count: Int) -> Bool {
        var found = 0
        return UTF8Scalars.withBytes(text) { bytes in
            ByteVectors.contains(bytes) { byte, next in
                (byte &- .splat(0x30) .< .splat(10)) .| ((byte | .splat(0x02) .== .splat(0xDB)) .& (next &- .splat(0xA0) .< .splat(0x1A)))
            } accepting: { index in
                let byte = bytes[index]
                if byte < 0x80 || (byte == 0xD9 ? bytes[index + 1] <= 0xA9 : bytes[index + 1] >= 0xB0) { found += 1 }
                return found == count
            }
        }
    }

    /// Whether the bytes `range` hold four ASCII digits in a row.
    private static func holdsFourDigits(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var run = 0
        for byte in bytes[range] {
            run = (0x30...0x39).contains(byte) ? run + 1 : 0
            if run == 4 { return true }
        }
        return false
    }

    private func match(_ words: [String], at start: Int) -> Match? {
        let word = words[start]
        let digits = Self.hasASCIIDigit(word)
        // 2016-12-16, 2016-12-16T15:24:14, 2016/12/16
        if digits, let (y, m, d, time) = isoDate(word), var iso = Self.iso(y, m, d) {
            var used = 1
            if time == nil, start + 1 < words.count, let t = Self.time(words[start + 1]) {
                iso += "T" + t
                used += 1
            } else if let time {
                iso += "T" + time
            }
            return Match(iso: iso, wordCount: used, wordsBefore: start)
        }
        // 2025年1月14日, also after a name glued to it
        if digits, let (y, m, d) = Self.hanDate(word), let iso = Self.iso(y, m, d) {
            return Match(iso: iso, wordCount: 1, wordsBefore: start)
        }
        // 21/07/2018, 21-07-2018, 05.01.2025, "21 / 07 / 2018"
        let spaced = start + 4 < words.count && words[start + 1].utf8.elementsEqual([0x2F]) && words[start + 3].utf8.elementsEqual([0x2F])
        // Three numbers glued need two separators: most words with a digit have none, and are
        // not split into new strings.
        let numeric = !digits ? [] : spaced
            ? [words[start], words[start + 2], words[start + 4]]
            : Self.numericSeparators(in: word) < 2 ? []
            : Self.trimPunctuation(word).utf8.split(whereSeparator: Self.isNumericSeparator).map { String(Substring($0)) }
        if numeric.count == 3, let d = Int(numeric[0]), let m = Int(numeric[1]), let y = Int(numeric[2]), numeric[2].count == 4,
           let iso = Self.iso(y, m, d) {
            return Match(iso: iso, wordCount: words[start].utf8.contains(0x2F) ? 1 : 5, wordsBefore: start)
        }
        // Day Month Year, Month Day Year (ordinals and commas allowed)
        if digits, let day = Self.day(word), let (month, length) = monthName(words, at: start + 1) {
            let yearIndex = Self.skipAside(words, from: start + 1 + length)
            if let year = Self.year(words, at: yearIndex), let iso = Self.iso(year, month, day) {
                return Match(iso: iso, wordCount: yearIndex - start + 1, wordsBefore: start)
            }
        }
        if let (month, length) = monthName(words, at: start), start + length + 1 < words.count,
           let day = Self.day(words[start + length]), let year = Self.year(words, at: start + length + 1),
           let iso = Self.iso(year, month, day) {
            return Match(iso: iso, wordCount: 2 + length, wordsBefore: start)
        }
        return nil
    }

    /// `/`, `-` and `.`, which separate the numbers of `21/07/2018`, `21-07-2018`, `05.01.2025`.
    private static func isNumericSeparator(_ byte: UInt8) -> Bool { byte == 0x2F || byte == 0x2D || byte == 0x2E }

    private static func numericSeparators(in word: String) -> Int {
        UTF8Scalars.withBytes(word) { bytes in bytes.reduce(0) { isNumericSeparator($1) ? $0 + 1 : $0 } }
    }

    /// The bits of `monthKeyHints`.
    private static let keyHints = 1024

    /// The bit of `monthKeyHints` for a key of the bytes `range`: its length, first and last
    /// byte mixed (Arabic words share their lengths and first bytes, not all three).
    private static func keyHint(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        guard let first = range.first else { return 0 }
        return (range.count &* 131 &+ Int(bytes[first]) &* 31 &+ Int(bytes[range.upperBound - 1])) % keyHints
    }

    private func mayBeMonthKey(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let hint = Self.keyHint(bytes, range)
        return monthKeyHints[hint / 64] & (1 << (hint % 64)) != 0
    }

    /// A month's first word as a dictionary key, hashed and compared on its UTF-8 bytes: both
    /// sides are folded the same way, and hashing a non-ASCII `String` normalizes it first.
    private struct MonthKey: Hashable {
        let name: String

        init(_ name: String) { self.name = name }

        func hash(into hasher: inout Hasher) {
            UTF8Scalars.withBytes(name) { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }

        static func == (one: MonthKey, other: MonthKey) -> Bool {
            UTF8Scalars.withBytes(one.name) { bytes in UTF8Scalars.withBytes(other.name) { ByteSearch.same(bytes, $0) } }
        }
    }

    /// A month name of one or more words at `index`, also as `ديسمبر/كانون` pairs.
    private func monthName(_ words: [String], at index: Int) -> (Int, Int)? {
        guard index < words.count else { return nil }
        var word = words[index]
        // The name's bytes, punctuation trimmed and cut at a `/`: most words are turned away by
        // their hint before a string is made and hashed.
        let (first, paired) = word.withUTF8 { bytes -> (String?, Bool) in
            let trimmed = Self.trimmedPunctuation(bytes)
            let slash = ByteSearch.first(0x2F, in: bytes, from: trimmed.lowerBound, before: trimmed.upperBound)
            let name = trimmed.lowerBound..<(slash ?? trimmed.upperBound)
            guard mayBeMonthKey(bytes, name) else { return (nil, false) }
            return (UTF8Scalars.string(bytes, name), slash != nil)
        }
        guard let first, let candidates = months[MonthKey(first)] else { return nil }
        for (rest, month) in candidates where index + 1 + rest.count <= words.count {
            guard rest.indices.allSatisfy({ Self.trimPunctuation(words[index + 1 + $0]) == rest[$0] }) else { continue }
            // "ديسمبر/كانون الأول": skip the second spelling too.
            var length = 1 + rest.count
            if paired, index + length < words.count, Self.year(words, at: index + length) == nil { length += 1 }
            return (month, length)
        }
        return nil
    }

    /// Skips a bracketed aside such as the second spelling in `نوفمبر (تشرين الثاني) 2022`.
    private static func skipAside(_ words: [String], from index: Int) -> Int {
        guard index < words.count, words[index].hasPrefix("(") else { return index }
        var end = index
        while end < words.count, !words[end].hasSuffix(")") { end += 1 }
        return min(end + 1, words.count)
    }

    /// The word without commas (`,`, `،`) before it and commas or dots after it, cut on its
    /// bytes: the `Character` drops and reversals built a generic string a word.
    private static func trimPunctuation(_ word: String) -> String {
        var text = word
        return text.withUTF8 { bytes in
            let kept = trimmedPunctuation(bytes)
            return kept.count == bytes.count ? word : UTF8Scalars.string(bytes, kept)
        }
    }

    /// The bytes `trimPunctuation` keeps of a word's.
    private static func trimmedPunctuation(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        func isArabicComma(at index: Int) -> Bool { bytes[index] == 0xD8 && bytes[index + 1] == 0x8C }
        var start = 0
        var end = bytes.count
        while start < end {
            if bytes[start] == 0x2C { start += 1 } else if start + 1 < end, isArabicComma(at: start) { start += 2 } else { break }
        }
        while end > start {
            if bytes[end - 1] == 0x2C || bytes[end - 1] == 0x2E { end -= 1 } else if end - 2 >= start, isArabicComma(at: end - 2) { end -= 2 } else { break }
        }
        return start..<end
    }

    /// "3", "3rd,", "16" → day of month. Read on the bytes when what follows the digits is
    /// ASCII (no ASCII byte joins a digit into a longer `Character`), which is nearly always.
    static func day(_ word: String) -> Int? {
        let byBytes: Int?? = UTF8Scalars.withBytes(word) { bytes in
            var digits = 0
            while digits < bytes.count, (0x30...0x39).contains(bytes[digits]) { digits += 1 }
            // No leading ASCII digit: the first `Character` is none either.
            guard digits > 0 else { return .some(nil) }
            guard bytes[digits...].allSatisfy({ $0 < 0x80 }) else { return nil }
            guard digits <= 2, case let value = bytes[..<digits].reduce(0, { $0 * 10 + Int($1 - 0x30) }), (1...31).contains(value) else { return .some(nil) }
            // The suffix without commas and dots, packed into an integer: "" or two letters.
            var suffix = 0, letters = 0
            for byte in bytes[digits...] where byte != 0x2C && byte != 0x2E {
                letters += 1
                suffix = suffix << 8 | Int(byte)
            }
            return letters == 0 || (letters == 2 && isOrdinalSuffix(suffix)) ? value : .some(nil)
        }
        return byBytes ?? dayByCharacters(word)
    }

    /// `st`, `nd`, `rd`, `th`, `er`, each as its two bytes packed.
    private static func isOrdinalSuffix(_ packed: Int) -> Bool {
        switch packed {
        case 0x7374, 0x6E64, 0x7264, 0x7468, 0x6572: true
        default: false
        }
    }

    /// `day` read `Character` by `Character`: the rule itself.
    static func dayByCharacters(_ word: String) -> Int? {
        let digits = word.prefix { $0.isASCII && $0.isNumber }
        guard (1...2).contains(digits.count), let value = Int(digits), (1...31).contains(value) else { return nil }
        let rest = word.dropFirst(digits.count).filter { $0 != "," && $0 != "،" && $0 != "." }
        return ["", "st", "nd", "rd", "th", "er", "º"].contains(String(rest)) ? value : nil
    }

    private static func year(_ words: [String], at index: Int) -> Int? {
        guard index < words.count else { return nil }
        let word = trimPunctuation(words[index])
        // Four bytes, not four `Character`s: a number `Int` reads is ASCII, a byte a character.
        guard word.utf8.count == 4, let value = Int(word), (1900...2100).contains(value) else { return nil }
        return value
    }

    func isoDate(_ word: String) -> (Int, Int, Int, String?)? {
        // Ten scalars take ten bytes at least: shorter words are no date. A year in range is
        // four ASCII digits, and a separator follows: other words are turned away on their bytes.
        guard word.utf8.count >= 10, Self.opensWithYear(word) else { return nil }
        var text = word
        // The first eleven bytes ASCII (nearly always): the fields are read off the bytes, not
        // an array of the word's scalars.
        let fields: (y: Int, m: Int, d: Int, timed: Bool)?? = text.withUTF8 { bytes in
            guard bytes[..<min(bytes.count, 11)].allSatisfy({ $0 < 0x80 }) else { return nil }
            func number(_ range: Range<Int>) -> Int? { Int(UTF8Scalars.string(bytes, range)) }
            guard bytes[7] == bytes[4], let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return .some(nil) }
            return .some((y, m, d, bytes.count > 11 && (bytes[10] == 0x74 || bytes[10] == 0x54)))
        }
        guard let fields else { return Self.isoDateByScalars(word) }
        guard let fields else { return nil }
        let time = fields.timed ? Self.time(String(Substring(word.unicodeScalars.dropFirst(11)))) : nil
        return (fields.y, fields.m, fields.d, time)
    }

    /// `isoDate` read scalar by scalar: the rule itself.
    static func isoDateByScalars(_ word: String) -> (Int, Int, Int, String?)? {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 10, scalars[4] == "-" || scalars[4] == "/" || scalars[4] == ".", scalars[7] == scalars[4],
              let y = Int(String(String.UnicodeScalarView(scalars[0..<4]))),
              let m = Int(String(String.UnicodeScalarView(scalars[5..<7]))),
              let d = Int(String(String.UnicodeScalarView(scalars[8..<10])))
        else { return nil }
        var time: String?
        if scalars.count > 11, scalars[10] == "t" || scalars[10] == "T" {
            time = Self.time(String(String.UnicodeScalarView(scalars[11...])))
        }
        return (y, m, d, time)
    }

    /// Whether the word's bytes open with four ASCII digits and `-`, `/` or `.`, as an ISO date's.
    private static func opensWithYear(_ word: String) -> Bool {
        UTF8Scalars.withBytes(word) { bytes in
            bytes.count > 4 && bytes[..<4].allSatisfy { (0x30...0x39).contains($0) } && [0x2D, 0x2F, 0x2E].contains(bytes[4])
        }
    }

    /// Year, month and day written with 年, 月 and 日 (Chinese and Japanese), wherever the
    /// four digits of the year start in the word.
    private static func hanDate(_ word: String) -> (Int, Int, Int)? {
        // Looked for on the bytes first: most words with a digit have no 年 to split around.
        guard ByteSearch.contains("年", in: word) else { return nil }
        let scalars = Array(word.unicodeScalars)
        guard let yearMark = scalars.firstIndex(of: "年"), yearMark >= 4 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            guard !range.isEmpty, range.allSatisfy({ (0x30...0x39).contains(scalars[$0].value) }) else { return nil }
            return Int(String(String.UnicodeScalarView(scalars[range])))
        }
        guard let monthMark = scalars[yearMark...].firstIndex(of: "月"), monthMark - yearMark <= 3,
              let dayMark = scalars[monthMark...].firstIndex(of: "日"), dayMark - monthMark <= 3,
              let y = number((yearMark - 4)..<yearMark), let m = number((yearMark + 1)..<monthMark),
              let d = number((monthMark + 1)..<dayMark) else { return nil }
        return (y, m, d)
    }

    /// "15:24:14" or "15:24" → "15:24:14" / "15:24". Read on the bytes when the digits and
    /// colons the word opens with end it or are followed by an ASCII byte (nearly always): each
    /// of them is then a `Character` of its own, and the next one no number.
    static func time(_ word: String) -> String? {
        let byBytes: String?? = UTF8Scalars.withBytes(word) { bytes in
            var end = 0
            while end < bytes.count, (0x30...0x3A).contains(bytes[end]) { end += 1 }
            guard end == bytes.count || bytes[end] < 0x80 else { return nil }
            let parts = bytes[..<end].split(separator: 0x3A)
            guard (2...3).contains(parts.count), parts.allSatisfy({ $0.count == 2 }) else { return .some(nil) }
            func number(_ part: Slice<UnsafeBufferPointer<UInt8>>) -> Int { Int(part[part.startIndex] - 0x30) * 10 + Int(part[part.startIndex + 1] - 0x30) }
            guard number(parts[0]) < 24, number(parts[1]) < 60 else { return .some(nil) }
            // The digits and colons are the parts joined, unless they hold colons beyond the joins.
            return parts.count * 3 - 1 == end ? UTF8Scalars.string(bytes, 0..<end) : String(decoding: Array(parts.joined(separator: [0x3A])), as: UTF8.self)
        }
        return byBytes ?? timeByCharacters(word)
    }

    /// `time` read `Character` by `Character`: the rule itself.
    static func timeByCharacters(_ word: String) -> String? {
        let parts = word.prefix { $0.isNumber || $0 == ":" }.split(separator: ":")
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0.count == 2 }),
              let h = Int(parts[0]), h < 24, let m = Int(parts[1]), m < 60 else { return nil }
        return parts.joined(separator: ":")
    }

    private static func iso(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard (1900...2100).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        // Its ten ASCII bytes written in place: interpolating the numbers cost over a
        // thousand instructions a date.
        return String(unsafeUninitializedCapacity: 10) { out in
            func put(_ number: Int, digits: Int, at offset: Int) {
                var rest = number
                for index in (offset..<offset + digits).reversed() {
                    out[index] = 0x30 + UInt8(rest % 10)
                    rest /= 10
                }
            }
            put(y, digits: 4, at: 0)
            out[4] = 0x2D
            put(m, digits: 2, at: 5)
            out[7] = 0x2D
            put(d, digits: 2, at: 8)
            return 10
        }
    }
}
