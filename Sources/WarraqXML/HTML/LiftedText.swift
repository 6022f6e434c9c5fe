/// Text and attribute values that `UnreadMarkup` takes out of a page before libxml2 reads it.
/// Each leaves a marker behind (U+FDD0, a noncharacter, then its number in decimal and the
/// text's line breaks), which libxml2 reads in a few steps where it would read the text a
/// character at a time, and `HTMLTreeBuilder` puts the text back. Only text that libxml2 hands
/// over byte for byte is taken (no entity, no carriage return, no character it drops), and none
/// from a page that could spell the marker itself, so that a marker is never the page's own text.
struct LiftedText {
    /// U+FDD0 in UTF-8.
    static let marker: [UInt8] = [0xEF, 0xB7, 0x90]

    /// The page as it was, which the ranges are in.
    let page: [UInt8]
    private(set) var ranges: [Range<Int>] = []

    init(page: [UInt8] = []) { self.page = page }

    /// Takes `range` of the page out; returns its number.
    mutating func lift(_ range: Range<Int>) -> Int {
        ranges.append(range)
        return ranges.count - 1
    }

    /// The range of the page that text libxml2 hands over stands for, when it is a marker. The
    /// number ends at the first byte that is not a digit (a line break, a value's NUL).
    func range(of text: UnsafePointer<UInt8>, count: Int) -> Range<Int>? {
        guard !ranges.isEmpty, count > 3, text[0] == 0xEF, text[1] == 0xB7, text[2] == 0x90 else { return nil }
        var number = 0
        var index = 3
        while index < count, text[index] >= UInt8(ascii: "0"), text[index] <= UInt8(ascii: "9") {
            number = number * 10 + Int(text[index] - UInt8(ascii: "0"))
            index += 1
        }
        return number < ranges.count ? ranges[number] : nil
    }
}
