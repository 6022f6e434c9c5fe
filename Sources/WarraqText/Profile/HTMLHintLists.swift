import WarraqCore
import WarraqYAML

/// What the HTML reader knows about class, id and role words, as lists: the built-in
/// `html-hints.yaml` has this shape, and so has a profile's `html` key, whose lists are added to
/// the built-in ones. The lists are read here, with the rest of a profile, so that a bad hint
/// stops the run at load time; the HTML reader compiles them.
public struct HTMLHintLists: Sendable {
    /// Hint word → why such a subtree is page furniture, in the order read.
    public private(set) var furniture: [(word: String, reason: RemovalReason)] = []
    /// Words that mark a caption or picture credit.
    public private(set) var caption: [String] = []
    /// Words that mark article content.
    public private(set) var content: [String] = []

    static let keys = ["furniture", "caption", "content"]

    public init() {}

    /// Reads `furniture` (removal reason → words), `caption` and `content` (words), refusing other
    /// keys and reasons with the file, line and key (under `key`, when given) at fault.
    public init(yaml root: YAMLNode, source: String, key: String? = nil) throws(ProfileError) {
        func name(_ part: String) -> String { key.map { "\($0).\(part)" } ?? part }
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
        guard let pairs = root.mapping else { throw fail(root, "\(key ?? "hints") must be a mapping of furniture, caption and content") }
        for pair in pairs {
            switch pair.key.scalar ?? "" {
            case "furniture":
                guard let reasons = pair.value.mapping else { throw fail(pair.value, "\(name("furniture")) must map removal reasons to words") }
                for entry in reasons {
                    let reason = entry.key.scalar ?? ""
                    guard RemovalReason.vocabulary.contains(RemovalReason(rawValue: reason)) else {
                        throw fail(entry.key, "\(name("furniture.\(reason)")) is not a removal reason (\(RemovalReason.vocabulary.map(\.rawValue).joined(separator: ", ")))")
                    }
                    furniture += try words(entry.value, name("furniture.\(reason)")).map { ($0, RemovalReason(rawValue: reason)) }
                }
            case "caption": caption += try words(pair.value, name("caption"))
            case "content": content += try words(pair.value, name("content"))
            case let other: throw fail(pair.key, "unknown key '\(name(other))' (\(Self.keys.joined(separator: ", ")))")
            }
        }
    }

    /// Adds another file's lists after these.
    public mutating func add(_ other: HTMLHintLists) {
        furniture += other.furniture
        caption += other.caption
        content += other.content
    }
}
