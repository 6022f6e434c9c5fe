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

    /// A hint as bytes, compiled once.
    private struct Pattern {
        var bytes: [UInt8]
        var exact: Bool
        var verdict: Verdict

        init(_ hint: String, _ verdict: Verdict) {
            exact = hint.hasSuffix("$")
            bytes = Array((exact ? String(hint.dropLast()) : hint).utf8)
            self.verdict = verdict
        }

        /// Whether a word (letters and digits of a name, in any case) matches.
        func matches(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
            guard exact ? word.count == bytes.count : word.count >= bytes.count else { return false }
            var offset = word.startIndex
            for byte in bytes {
                if ClassHints.wordByte(word[offset]) != byte { return false }
                offset += 1
            }
            return true
        }
    }

    /// The patterns by their first byte, in hint order: a word is compared only with hints that
    /// start as it does.
    private let patternsByFirstByte: [[Pattern]]

    init(furniture: [(word: String, reason: RemovalReason)], caption: [String], content: [String]) {
        self.furniture = furniture
        self.caption = caption
        self.content = content
        let patterns = caption.map { Pattern($0, .caption) } + content.map { Pattern($0, .content) }
            + furniture.map { Pattern($0.word, .furniture($0.reason)) }
        var byFirstByte = [[Pattern]](repeating: [], count: 256)
        for pattern in patterns { if let first = pattern.bytes.first { byFirstByte[Int(first)].append(pattern) } }
        patternsByFirstByte = byFirstByte
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
        return names.withUTF8(judgement)
    }

    private func judgement(_ names: UnsafeBufferPointer<UInt8>) -> Judgement {
        var judgement = Judgement()
        var start = 0
        while start < names.count {
            guard let first = Self.wordByte(names[start]) else {
                start += 1
                continue
            }
            var end = start + 1
            while end < names.count, Self.wordByte(names[end]) != nil { end += 1 }
            for pattern in patternsByFirstByte[Int(first)] where pattern.matches(names[start..<end]) {
                switch pattern.verdict {
                case .caption: judgement.isCaption = true
                case .content: judgement.isContent = true
                case .furniture(let found): if judgement.reason == nil { judgement.reason = found }
                case .none: break
                }
            }
            start = end
        }
        return judgement
    }

    /// A letter (lowercased) or digit, which words are made of; nil for a byte between words.
    private static func wordByte(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): byte
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
        default: nil
        }
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
