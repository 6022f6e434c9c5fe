import WarraqCore
import WarraqYAML

/// Reads one profile document into a `ScrapeProfile`, refusing unknown keys and wrong shapes
/// with the file, line and key at fault.
struct ProfileReader {
    let source: String

    static let keys = ["name", "agencies", "placePrefixes", "labels", "relatedLabels", "boilerplate", "adMarkers", "embedHosts", "months", "html"]
    static let labelKeys = ["date", "keywords", "publisher", "author"]

    func read(_ root: YAMLNode, into profile: inout ScrapeProfile) throws(ProfileError) {
        guard let pairs = root.mapping else { throw error(root, "a profile must be a mapping of the keys \(Self.keys.joined(separator: ", "))") }
        for pair in pairs {
            let key = pair.key.scalar ?? ""
            let value = pair.value
            switch key {
            case "name": _ = try scalar(value, key)
            case "agencies": profile.agencies.add(try strings(value, key))
            case "placePrefixes": profile.placePrefixes.add(try strings(value, key))
            case "relatedLabels": profile.relatedLabels.add(try strings(value, key))
            case "adMarkers": profile.adMarkers += try strings(value, key)
            case "embedHosts": profile.embedHosts += try strings(value, key)
            case "labels":
                for (label, node) in try mapping(value, key, allowed: Self.labelKeys) {
                    let phrases = try strings(node, "labels.\(label)")
                    switch label {
                    case "date": profile.dateLabels.add(phrases)
                    case "keywords": profile.keywordLabels.add(phrases)
                    case "publisher": profile.publisherLabels.add(phrases)
                    default: profile.authorLabels.add(phrases)
                    }
                }
            case "boilerplate":
                let allowed = RemovalReason.vocabulary.map(\.rawValue)
                for (reason, node) in try mapping(value, key, allowed: allowed) {
                    let phrases = try strings(node, "boilerplate.\(reason)")
                    let reason = RemovalReason(rawValue: reason)
                    if let index = profile.boilerplate.firstIndex(where: { $0.reason == reason }) {
                        profile.boilerplate[index].phrases.add(phrases)
                    } else {
                        profile.boilerplate.append(BoilerplateRule(reason: reason, phrases: PhraseList(phrases)))
                    }
                }
            case "html": profile.html.add(try HTMLHintLists(yaml: value, source: source, key: key))
            case "months":
                for (number, node) in try mapping(value, key, allowed: (1...12).map(String.init)) {
                    let month = Int(number)!
                    profile.months += try strings(node, "months.\(number)").map { (Folding.fold($0), month) }
                }
                profile.months.sort { $0.name.utf8.count > $1.name.utf8.count }
            default:
                throw error(pair.key, "unknown key '\(key)' (known: \(Self.keys.joined(separator: ", ")))")
            }
        }
    }

    private func error(_ node: YAMLNode, _ message: String) -> ProfileError {
        ProfileError(source: source, line: node.line, message)
    }

    private func scalar(_ node: YAMLNode, _ key: String) throws(ProfileError) -> String {
        guard let text = node.scalar else { throw error(node, "'\(key)' must be text, not \(node.kindName)") }
        return text
    }

    private func strings(_ node: YAMLNode, _ key: String) throws(ProfileError) -> [String] {
        guard let items = node.sequence else { throw error(node, "'\(key)' must be a list, not \(node.kindName)") }
        var out: [String] = []
        for item in items { out.append(try scalar(item, key)) }
        return out
    }

    private func mapping(_ node: YAMLNode, _ key: String, allowed: [String]) throws(ProfileError) -> [(String, YAMLNode)] {
        guard let pairs = node.mapping else { throw error(node, "'\(key)' must be a mapping, not \(node.kindName)") }
        var out: [(String, YAMLNode)] = []
        for pair in pairs {
            let name = pair.key.scalar ?? ""
            guard allowed.contains(name) else {
                throw error(pair.key, "unknown key '\(key).\(name)' (known: \(allowed.joined(separator: ", ")))")
            }
            out.append((name, pair.value))
        }
        return out
    }
}
