import WarraqCore

/// One `boilerplate` list of a profile: its phrases, the reason a line with one is dropped, and
/// how the phrase must stand in the line, which follows from the reason. The placement is worked
/// out once when the profile is read: comparing reasons (strings) per line was a classifier cost.
struct BoilerplateRule: Sendable {
    /// How a phrase must stand in a line for the line to be dropped.
    enum Placement: Sendable {
        /// The whole line, label marks trimmed: "شارك" ends a share bar, not a sentence.
        case wholeLine
        /// At the start of a line; `anyLength` when a long line counts too (a ticker item).
        case leading(anyLength: Bool)
        /// At the start of a short line with a number in it (a view counter).
        case leadingWithNumber
        /// Anywhere in a short line (a footer, a widget's label).
        case anywhere
    }

    let reason: RemovalReason
    let placement: Placement
    var phrases: PhraseList

    init(reason: RemovalReason, phrases: PhraseList) {
        self.reason = reason
        self.phrases = phrases
        switch reason {
        // A cookie banner's first words say what it is however long it runs.
        case .ticker, .consent: placement = .leading(anyLength: true)
        case .promo: placement = .leading(anyLength: false)
        case .counter: placement = .leadingWithNumber
        case .footer, .widget: placement = .anywhere
        default: placement = .wholeLine
        }
    }
}

/// The boilerplate rules as lists of a `PhraseIndex`, gathered by placement, so that a line's
/// matches for every rule are told apart by a few bit tests rather than a walk of the rules.
struct RuleLists: Sendable {
    typealias Lists = PhraseIndex.Lists
    /// Every rule's list.
    private(set) var all: Lists = 0
    /// Rules whose phrases start a line of any length (`.leading(anyLength: true)`).
    private(set) var anyLength: Lists = 0
    /// Rules whose phrases start a short line (`.leading(anyLength: false)`).
    private(set) var shortLeading: Lists = 0
    /// Rules whose phrases start a short line with a number (`.leadingWithNumber`).
    private(set) var withNumber: Lists = 0
    /// Rules whose phrases stand anywhere in a short line (`.anywhere`).
    private(set) var anywhere: Lists = 0
    /// The reason of each rule, the rule of list `first + n` at `n`.
    let reasons: [RemovalReason]

    /// The rules in order, the first being list `first` of the index.
    init(_ rules: [BoilerplateRule], from first: Int) {
        reasons = rules.map(\.reason)
        for (index, rule) in rules.enumerated() {
            let list: Lists = 1 << (first + index)
            all |= list
            switch rule.placement {
            case .wholeLine: break
            case .leading(let anyLength) where anyLength: self.anyLength |= list
            case .leading: shortLeading |= list
            case .leadingWithNumber: withNumber |= list
            case .anywhere: anywhere |= list
            }
        }
    }
}
