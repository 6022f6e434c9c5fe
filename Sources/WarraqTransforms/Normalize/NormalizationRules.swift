import WarraqYAML

/// What the normalize transform may change, read from `Resources/normalize.yaml`: each rule maps
/// a code point to a replacement (or to nothing) and is tagged with the change it counts as.
struct NormalizationRules: Sendable {
    enum Change: Int, CaseIterable, Sendable {
        case nfc, whitespace, tatweel, diacritics, digits, letters

        var name: String {
            switch self {
            case .nfc: "nfc"
            case .whitespace: "whitespace"
            case .tatweel: "tatweel"
            case .diacritics: "diacritics"
            case .digits: "digits"
            case .letters: "letters"
            }
        }
    }

    struct Rule: Sendable {
        var change: Change
        /// UTF-8 of the replacement; empty to remove.
        var replacement: [UInt8]
    }

    private(set) var tatweel: [UInt32: Rule] = [:]
    private(set) var diacritics: [UInt32: Rule] = [:]
    private(set) var digits: [UInt32: Rule] = [:]
    private(set) var letters: [UInt32: Rule] = [:]

    /// Longest replacement, in UTF-8 bytes, that a rule may have (the normalizer packs its length in a byte).
    static let longestReplacement = 64

    /// The rules compiled into Warraq.
    static let builtIn: NormalizationRules = {
        // The built-in file is checked by the tests; a failure here is a build defect.
        try! NormalizationRules(yaml: Array(EmbeddedData.files["normalize.yaml"]!.utf8))
    }()

    init(yaml bytes: [UInt8]) throws {
        let root = try YAMLLoader.load(bytes)
        for value in try Self.codePoints(root["tatweel"]) { tatweel[value] = Rule(change: .tatweel, replacement: []) }
        for value in try Self.codePoints(root["diacritics"]) { diacritics[value] = Rule(change: .diacritics, replacement: []) }
        for node in root["digits"]?.sequence ?? [] {
            let scalars = Array((node.scalar ?? "").unicodeScalars)
            guard scalars.count == 10 else { throw YAMLError(line: node.line, "digits: expected ten digits, zero to nine") }
            for (digit, scalar) in scalars.enumerated() {
                digits[scalar.value] = Rule(change: .digits, replacement: [UInt8(0x30 + digit)])
            }
        }
        for pair in root["letters"]?.mapping ?? [] {
            guard let from = pair.key.scalar?.unicodeScalars, from.count == 1, let to = pair.value.scalar else {
                throw YAMLError(line: pair.key.line, "letters: expected one letter mapped to its replacement")
            }
            guard to.utf8.count <= Self.longestReplacement else {
                throw YAMLError(line: pair.value.line, "letters: a replacement of at most \(Self.longestReplacement) bytes")
            }
            letters[from.first!.value] = Rule(change: .letters, replacement: Array(to.utf8))
        }
    }

    /// `"0640"` and `"064B-0653"` as code points.
    private static func codePoints(_ node: YAMLNode?) throws -> [UInt32] {
        var values: [UInt32] = []
        for item in node?.sequence ?? [] {
            let bounds = (item.scalar ?? "").split(separator: "-").map { UInt32($0, radix: 16) }
            guard let first = bounds.first ?? nil, let last = bounds.last ?? nil, bounds.count <= 2, first <= last else {
                throw YAMLError(line: item.line, "expected a hex code point or range, such as 064B-0652")
            }
            values += Array(first...last)
        }
        return values
    }
}
