/// The writing systems the language transform tells apart, by Unicode block. A table of ranges,
/// not a property look-up: it runs on every letter.
enum Script: Int, CaseIterable, Sendable {
    case latin, arabic, cyrillic, greek, hebrew, devanagari, bengali, tamil, thai, georgian, armenian
    case hangul, kana, han

    /// The script's name in `languages.yaml`.
    var name: String { String(describing: self) }

    init?(name: String) {
        guard let script = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = script
    }

    init?(_ value: UInt32) {
        if value < 0x80 {
            guard (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) else { return nil }
            self = .latin
            return
        }
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x1E00...0x1EFF: self = .latin
        case 0x0621...0x063F, 0x0641...0x064A, 0x066E...0x06D3, 0x06D5, 0x06EE...0x06EF, 0x06FA...0x06FF, 0x0750...0x077F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: self = .arabic
        case 0x0400...0x04FF: self = .cyrillic
        case 0x0370...0x03FF, 0x1F00...0x1FFF: self = .greek
        case 0x05D0...0x05EA: self = .hebrew
        case 0x0900...0x097F: self = .devanagari
        case 0x0980...0x09FF: self = .bengali
        case 0x0B80...0x0BFF: self = .tamil
        case 0x0E00...0x0E7F: self = .thai
        case 0x10A0...0x10FF: self = .georgian
        case 0x0530...0x058F: self = .armenian
        case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: self = .hangul
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: self = .kana
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: self = .han
        default: return nil
        }
    }
}
