import WarraqCore

/// Headline-shaped lines that a page prints around its headline but that never are one: menu
/// items a text browser ran together (`StartSportPlusNöje`, `Hoppa till innehållAftonbladet`),
/// a teaser after a related label (`RELATED: …`, `Related Posts`) and a date line with little
/// else in it (`Vandaag om 20:07`, `28 November 2025`). The labels are the profile's, read
/// from the classifier's phrase lists.
struct HeadlineFurniture {
    private let phrases: PhraseIndex
    let dates: NewsDateParser
    /// How many folded bytes a related label and the scalar after it (its word boundary) take
    /// at most.
    private let labelReach: Int

    init(classifier: LineClassifier) {
        phrases = classifier.phrases
        dates = classifier.dates
        labelReach = classifier.profile.relatedLabels.longest + 4
    }

    /// Words run together this often (a small letter straight before a capital) make a menu:
    /// one join is a name (`McDonald`, `TikTok`).
    static let menuJoins = 2
    /// The most words besides its date that a date line holds (`Vandaag om`, `Updated`).
    static let wordsBesideDate = 2

    /// Whether the line is furniture, not a headline.
    func holds(_ text: String) -> Bool {
        Self.joins(in: text) >= Self.menuJoins || isTeaser(text) || isDate(text)
    }

    /// Starts with a related label and is nothing more, or goes on after a colon or bar.
    func isTeaser(_ text: String) -> Bool {
        // The label is looked for in the fold of the text's first bytes, which holds any label
        // the whole fold starts with; only a text that opens with one is folded whole.
        let opensWithLabel = UTF8Scalars.withBytes(text) { bytes in
            Folding.withFold(bytes, limit: labelReach) { opening, _ in labelLength(opening) > 0 }
        }
        guard opensWithLabel else { return false }
        let folded = Folding.fold(text)
        let label = UTF8Scalars.withBytes(folded, labelLength)
        guard label > 0 else { return false }
        let rest = folded.utf8.dropFirst(label).drop { $0 == 0x20 }
        return TextShape.wordCount(String(decoding: rest, as: UTF8.self)) <= 1 || rest.first == UInt8(ascii: ":") || rest.first == UInt8(ascii: "|")
    }

    /// The byte length of the related label the folded bytes start with, 0 for none.
    private func labelLength(_ folded: UnsafeBufferPointer<UInt8>) -> Int {
        phrases.leading(folded, in: LineClassifier.relatedLabels).longest
    }

    private func isDate(_ text: String) -> Bool {
        guard let match = dates.parse(text) else { return false }
        return TextShape.wordCount(text) - match.wordCount <= Self.wordsBesideDate
    }

    /// How often a lowercase letter is followed straight by an uppercase one. ASCII letters
    /// are told on the byte; of the others only Latin, Greek, Cyrillic and Armenian letters
    /// (below U+0590) are looked up: the scripts after them up to CJK have no case.
    static func joins(in text: String) -> Int {
        UTF8Scalars.withBytes(text) { bytes in
            var joins = 0
            var lowerBefore = false
            var index = 0
            while index < bytes.count {
                let (value, length) = UTF8Scalars.decode(bytes, at: index)
                index += length
                let (lower, upper) = letterCase(value)
                if lowerBefore, upper { joins += 1 }
                lowerBefore = lower
            }
            return joins
        }
    }

    /// Whether the scalar is a lowercase letter, and whether an uppercase one.
    private static func letterCase(_ value: UInt32) -> (lower: Bool, upper: Bool) {
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A, value >= 0x41 && value <= 0x5A)
        }
        guard value < 0x590, let scalar = Unicode.Scalar(value) else { return (false, false) }
        return (scalar.properties.isLowercase, scalar.properties.isUppercase)
    }
}
