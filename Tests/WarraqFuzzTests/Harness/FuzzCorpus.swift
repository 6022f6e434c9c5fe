import Glibc
import WarraqCore
import WarraqFormats
import WarraqYAML

/// The seeds the mutator starts from: our fixtures, and the writers' own output for the JSONL and
/// YAML readers, so that mutations start from inputs each reader accepts.
public struct FuzzCorpus: Sendable {
    /// Seeds by reader name; every reader also gets the others' seeds now and then.
    public var seeds: [String: [[UInt8]]]

    public var all: [[UInt8]] { seeds.keys.sorted().flatMap { seeds[$0]! } }

    /// `Tests/Fixtures`, found from this file's path.
    public static let fixturesDirectory: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)
        return parts.joined(separator: "/") + "/Tests/Fixtures"
    }()

    public init(fixtures: String = FuzzCorpus.fixturesDirectory) {
        var seeds: [String: [[UInt8]]] = [:]
        for path in Self.files(under: fixtures) {
            guard let bytes = Self.read(path) else { continue }
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let reader: String? = switch name.split(separator: ".").dropFirst().first {
            case "txt": "scrape"
            case "text": "text"
            case "html", "htm": "html"
            case "jsonl": "jsonl"
            case "yaml", "yml": "yaml"
            default: nil
            }
            if let reader { seeds[reader, default: []].append(bytes) }
        }
        // The writers' output for documents read from the scrape and HTML seeds, each document
        // alone, cut down to a few blocks, and cut to a title and the start of one paragraph, so
        // that a seed fits a case.
        for (reader, inputs) in seeds.sorted(by: { $0.key < $1.key }) where reader == "scrape" || reader == "html" {
            guard let format = FuzzTargets.reader(named: reader) else { continue }
            for bytes in inputs {
                guard var documents = try? format.make(Input(path: "seed.in", source: .bytes(bytes)), FormatOptions()) else { continue }
                while let document = try? documents.next() {
                    var small = document
                    small.origin?.sha256 = nil
                    small.body = Array(small.body.prefix(2))
                    small.related = Array(small.related.prefix(1))
                    small.removed = Array(small.removed.prefix(2))
                    // Short enough to fit a case whole, whatever the fixtures hold.
                    let tiny = Document(
                        id: document.id, title: document.title.map { String($0.prefix(30)) },
                        body: document.body.prefix(1).map { .paragraph(Paragraph(text: String($0.plainText.prefix(40)))) }
                    )
                    for document in [document, small, tiny] {
                        var jsonl: [UInt8] = [], yaml: [UInt8] = []
                        var jsonlWriter = JSONLWriter(), yamlWriter = YAMLWriter()
                        try? jsonlWriter.write(document, into: &jsonl)
                        try? yamlWriter.write(document, into: &yaml)
                        seeds["jsonl", default: []].append(jsonl)
                        seeds["yaml", default: []].append(yaml)
                    }
                }
            }
        }
        self.seeds = seeds
    }

    /// Regular files under `directory`, recursively, in byte order of their paths.
    public static func files(under directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var found: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            let path = directory + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR { found += files(under: path) } else if (info.st_mode & S_IFMT) == S_IFREG { found.append(path) }
        }
        return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    public static func read(_ path: String) -> [UInt8]? {
        (try? Input.file(path).readAll())
    }
}
