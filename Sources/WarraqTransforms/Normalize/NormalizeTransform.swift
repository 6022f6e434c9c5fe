import WarraqCore

/// `--transform normalize`: NFC and white space always; tatweel, diacritics, digits and letter
/// variants only when asked. Reports, per input, how many changes of each kind it made.
public struct NormalizeTransform: DocumentTransform {
    public static let format = TransformFormat(
        name: "normalize",
        summary: "Unicode NFC, white space and NBSP folded; opt-in Arabic tatweel, diacritics, digits, letter variants",
        options: [
            FormatOption("remove-tatweel", "drop the kashida (ـ)", default: "false"),
            FormatOption("strip-diacritics", "drop harakat, tanwin, shadda, sukun and Quranic marks", default: "false"),
            FormatOption("ascii-digits", "Arabic-Indic and Persian digits as 0-9", default: "false"),
            FormatOption("unify-letters", "أ إ آ ٱ as ا, ى as ي, ة as ه (for search corpora)", default: "false"),
        ],
        example: "warraq convert dump.txt --transform normalize:remove-tatweel,ascii-digits",
        isPerDocument: true,
        make: { options in try NormalizeTransform(options: options) }
    )

    private var normalizer: TextNormalizer
    private var documents = 0
    private var changedDocuments = 0

    public init(options: FormatOptions) throws(UsageError) {
        let options = try FormatOptions.checked(options, for: Self.format)
        let name = Self.format.name
        normalizer = TextNormalizer(TextNormalizer.Settings(
            removeTatweel: try options.bool("remove-tatweel", owner: name),
            stripDiacritics: try options.bool("strip-diacritics", owner: name),
            asciiDigits: try options.bool("ascii-digits", owner: name),
            unifyLetters: try options.bool("unify-letters", owner: name)
        ))
    }

    public mutating func apply(_ document: Document) -> [Document] {
        let before = normalizer.counts.reduce(0, +)
        var document = document
        document.mapText { normalizer.normalize(runs: $0) }
        documents += 1
        if normalizer.counts.reduce(0, +) != before { changedDocuments += 1 }
        return [document]
    }

    /// One line per input: `normalize: 12 changes in 3 of 5 documents (whitespace 10, nfc 2)`.
    public mutating func takeNotes() -> [String] {
        let total = normalizer.counts.reduce(0, +)
        defer {
            normalizer.resetCounts()
            documents = 0
            changedDocuments = 0
        }
        guard total > 0 else { return [] }
        let kinds = NormalizationRules.Change.allCases.compactMap { change in
            normalizer.counts[change.rawValue] > 0 ? "\(change.name) \(normalizer.counts[change.rawValue])" : nil
        }
        return ["normalize: \(total) changes in \(changedDocuments) of \(documents) documents (\(kinds.joined(separator: ", ")))"]
    }
}
