import Foundation
import WarraqCore

/// Normalizes text on its UTF-8 bytes: NFC (never NFKC, which would rewrite Arabic presentation
/// forms and ligatures), white space folded to single spaces (NBSP and the Unicode spaces
/// included, a run holding a line break kept as one line break, ends trimmed), and the opt-in
/// character rules of `NormalizationRules`. Counts every change it makes.
struct TextNormalizer {
    struct Settings: Sendable, Equatable {
        var removeTatweel = false
        var stripDiacritics = false
        var asciiDigits = false
        var unifyLetters = false
    }

    typealias Change = NormalizationRules.Change

    /// Changes made so far, indexed by `Change.rawValue`.
    private(set) var counts = [Int](repeating: 0, count: Change.allCases.count)
    /// U+0000…U+07FF (the Arabic block, where nearly all rules live, and the two-byte scalars
    /// around it) as a flat table: the active rule, packed (see `pack`), and `attention` for
    /// white space and the scalars the NFC check must see; 0 for a scalar copied as it is.
    private let lowScalars: [UInt32]
    private static let attention: UInt32 = 0x80
    private let otherRules: [UInt32: UInt32]
    /// A space and a line break (what white space folds to), then every rule's replacement.
    private let replacements: [UInt8]
    /// How many times longer than its input a run can come out: a rule may replace a scalar by
    /// more bytes than it had (folding white space only shortens).
    private let growth: Int

    init(_ settings: Settings, rules: NormalizationRules = .builtIn) {
        var active: [UInt32: NormalizationRules.Rule] = [:]
        if settings.removeTatweel { active.merge(rules.tatweel) { $1 } }
        if settings.stripDiacritics { active.merge(rules.diacritics) { $1 } }
        if settings.asciiDigits { active.merge(rules.digits) { $1 } }
        if settings.unifyLetters { active.merge(rules.letters) { $1 } }
        var replacements: [UInt8] = [0x20, 0x0A]
        var packed: [UInt32: UInt32] = [:]
        var growth = 1
        for (value, rule) in active.sorted(by: { $0.key < $1.key }) {
            packed[value] = Self.pack(rule, at: replacements.count)
            replacements += rule.replacement
            let width = Unicode.Scalar(value).map(UTF8.width) ?? 1
            growth = max(growth, (rule.replacement.count + width - 1) / width)
        }
        self.replacements = replacements
        self.growth = growth
        lowScalars = (0..<0x800).map { (value: UInt32) in
            let needsLook = isFoldableSpace(value) || Self.composition[Int(value)] != 0
            return (packed[value] ?? 0) | (needsLook ? Self.attention : 0)
        }
        otherRules = packed.filter { $0.key >= 0x800 }
    }

    /// A rule as one number, so the scan finds it without copying an array: the change plus one
    /// in the low bits (below `attention`), the replacement's length in the next byte, its offset
    /// in `replacements` above.
    private static func pack(_ rule: NormalizationRules.Rule, at offset: Int) -> UInt32 {
        UInt32(rule.change.rawValue + 1) | UInt32(rule.replacement.count) << 8 | UInt32(offset) << 16
    }

    mutating func resetCounts() { counts = counts.map { _ in 0 } }

    /// One text on its own.
    mutating func normalize(_ text: String) -> String { normalize(runs: [text])[0] }

    /// Runs read as one text (a block's inline runs): spaces fold across run boundaries and each
    /// run keeps its own part, so the runs still join to the folded text. A run that needs no
    /// change is returned as it is, not copied. NFC is checked for in the same pass: the rare
    /// runs that need it are composed and scanned again.
    mutating func normalize(runs: [String]) -> [String] {
        if let normalized = scan(runs, checkingComposition: true) { return normalized }
        let composed = runs.map { run in
            let composed = run.precomposedStringWithCanonicalMapping
            // Compared as bytes: `!=` on strings ignores canonical differences.
            if !composed.utf8.elementsEqual(run.utf8) { counts[Change.nfc.rawValue] += 1 }
            return composed
        }
        return scan(composed, checkingComposition: false)!
    }

    /// The runs normalized, or nil (nothing counted) when NFC may change them.
    private mutating func scan(_ runs: [String], checkingComposition: Bool) -> [String]? {
        var runs = runs
        // White space at a run's end is written when text follows in a later run.
        let lastWithText = runs.count > 1 ? runs.lastIndex { $0.unicodeScalars.contains { !isFoldableSpace($0.value) } } : nil
        var state = SpaceState()
        for i in runs.indices {
            let textAfter = lastWithText.map { $0 > i } ?? false
            guard let run = scan(runs[i], &state, flushAtEnd: textAfter, checkingComposition: checkingComposition) else { return nil }
            runs[i] = run
        }
        if state.pending > 0 { state.changes[Change.whitespace.rawValue] += 1 }
        for change in counts.indices { counts[change] += state.changes[change] }
        return runs
    }

