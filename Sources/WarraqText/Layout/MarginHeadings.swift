/// lynx indents a page's text by three columns and prints its headings (`<h1>` to `<h6>`) at
/// the margin, so in a dump whose running text is indented, a line at the margin is one of the
/// page's headings, and the one nearest the article's text is its headline.
enum MarginHeadings {
    /// The share of long lines that must start with a space for the dump to count as indented.
    static let indentedShare = 0.8

    /// Whether the dump's running text is indented: most long lines start with a space.
    static func isIndented(_ lines: [Substring], widths: [Int]) -> Bool {
        var long = 0, indented = 0
        // By index: a `zip` hands out a copy of every line, a retain and a release each.
        for index in widths.indices where widths[index] >= WrapJoiner.longLine {
            long += 1
            if startsWithSpace(lines[index]) { indented += 1 }
        }
        return long > 0 && Double(indented) >= Double(long) * indentedShare
    }

    static func startsWithSpace(_ line: Substring) -> Bool {
        let first = line.utf8.first
        return first == 0x20 || first == 0x09
    }
}
