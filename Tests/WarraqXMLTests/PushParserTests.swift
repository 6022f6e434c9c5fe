import Testing
@testable import WarraqXML

/// libxml2's push parser reads a slimmed page where it reads as the pull parser: the pages here
/// are the cases where the two part, each read both ways.
@Suite("HTML push parser")
struct PushParserTests {
    private static func pulled(_ page: String) -> HTMLTree? {
        HTMLTreeBuilder.parse(Array(page.utf8), encoding: "UTF-8")?.tree
    }

    private static func pushed(_ page: String) -> (tree: HTMLTree?, readsAlike: Bool) {
        let (slimmed, lifted) = UnreadMarkup.strip(Array(page.utf8))
        return (HTMLTreeBuilder.parse(slimmed, encoding: "UTF-8", lifted: lifted)?.tree, lifted.readsAlikePushed)
    }

    @Test("the push parser builds the pull parser's tree and last line where their reading parts", arguments: [
        // A line break alone after the last tag, which the push parser does not count.
        ("<html><body><p>some words</p></body>\n", true),
        // Blanks and comments after the root's end, which the push parser leaves unread.
        ("<html><body><p>some words</p></body></html>\n<!-- a\ncomment -->\n\n<!-- another -->\n", true),
        // Elements after the root's end, which it drops: the pull parser reads the page again.
        ("<html><body><p>some words</p></body></html>\n<div>more words</div>\n", true),
        // An element name with a dot, which the pull parser reads up to the dot for what it closes.
        ("<body>words before<title.x>a title</title.x> and after</body>", false),
        // A control character at the end, which the push parser hands over as text.
        ("<body><p>some words</p>\u{1}", true),
        // Raw text that starts with an end tag, which the pull parser reads as markup.
        ("<body><script></div>var a = 1;</script><p>some words</p></body>", false),
    ])
    func sameAsPulled(page: String, readsAlike: Bool) throws {
        let pulled = try #require(Self.pulled(page))
        let pushed = Self.pushed(page)
        #expect(pushed.readsAlike == readsAlike)
        let tree = try #require(pushed.tree)
        #expect(tree.tags == pulled.tags)
        #expect(tree.parents == pulled.parents)
        #expect(tree.lastLine == pulled.lastLine)
        #expect((0..<tree.count).allSatisfy { tree.text($0) == pulled.text($0) })
    }
}