    /// White space seen but not yet written, carried from run to run.
    private struct SpaceState {
        var wroteText = false
        var pending = 0
        var pendingBreak = false
        /// The pending run is exactly one space or one line break: writing it changes nothing.
        var pendingExact = false
        /// The last run ended in a written space, so white space starting this run is surplus.
        var spaceWritten = false
        /// Where the pending white space starts in the current run (0 when carried from the last).
        var pendingStart = 0
        /// Changes made in these runs, by `Change.rawValue`: added to `counts` once all are done.
        var changes = SIMD8<Int>()
    }

    /// A run's output: the input is copied, in stretches between the edits, only once something
    /// changes, so a run that needs no change costs no copy. The output is written into one
    /// buffer of `growth` times the input's size, allocated at the first change.
    private struct Edits {
        let input: UnsafeBufferPointer<UInt8>
        let growth: Int
        private var output: UnsafeMutablePointer<UInt8>?
        private var written = 0
        /// Input before this index is accounted for in `output`.
        private var copied = 0

        init(_ input: UnsafeBufferPointer<UInt8>, growth: Int) {
            self.input = input
            self.growth = growth
        }

        /// `input[start..<end]` becomes `replacement`.
        mutating func replace(_ start: Int, _ end: Int, with replacement: UnsafeBufferPointer<UInt8>) {
            let output = output ?? allocate()
            (output + written).update(from: input.baseAddress! + copied, count: start - copied)
            written += start - copied
            if let bytes = replacement.baseAddress { (output + written).update(from: bytes, count: replacement.count) }
            written += replacement.count
            copied = end
        }

        private mutating func allocate() -> UnsafeMutablePointer<UInt8> {
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: input.count * growth)
            output = buffer
            return buffer
        }

        /// The edited run without its input from `end` on; nil when that is the input unchanged.
        mutating func finish(at end: Int) -> String? {
            guard output != nil || end < input.count else { return nil }
            replace(end, end, with: UnsafeBufferPointer(start: nil, count: 0))
            defer { abandon() }
            return String(decoding: UnsafeBufferPointer(start: output, count: written), as: UTF8.self)
        }

