import CLibXML2
import WarraqCore

/// The element names the reader tells apart (libxml2's HTML parser gives them lowercase), and
/// what each is to extraction. Everything else is `.other`, a plain container.
enum HTMLTag: UInt8, CaseIterable {
    case text, other
    case html, head, body, title, meta, link, script, style, noscript, template, svg, iframe, button, select, input, textarea, option
    case p, h1, h2, h3, h4, h5, h6, div, section, article, main, header, footer, nav, aside, form, center
    case ul, ol, li, dl, dt, dd, blockquote, pre, table, caption, thead, tbody, tfoot, tr, td, th
    case figure, figcaption, img, picture, br, hr, time, address, details, summary, menu
    case a, em, i, strong, b, code, kbd, span, font, small, u, sup, sub, mark, abbr, cite, q, s

    private static let byName = NameTable(allCases.filter { $0 != .text && $0 != .other }.map { (name: "\($0)", value: $0) })

    init(name: UnsafePointer<xmlChar>?) {
        self = name.flatMap(Self.byName.value) ?? .other
    }

    /// The tag of a name as a page spells it, in any case.
    init(anyCase name: UnsafeBufferPointer<UInt8>) {
        self = Self.byName.value(anyCase: name) ?? .other
    }

    /// Not read at all: code, styling, form controls and embedded frames.
    var isDropped: Bool {
        switch self {
        case .script, .style, .noscript, .template, .svg, .iframe, .button, .select, .input, .textarea, .option: true
        default: false
        }
    }

    /// Elements that end a run of text: paragraphs, headings, containers, list items, cells.
    var isBlock: Bool {
        switch self {
        case .p, .h1, .h2, .h3, .h4, .h5, .h6, .div, .section, .article, .main, .header, .footer, .nav, .aside, .form, .center,
             .ul, .ol, .li, .dl, .dt, .dd, .blockquote, .pre, .table, .caption, .thead, .tbody, .tfoot, .tr, .td, .th,
             .figure, .figcaption, .hr, .address, .details, .summary, .menu, .body, .html, .head, .title:
            true
        default: false
        }
    }

    var headingLevel: Int? {
        switch self {
        case .h1: 1
        case .h2: 2
        case .h3: 3
        case .h4: 4
        case .h5: 5
        case .h6: 6
        default: nil
        }
    }

    /// The inline markup kept as `inlines`.
    var inlineKind: Inline.Kind? {
        switch self {
        case .a: .link
        case .em, .i, .cite: .emphasis
        case .strong, .b: .strong
        case .code, .kbd: .code
        default: nil
        }
    }
}
