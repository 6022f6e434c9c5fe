import WarraqCore
import WarraqText
import WarraqYAML

/// What an element's `class`, `id` and `role` say about it. Names are split into words at
/// anything not a letter or digit (`article-share_bar` → article, share, bar) and a word matches
/// a hint when it starts with it, so `withSidebar` is not a sidebar but `sidebar-left` is; a hint
/// ending in `$` (`ad$`) matches the whole word only.
struct ClassHints: Sendable {
    /// Hint word → why such a subtree is page furniture.
    var furniture: [(word: String, reason: RemovalReason)]
    /// Words that mark a caption or picture credit.
    var caption: [String]
    /// Words that mark article content; they outweigh furniture words on the same element.
    var content: [String]

    enum Verdict: Equatable { case none, content, caption, furniture(RemovalReason) }

    /// The hints compiled once into a trie over word bytes, so a word is read once whatever the
    /// number of hints.
    private let trie: HintTrie

    init(furniture: [(word: String, reason: RemovalReason)], caption: [String], content: [String]) {
        self.furniture = furniture
        self.caption = caption
        self.content = content
        var trie = HintTrie()
        for word in caption { trie.insert(word, HintTrie.Marks(isCaption: true)) }
        for word in content { trie.insert(word, HintTrie.Marks(isContent: true)) }
        for (index, hint) in furniture.enumerated() { trie.insert(hint.word, HintTrie.Marks(furniture: Int32(index))) }
        self.trie = trie
    }

    /// What the words of some names say. Judgements of several names (class, then id, then
    /// role) add up to the judgement of those names joined by spaces.
    struct Judgement {
        var isContent = false
        var isCaption = false
        /// The first furniture reason found.
        var reason: RemovalReason?

        mutating func add(_ other: Judgement) {
            isContent = isContent || other.isContent
            isCaption = isCaption || other.isCaption
            if reason == nil { reason = other.reason }
        }

        var verdict: Verdict {
            if isCaption { return .caption }
            if isContent, reason == nil { return .content }
            return reason.map { .furniture($0) } ?? .none
        }
    }

    func verdict(_ names: String) -> Verdict { judgement(names).verdict }

    func judgement(_ names: String) -> Judgement {
        var names = names
        return names.withUTF8 { judgement(of: trie.marks(of: $0)) }
    }

    /// The judgement of names as UTF-8 bytes, with no string made when they are ASCII, as
    /// class names nearly always are (a string repairs what is not UTF-8).
    func judgement(_ names: UnsafeBufferPointer<UInt8>) -> Judgement { judgement(of: marks(names)) }

    /// What the words of names as UTF-8 bytes say, before they are judged.
    func marks(_ names: UnsafeBufferPointer<UInt8>) -> HintTrie.Marks {
        guard names.allSatisfy({ $0 < 0x80 }) else {
            var string = String(decoding: names, as: UTF8.self)
            return string.withUTF8 { trie.marks(of: $0) }
        }
        return trie.marks(of: names)
    }

    func judgement(of marks: HintTrie.Marks) -> Judgement {
        Judgement(isContent: marks.isContent, isCaption: marks.isCaption, reason: marks.furniture == HintTrie.Marks.noFurniture ? nil : furniture[Int(marks.furniture)].reason)
    }
}

extension ClassHints {
    /// The file the built-in hints come from, in `Resources`.
    static let builtInFile = "html-hints.yaml"

    /// The hints compiled into Warraq.
    static let builtIn: ClassHints = {
        // The built-in file is checked by the tests; a failure here is a build defect.
        try! ClassHints(yaml: Array(EmbeddedData.files[builtInFile]!.utf8), source: "built-in \(builtInFile)")
    }()

    /// Hints from a hints file: the keys of `HTMLHintLists`.
    init(yaml bytes: [UInt8], source: String) throws(ProfileError) {
        let root: YAMLNode
        do { root = try YAMLLoader.load(bytes) } catch { throw ProfileError(source: source, line: error.line, error.message) }
        let lists = try HTMLHintLists(yaml: root, source: source)
        self.init(furniture: lists.furniture, caption: lists.caption, content: lists.content)
    }

    /// The built-in hints with a profile's added after them.
    init(adding lists: HTMLHintLists) {
        let builtIn = ClassHints.builtIn
        self.init(furniture: builtIn.furniture + lists.furniture, caption: builtIn.caption + lists.caption, content: builtIn.content + lists.content)
    }
}
