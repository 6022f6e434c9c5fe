/// Why text left the body. A small documented vocabulary, so that consumers can filter on it;
/// readers and plugins may add their own values, but should prefer these.
public struct RemovalReason: RawRepresentable, Sendable, Hashable, Comparable, ExpressibleByStringLiteral {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Advertising and ad-slot markers (`[ad_1]`).
    public static let ad: Self = "ad"
    /// Menus, breadcrumbs, "see also" labels, link lists.
    public static let navigation: Self = "navigation"
    /// News tickers and breaking-news bars.
    public static let ticker: Self = "ticker"
    /// Share bars, font-size buttons, player controls and other widget debris.
    public static let widget: Self = "widget"
    /// View, comment and share counters.
    public static let counter: Self = "counter"
    /// Copyright lines, "powered by", site footers.
    public static let footer: Self = "footer"
    /// A repeat of text kept elsewhere (captions printed twice, echoed titles).
    public static let duplicate: Self = "duplicate"
    /// App, newsletter and subscription promotion.
    public static let promo: Self = "promo"
    /// Teasers of other articles (their titles go to `related`).
    public static let related: Self = "related"
    /// Comment sections.
    public static let comments: Self = "comments"
    /// Cookie and consent notices.
    public static let consent: Self = "consent"
    /// Text turned into a metadata field (keywords, publisher, dates, labels).
    public static let metadata: Self = "metadata"
    /// Text the reader could not place and judged not to be article text.
    public static let boilerplate: Self = "boilerplate"
    /// Bytes that could not be kept as text (control characters, invalid encodings).
    public static let invalid: Self = "invalid"

    /// The documented vocabulary, in the order the README lists it.
    public static let vocabulary: [Self] = [
        .ad, .navigation, .ticker, .widget, .counter, .footer, .duplicate, .promo, .related,
        .comments, .consent, .metadata, .boilerplate, .invalid,
    ]
}
