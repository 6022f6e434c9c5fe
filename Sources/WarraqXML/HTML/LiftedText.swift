/// Text and attribute values that `UnreadMarkup` takes out of a page before libxml2 reads it,
/// as libxml2 would hand them over (character references decoded, `CharacterReferences`). Text
/// leaves a marker behind (U+FDD0, a noncharacter, then its number in decimal and the text's
/// line breaks), which libxml2 reads in a few steps where it would read the text a character at
/// a time; an attribute leaves a short name without a value (`.0`, `.1`, … in each tag), which
/// libxml2 reads without parsing a value and finds in its dictionary, and the values are taken
/// back in the order libxml2 hands the names over. `HTMLTreeBuilder` puts them back. Only text that libxml2 hands
/// over whole is taken (no carriage return, no character it drops), and no text from a page that
/// could spell the marker itself, so that a marker is never the page's own text.
struct LiftedText {
    /// U+FDD0 in UTF-8.
    static let marker: [UInt8] = [0xEF, 0xB7, 0x90]
    /// A renamed attribute's name: this, then the code of its place among the tag's renamed ones.
    static let renamedMark = UInt8(ascii: ".")
    /// One code for each attribute `HTMLAttribute` reads, lowercase as libxml2 gives names.
    static let renamedCodes = Array("0123456789abcde".utf8)

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
    /// The renamed attributes' numbers (`HTMLAttribute`) and values, in page order.
    private var renamed: [(attribute: UInt8, piece: Piece)] = []
    /// How deep the elements nested in the deepest `<svg>` emptied were (0: none was emptied).
    /// libxml2 stops at a depth, which they may have reached.
    private(set) var emptiedSVGDepth = 0
    /// Whether attributes were renamed: then no name the page spells looks like a renamed one.
    let renamesAttributes: Bool
    /// Whether libxml2's push parser reads the page as its pull parser does, as far as
    /// `UnreadMarkup` can tell: it read the page to its end as libxml2's tokenizer does, and met
    /// no raw text that the pull parser reads as markup first (the push parser reads it as raw
    /// text) and no element name with a `.` (which the pull parser reads up to the dot when it
    /// checks what a start tag closes, and the push parser whole).
    var readsAlikePushed = false

    init(page: [UInt8] = [], renamesAttributes: Bool = false) {
        self.page = page
        self.renamesAttributes = renamesAttributes
        // The 118 dev pages rename an attribute per 260 bytes and lift a text per 1,500: room
        // for that from the start, where growing the arrays copied them a dozen times a page.
        if renamesAttributes { renamed.reserveCapacity(page.count / 256) }
        pieces.reserveCapacity(page.count / 1_024)
    }

    var isEmpty: Bool { pieces.isEmpty && renamed.isEmpty }

    /// The place of a renamed attribute's code among `renamedCodes`.
    static func renamedCode(_ code: UInt8) -> Int? {
        switch code {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(code - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "e"): Int(code - UInt8(ascii: "a")) + 10
        default: nil
        }
    }

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

    /// Notes that the content of an `<svg>`, elements nested `depth` deep, went.
    mutating func noteEmptiedSVG(depth: Int) {
        emptiedSVGDepth = max(emptiedSVGDepth, depth, 1)
    }

    /// Takes an attribute's value out, as the next renamed one.
    mutating func rename(_ piece: Piece, as attribute: UInt8) {
        renamed.append((attribute, piece))
    }

    /// Takes back the renamed attributes from the one at `index` in page order on.
    mutating func removeRenamed(from index: Int) {
        if index < renamed.count { renamed.removeSubrange(index...) }
    }

    /// Calls `body` with the bytes of piece `number`.
    func withBytes<Result>(of number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withBytes(of: pieces[number], body)
    }

    private func withBytes<Result>(of piece: Piece, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        (piece.isDecoded ? decoded : page).withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[piece.range])) }
    }

    func string(of number: Int) -> String { withBytes(of: number) { String(decoding: $0, as: UTF8.self) } }

    /// How many attributes were renamed.
    var renamedCount: Int { renamed.count }

    /// The `HTMLAttribute` number and value of the renamed attribute at `index` in page order.
    func renamedAttribute(at index: Int) -> (attribute: UInt8, value: String) {
        withRenamedAttribute(at: index) { ($0, String(decoding: $1, as: UTF8.self)) }
    }

    /// Calls `body` with the `HTMLAttribute` number and value bytes of the renamed attribute at `index`.
    func withRenamedAttribute<Result>(at index: Int, _ body: (UInt8, UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let (attribute, piece) = renamed[index]
        return withBytes(of: piece) { body(attribute, $0) }
    }

    /// The number of the piece that text libxml2 hands over stands for, when it is a marker.
    /// The number ends at the first byte that is not a digit (a line break).
    func number(ofMarker text: UnsafePointer<UInt8>, count: Int) -> Int? {
        guard !pieces.isEmpty, count > 3, text[0] == 0xEF, text[1] == 0xB7, text[2] == 0x90 else { return nil }
        return number(text + 3, count: count - 3)
    }

    /// Whether a name as libxml2 gives it (NUL-terminated) is a renamed attribute's.
    func isRenamed(_ name: UnsafePointer<UInt8>) -> Bool {
        renamesAttributes && name[0] == Self.renamedMark && name[1] != 0 && name[2] == 0 && Self.renamedCode(name[1]) != nil
    }

    /// A piece's number written in decimal at `digits`, up to the first other byte.
    private func number(_ digits: UnsafePointer<UInt8>, count: Int) -> Int? {
        var number = 0
        var index = 0
        while index < count, digits[index] >= UInt8(ascii: "0"), digits[index] <= UInt8(ascii: "9") {
            number = number * 10 + Int(digits[index] - UInt8(ascii: "0"))
            guard number < pieces.count else { return nil }
            index += 1
        }
        guard index > 0 else { return nil }
        return number
    }
}
