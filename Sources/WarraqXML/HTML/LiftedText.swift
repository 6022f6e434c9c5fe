/// Text and attribute values that `UnreadMarkup` takes out of a page before libxml2 reads it,
/// as libxml2 would hand them over (character references decoded, `CharacterReferences`). Text
/// leaves a marker behind (U+FDD0, a noncharacter, then its number in decimal and the text's
/// line breaks), which libxml2 reads in a few steps where it would read the text a character at
/// a time; an attribute leaves its name and number without a value (`class.12`), which libxml2
/// reads without parsing a value. `HTMLTreeBuilder` puts them back. Only text that libxml2 hands
/// over whole is taken (no carriage return, no character it drops), and no text from a page that
/// could spell the marker itself, so that a marker is never the page's own text.
struct LiftedText {
    /// U+FDD0 in UTF-8.
    static let marker: [UInt8] = [0xEF, 0xB7, 0x90]
    /// Between a renamed attribute's name and its number.
    static let renamedSeparator = UInt8(ascii: ".")

    /// Bytes lifted: a range of the page as it was, or of the decoded bytes.
    struct Piece {
        var range: Range<Int>
        var isDecoded: Bool
    }

    /// The page as it was.
    let page: [UInt8]
    /// Text and values whose character references are decoded, one after another.
    private(set) var decoded: [UInt8] = []
    private var pieces: [Piece] = []
    /// Whether attributes were renamed: then no name the page spells looks like a renamed one.
    let renamesAttributes: Bool

    init(page: [UInt8] = [], renamesAttributes: Bool = false) {
        self.page = page
        self.renamesAttributes = renamesAttributes
    }

    var isEmpty: Bool { pieces.isEmpty }

    /// `range` of the page as libxml2 hands it over: itself when it holds no reference, else
    /// decoded; nil when libxml2 refuses one of its references.
    mutating func piece(_ range: Range<Int>, hasReference: Bool) -> Piece? {
        guard hasReference else { return Piece(range: range, isDecoded: false) }
        let start = decoded.count
        let decodes = page.withUnsafeBufferPointer { CharacterReferences.decode($0, range, into: &decoded) }
        return decodes ? Piece(range: start..<decoded.count, isDecoded: true) : nil
    }

    /// Takes a piece out; returns its number.
    mutating func lift(_ piece: Piece) -> Int {
        pieces.append(piece)
        return pieces.count - 1
    }

    /// Calls `body` with the bytes of piece `number`.
    func withBytes<Result>(of number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let piece = pieces[number]
        return (piece.isDecoded ? decoded : page).withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[piece.range])) }
    }

    func string(of number: Int) -> String { withBytes(of: number) { String(decoding: $0, as: UTF8.self) } }

    /// The number of the piece that text libxml2 hands over stands for, when it is a marker.
    /// The number ends at the first byte that is not a digit (a line break).
    func number(ofMarker text: UnsafePointer<UInt8>, count: Int) -> Int? {
        guard !pieces.isEmpty, count > 3, text[0] == 0xEF, text[1] == 0xB7, text[2] == 0x90 else { return nil }
        return number(text + 3, count: count - 3)
    }

    /// The attribute (`HTMLAttribute` number) and piece number of a renamed attribute's name as
    /// libxml2 gives it (NUL-terminated, lowercase).
    func renamedAttribute(_ name: UnsafePointer<UInt8>) -> (attribute: UInt8, piece: Int)? {
        guard renamesAttributes, !pieces.isEmpty else { return nil }
        var length = 0
        while name[length] != 0, name[length] != Self.renamedSeparator { length += 1 }
        guard name[length] == Self.renamedSeparator, let attribute = HTMLAttribute.number(anyCase: UnsafeBufferPointer(start: name, count: length)) else { return nil }
        var end = length + 1
        while name[end] != 0 { end += 1 }
        guard end > length + 1, let piece = number(name + length + 1, count: end - length - 1, whole: true) else { return nil }
        return (attribute, piece)
    }

    /// A piece's number written in decimal at `digits`: up to the first other byte, or
    /// `whole`, all of `count`.
    private func number(_ digits: UnsafePointer<UInt8>, count: Int, whole: Bool = false) -> Int? {
        var number = 0
        var index = 0
        while index < count, digits[index] >= UInt8(ascii: "0"), digits[index] <= UInt8(ascii: "9") {
            number = number * 10 + Int(digits[index] - UInt8(ascii: "0"))
            guard number < pieces.count else { return nil }
            index += 1
        }
        guard index > 0, !whole || index == count else { return nil }
        return number
    }
}
