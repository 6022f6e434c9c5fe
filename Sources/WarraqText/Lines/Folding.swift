import Foundation

/// Folds text for matching phrases: tatweel and Arabic diacritics dropped, hamza forms of alef
/// read as bare alef, alef maqsura as yeh, teh marbuta as heh, Arabic-Indic and Persian digits as
/// ASCII, Latin lower-cased, every run of white space (NBSP included) one space, ends trimmed.
/// Matching on folded text lets one phrase list cover the ways the same word is typed.
enum Folding {
    static func fold(_ text: some StringProtocol) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if scalar.properties.isWhitespace || v == 0x200C || v == 0x200F || v == 0x200E {
                pendingSpace = !out.isEmpty
                continue
            }
            if v == 0x0640 || (0x064B...0x065F).contains(v) || v == 0x0670 || (0x0610...0x061A).contains(v) { continue }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            switch v {
            case 0x0622, 0x0623, 0x0625, 0x0671: out.append("\u{0627}")
            case 0x0649: out.append("\u{064A}")
            case 0x0629: out.append("\u{0647}")
            case 0x0660...0x0669: out.append(Unicode.Scalar(v - 0x0660 + 0x30)!)
            case 0x06F0...0x06F9: out.append(Unicode.Scalar(v - 0x06F0 + 0x30)!)
            case 0x41...0x5A: out.append(Unicode.Scalar(v + 0x20)!)
            default:
                if v > 0x7F, scalar.properties.isUppercase {
                    out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                } else {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }
}

/// A list of phrases, folded once, matched against folded lines.
struct PhraseList: Sendable {
    private(set) var phrases: [String] = []

    init(_ phrases: [String] = []) { add(phrases) }

    mutating func add(_ more: [String]) {
        phrases += more.map(Folding.fold).filter { !$0.isEmpty }
        phrases = Array(Set(phrases)).sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }

    /// The longest phrase the folded line starts with, as a whole word.
    func prefix(of folded: String) -> String? {
        phrases.first { folded.hasPrefix($0) && Self.endsWord(folded, at: $0.count) }
    }

    func contains(_ folded: String) -> Bool { phrases.contains(folded) }

    /// The first phrase that occurs anywhere in the folded line, as whole words.
    func occurrence(in folded: String) -> String? {
        phrases.first { phrase in
            var search = folded[...]
            while let range = search.range(of: phrase) {
                let before = range.lowerBound == folded.startIndex || !folded[folded.index(before: range.lowerBound)].isLetter
                let after = range.upperBound == folded.endIndex || !folded[range.upperBound].isLetter
                if before && after { return true }
                search = folded[range.upperBound...]
            }
            return false
        }
    }

    private static func endsWord(_ text: String, at count: Int) -> Bool {
        guard count < text.count else { return true }
        let next = text[text.index(text.startIndex, offsetBy: count)]
        return !next.isLetter && !next.isNumber
    }
}