        /// Frees the output.
        mutating func abandon() {
            output?.deallocate()
            output = nil
        }
    }

    /// One run; nil when NFC may change it (only looked for when `checkingComposition`).
    private func scan(_ text: String, _ state: inout SpaceState, flushAtEnd: Bool, checkingComposition: Bool) -> String? {
        var text = text
        if state.pending > 0 { state.pendingStart = 0 }
        var needsComposition = false
        let edited: String? = replacements.withUnsafeBufferPointer { replacements in
            lowScalars.withUnsafeBufferPointer { lowScalars in
                text.withUTF8 { bytes in
                    var edits = Edits(bytes, growth: growth)
                    var i = 0
                    let n = bytes.count
                    // No white space pending, none just written, text written: `flush` would
                    // change nothing, so a scalar with no rule, not white space and of no
                    // concern to NFC is passed over at once.
                    var settled = state.pending == 0 && !state.spaceWritten && state.wroteText
                    // The combining class of the scalar that ends at `classEnd`, for the NFC check;
                    // any other scalar before a mark has class 0.
                    var previousClass: UInt16 = 0
                    var classEnd = -1
                    while i < n {
                        let b0 = bytes[i]
                        if settled {
                            if b0 > 0x20, b0 < 0x80 {
                                i += 1
                                continue
                            }
                            if b0 & 0xE0 == 0xC0, lowScalars[Int(UInt32(b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F))] == 0 {
                                i += 2
                                continue
                            }
                        }
                        var value = UInt32(b0)
                        var length = 1
                        let isSpace: Bool
                        if b0 < 0x80 {
                            isSpace = b0 == 0x20 || (0x09...0x0D).contains(b0)
                        } else {
                            (value, length) = UTF8Scalars.decode(bytes, at: i)
                            isSpace = value &- 0x0600 >= 0x100 && isFoldableSpace(value)
                            // Every scalar below U+0300 starts with a byte below 0xCC and never composes.
                            if checkingComposition, b0 >= 0xCC {
                                guard let combiningClass = Self.compositionClass(value, after: classEnd == i ? previousClass : 0) else {
                                    needsComposition = true
                                    edits.abandon()
                                    return nil
                                }
                                previousClass = combiningClass
                                classEnd = i + length
                            }
                        }
                        settled = !isSpace
                        if isSpace {
                            if !see(space: value, at: i, &state) {
                                edits.replace(i, i + length, with: UnsafeBufferPointer(rebasing: replacements[0..<0]))
                            }
                        } else {
                            flush(&state, at: i, &edits, replacements)
                            let rule = b0 < 0x80 ? 0 : value < 0x800 ? lowScalars[Int(value)] & ~Self.attention : otherRule(value)
                            if rule != 0 {
                                state.changes[Int(rule & 0x7F) - 1] += 1
                                let offset = Int(rule >> 16), size = Int((rule >> 8) & 0xFF)
                                edits.replace(i, i + length, with: UnsafeBufferPointer(rebasing: replacements[offset..<offset + size]))
                            }
                        }
                        i += length
                    }
                    if flushAtEnd, state.pending > 0, state.wroteText {
                        flush(&state, at: n, &edits, replacements)
                        state.spaceWritten = true
                    }
                    return edits.finish(at: state.pending > 0 ? state.pendingStart : n)
                }
            }
        }
        if needsComposition { return nil }
        return edited ?? text
    }

    /// Takes in one white space character at `index`; false when it is surplus and dropped now.
    private func see(space value: UInt32, at index: Int, _ state: inout SpaceState) -> Bool {
        if state.spaceWritten {
            state.changes[Change.whitespace.rawValue] += 1
            return false
        }
        if state.pending == 0 { state.pendingStart = index }
        state.pending += 1
        let isBreak = value == 0x0A || value == 0x0D || value == 0x2028 || value == 0x2029
        state.pendingBreak = state.pendingBreak || isBreak
        state.pendingExact = state.pending == 1 && (value == 0x20 || value == 0x0A)
        return true
    }

    /// Text follows at `index`: the pending white space becomes one space or line break after
    /// earlier text, and nothing before it.
    private func flush(_ state: inout SpaceState, at index: Int, _ edits: inout Edits, _ replacements: UnsafeBufferPointer<UInt8>) {
        state.spaceWritten = false
        if state.pending > 0 {
            if !state.wroteText {
                state.changes[Change.whitespace.rawValue] += 1
                edits.replace(state.pendingStart, index, with: UnsafeBufferPointer(rebasing: replacements[0..<0]))
            } else if !state.pendingExact {
                state.changes[Change.whitespace.rawValue] += 1
                let folded = state.pendingBreak ? 1 : 0
                edits.replace(state.pendingStart, index, with: UnsafeBufferPointer(rebasing: replacements[folded..<folded + 1]))
            }
            state.pending = 0
            state.pendingBreak = false
        }
        state.wroteText = true
    }

    private func otherRule(_ value: UInt32) -> UInt32 {
        otherRules.isEmpty ? 0 : otherRules[value] ?? 0
    }

    /// The combining class the NFC check tracks for a scalar from U+0300 on, following one of
    /// `previous`; nil when its presence means NFC may change the text.
    private static func compositionClass(_ value: UInt32, after previous: UInt16) -> UInt16? {
        if value < 0x800 || (0x2000..<0x2070).contains(value) {
            let entry = composition[Int(value < 0x800 ? value : value - 0x2000 + 0x800)]
            if entry & composes != 0 || (entry != 0 && entry < previous) { return nil }
            return entry
        }
        if (0x3040...0x9FFF).contains(value) || (0xAC00...0xD7A3).contains(value) { return 0 }
        return mayCompose(Unicode.Scalar(value)!) ? nil : 0
    }

    /// What NFC may do with U+0000…U+07FF and then U+2000…U+206F (the punctuation of news
    /// text), by table: `composes` for a scalar whose presence means NFC may change a text;
    /// else the canonical combining class of an Arabic mark, as harakat in ascending class are
    /// already in NFC order (Arabic letters have no decomposition that NFC would undo; madda and
    /// hamza above or below may compose with the letter before); else 0.
    private static let composition: [UInt16] = (0..<0x800).map(compositionEntry) + (0x2000..<0x2070).map(compositionEntry)
    private static let composes: UInt16 = 0x100

    private static func compositionEntry(_ value: UInt32) -> UInt16 {
        guard value >= 0x300 else { return 0 }
        let scalar = Unicode.Scalar(value)!
        guard value &- 0x0600 < 0x100 else { return mayCompose(scalar) ? composes : 0 }
        let combiningClass = UInt16(scalar.properties.canonicalCombiningClass.rawValue)
        return combiningClass != 0 && (0x0653...0x0655).contains(value) ? composes : combiningClass
    }

    /// Combining marks, spacing vowel signs, Hangul jamo and composition exclusions: the scalars
    /// whose presence means NFC may change a text.
    private static func mayCompose(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.canonicalCombiningClass != .notReordered || properties.isFullCompositionExclusion { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark: return true
        default: return (0x1100...0x11FF).contains(scalar.value)
        }
    }
}
