/// The bullets text browsers put before list items (`  • News`, `  * Sports`, `  1. …`). Menus and
/// link lists come out of w3m and lynx as such lists, so an item's marker is a hint to its role.
enum ListMarker {
    static let bullets: Set<Character> = ["•", "*", "-", "–", "◦", "▪", "·", "+", "‣", "○", "●", "■", "□"]

    /// The first bytes of the bullets and of the digits that number items.
    private static let markerLeads = Set(bullets.map { $0.utf8.first! } + Array(0x30...0x39))

    /// The item text after the marker (leading spaces skipped), or nil when the line is no item.
    static func item(_ line: Substring) -> Substring? {
        // Most lines start with a byte no marker starts with: they are turned away on bytes.
        guard let lead = line.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }), markerLeads.contains(lead) else { return nil }
        let body = line.drop { $0 == " " || $0 == "\t" }
        guard let first = body.first else { return nil }
        if bullets.contains(first) {
            let rest = body.dropFirst()
            guard rest.first == " " else { return nil }
            return rest.drop { $0 == " " }
        }
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        guard (1...2).contains(digits.count) else { return nil }
        let rest = body.dropFirst(digits.count)
        guard rest.first == "." || rest.first == ")", rest.dropFirst().first == " " else { return nil }
        return rest.dropFirst(2).drop { $0 == " " }
    }

    static func starts(_ line: Substring) -> Bool { item(line) != nil }

    /// Dashes start list items in w3m but also quoted speech in many languages (`- Angsten vil
    /// øke`), so only other markers say for sure that a line is a menu or link item.
    static func menuItem(_ line: Substring) -> Substring? {
        guard let first = line.first(where: { $0 != " " && $0 != "\t" }), first != "-", first != "–" else { return nil }
        return item(line)
    }
}
