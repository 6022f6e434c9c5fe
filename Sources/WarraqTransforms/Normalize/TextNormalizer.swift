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
    /// The active rules for U+0600…U+06FF, where nearly all of them live, as a flat table.
    private var arabicRules: [NormalizationRules.Rule?]
    private var otherRules: [UInt32: NormalizationRules.Rule] = [:]
    /// Which U+0600…U+06FF scalars may change under NFC (combining marks).
    private let arabicComposing: [Bool]

    init(_ settings: Settings, rules: NormalizationRules = .builtIn) {
        var active: [UInt32: NormalizationRules.Rule] = [:]
        if settings.removeTatweel { active.merge(rules.tatweel) { $1 } }
        if settings.stripDiacritics { active.merge(rules.diacritics) { $1 } }
        if settings.asciiDigits { active.merge(rules.digits) { $1 } }
        if settings.unifyLetters { active.merge(rules.letters) { $1 } }
        arabicRules = (0..<256).map { active[0x0600 + UInt32($0)] }
        otherRules = active.filter { !(0x0600...0x06FF).contains($0.key) }
        arabicComposing = (0..<256).map { Self.mayCompose(Unicode.Scalar(0x0600 + UInt32($0))!) }
    }

    mutating func resetCounts() { counts = counts.map { _ in 0 } }

    /// One text on its own.
    mutating func normalize(_ text: String) -> String { normalize(runs: [text])[0] }

    /// Runs read as one text (a block's inline runs): spaces fold across run boundaries and each
    /// run keeps its own part, so the runs still join to the folded text.
    mutating func normalize(runs: [String]) -> [String] {
        var runs = runs
        if runs.contains(where: needsComposition) {
            runs = runs.map { run in
                let composed = run.precomposedStringWithCanonicalMapping
                // Compared as bytes: `!=` on strings ignores canonical differences.
                if !composed.utf8.elementsEqual(run.utf8) { counts[Change.nfc.rawValue] += 1 }
                return composed
            }
        }
        if runs.count == 1, isClean(runs[0]) { return runs }
        var contentAfter = [Bool](repeating: false, count: runs.count)
        if runs.count > 1 {
            for i in stride(from: runs.count - 2, through: 0, by: -1) {
                contentAfter[i] = contentAfter[i + 1] || runs[i + 1].unicodeScalars.contains { !isFoldableSpace($0.value) }
            }
        }
        var state = SpaceState()
        var out: [String] = []
        out.reserveCapacity(runs.count)
        for (i, run) in runs.enumerated() {
            out.append(scan(run, &state, flushAtEnd: contentAfter[i]))
        }
        if state.pending > 0 { counts[Change.whitespace.rawValue] += 1 }
        return out
    }

    /// True when normalizing would change nothing: a scan that counts without writing, so that
    /// clean text (most of it) costs no copy.
    private mutating func isClean(_ text: String) -> Bool {
        let before = counts
        var state = SpaceState()
        _ = scan(text, &state, flushAtEnd: false, writing: false)
        let clean = counts == before && state.pending == 0
        counts = before
        return clean
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
    }

    private mutating func scan(_ text: String, _ state: inout SpaceState, flushAtEnd: Bool, writing: Bool = true) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            if writing { out.reserveCapacity(bytes.count) }
            var i = 0
            let n = bytes.count
            while i < n {
                let b0 = bytes[i]
                if b0 < 0x80 {
                    if b0 == 0x20 || (0x09...0x0D).contains(b0) {
                        see(space: UInt32(b0), &state)
                    } else {
                        flush(&state, into: &out)
                        if writing { out.append(b0) }
                    }
                    i += 1
                    continue
                }
                let (value, length) = UTF8Scalars.decode(bytes, at: i)
                if isFoldableSpace(value) {
                    see(space: value, &state)
                } else {
                    flush(&state, into: &out)
                    if let rule = rule(for: value) {
                        counts[rule.change.rawValue] += 1
                        if writing { out += rule.replacement }
                    } else if writing {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<i + length]))
                    }
                }
                i += length
            }
            if flushAtEnd, state.pending > 0, state.wroteText {
                flush(&state, into: &out)
                state.spaceWritten = true
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private mutating func see(space value: UInt32, _ state: inout SpaceState) {
        if state.spaceWritten {
            counts[Change.whitespace.rawValue] += 1
            return
        }
        state.pending += 1
        let isBreak = value == 0x0A || value == 0x0D || value == 0x2028 || value == 0x2029
        state.pendingBreak = state.pendingBreak || isBreak
        state.pendingExact = state.pending == 1 && (value == 0x20 || value == 0x0A)
    }

    private mutating func flush(_ state: inout SpaceState, into out: inout [UInt8]) {
        state.spaceWritten = false
        if state.pending > 0 {
            if state.wroteText {
                out.append(state.pendingBreak ? 0x0A : 0x20)
                if !state.pendingExact { counts[Change.whitespace.rawValue] += 1 }
            } else {
                counts[Change.whitespace.rawValue] += 1
            }
            state.pending = 0
            state.pendingBreak = false
        }
        state.wroteText = true
    }

    @inline(__always)
    private func rule(for value: UInt32) -> NormalizationRules.Rule? {
        if value &- 0x0600 < 0x100 { return arabicRules[Int(value &- 0x0600)] }
        return otherRules.isEmpty ? nil : otherRules[value]
    }

    /// False when NFC surely leaves the text as it is: no scalar that composes or reorders.
    private func needsComposition(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            var afterArabicMark = false
            while i < bytes.count {
                // Every scalar below U+0300 starts with a byte below 0xCC and never composes.
                if bytes[i] < 0xCC {
                    i += 1
                    afterArabicMark = false
                    continue
                }
                let (value, size) = UTF8Scalars.decode(bytes, at: i)
                i += size
                if value &- 0x0600 < 0x100 {
                    // One haraka after a letter is already NFC; marks in a row may need reordering,
                    // and madda or hamza above or below may compose with the letter before.
                    let isMark = arabicComposing[Int(value &- 0x0600)]
                    if isMark, afterArabicMark || (0x0653...0x0655).contains(value) { return true }
                    afterArabicMark = isMark
                    continue
                }
                afterArabicMark = false
                if (0x3040...0x9FFF).contains(value) || (0xAC00...0xD7A3).contains(value) { continue }
                if Self.mayCompose(Unicode.Scalar(value)!) { return true }
            }
            return false
        }
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
