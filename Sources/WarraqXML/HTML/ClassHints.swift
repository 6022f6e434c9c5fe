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

        func matches(_ word: ArraySlice<UInt8>) -> Bool {
            guard exact ? word.count == bytes.count : word.count >= bytes.count, word.first == bytes.first else { return false }
            var offset = word.startIndex
            for byte in bytes {
                if word[offset] != byte { return false }
                offset += 1
            }
            return true
        }
    }

    private let patterns: [Pattern]

    init(furniture: [(word: String, reason: RemovalReason)], caption: [String], content: [String]) {
        self.furniture = furniture
        self.caption = caption
        self.content = content
        patterns = caption.map { Pattern($0, .caption) } + content.map { Pattern($0, .content) }
            + furniture.map { Pattern($0.word, .furniture($0.reason)) }
    }

    func verdict(_ names: String) -> Verdict {
        var isContent = false
        var isCaption = false
        var reason: RemovalReason?
        var word: [UInt8] = []
        func judge() {
            guard !word.isEmpty else { return }
            for pattern in patterns where pattern.matches(word[...]) {
                switch pattern.verdict {
                case .caption: isCaption = true
                case .content: isContent = true
                case .furniture(let found): if reason == nil { reason = found }
                case .none: break
                }
            }
            word.removeAll(keepingCapacity: true)
        }
        for byte in names.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 32)
            default: judge()
            }
        }
        judge()
        if isCaption { return .caption }
        if isContent, reason == nil { return .content }
        return reason.map { .furniture($0) } ?? .none
    }
}

extension ClassHints {
    /// The hints compiled into Warraq, from `Resources/html-hints.yaml`.
    static let builtIn: ClassHints = {
        // The built-in file is checked by the tests; a failure here is a build defect.
        try! ClassHints(yaml: Array(EmbeddedData.files["html-hints.yaml"]!.utf8), source: "built-in html-hints.yaml")
    }()

    /// Reads hints from YAML: `furniture` (removal reason → words), `caption` and `content`
    /// (words), refusing other keys and reasons with the file, line and key at fault.
    init(yaml bytes: [UInt8], source: String) throws(ProfileError) {
        let root: YAMLNode
        do { root = try YAMLLoader.load(bytes) } catch { throw ProfileError(source: source, line: error.line, error.message) }
        func fail(_ node: YAMLNode, _ message: String) -> ProfileError { ProfileError(source: source, line: node.line, message) }
        func words(_ node: YAMLNode, _ key: String) throws(ProfileError) -> [String] {
            guard let items = node.sequence else { throw fail(node, "\(key) must be a list of words") }
            var found: [String] = []
            for item in items {
                guard let word = item.scalar, !word.isEmpty else { throw fail(item, "\(key) must be a list of words") }
                found.append(word.lowercased())
            }
            return found
        }
        guard let pairs = root.mapping else { throw fail(root, "hints must be a mapping of furniture, caption and content") }
        var furniture: [(word: String, reason: RemovalReason)] = []
        var caption: [String] = []
        var content: [String] = []
        for pair in pairs {
            switch pair.key.scalar ?? "" {
            case "furniture":
                guard let reasons = pair.value.mapping else { throw fail(pair.value, "furniture must map removal reasons to words") }
                for entry in reasons {
                    let name = entry.key.scalar ?? ""
                    guard RemovalReason.vocabulary.contains(RemovalReason(rawValue: name)) else {
                        throw fail(entry.key, "furniture.\(name) is not a removal reason (\(RemovalReason.vocabulary.map(\.rawValue).joined(separator: ", ")))")
                    }
                    furniture += try words(entry.value, "furniture.\(name)").map { ($0, RemovalReason(rawValue: name)) }
                }
            case "caption": caption = try words(pair.value, "caption")
            case "content": content = try words(pair.value, "content")
            case let other: throw fail(pair.key, "unknown key '\(other)' (furniture, caption, content)")
            }
        }
        self.init(furniture: furniture, caption: caption, content: content)
    }
}
