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
