import WarraqCore

/// Reads YAML streams written by the `yaml` writer (or by hand) back into documents, one YAML
/// document at a time. Plain `true`/`false` and whole numbers come back as JSON booleans and
/// numbers; quoted scalars always stay strings. A malformed document is reported with its line
/// and skipped.
public struct YAMLReader: DocumentReader {
    public static let format = ReaderFormat(
        name: "yaml",
        summary: "YAML streams of Warraq documents, as the yaml writer makes them",
        extensions: ["yaml", "yml"],
        mediaTypes: ["application/yaml"],
        example: "warraq convert -f yaml -t jsonl articles.yaml"
    ) { input, _ in try YAMLReader(input) }

    private let path: String
    private let parser: EventParser
    private var builder = TreeBuilder()
    private var diagnostics: [Diagnostic] = []
    private var failed = false

    public init(_ input: Input) throws {
        path = input.path
        parser = EventParser(try input.readAll())
    }

    public mutating func next() throws -> Document? {
        while !failed {
            let event: YAMLEvent?
            do { event = try parser.next() } catch {
                diagnostics.append(Diagnostic(path: path, line: error.line, "not YAML: \(error.message)"))
                failed = true
                return nil
            }
            guard let event else { return nil }
            let node: YAMLNode?
            do { node = try builder.add(event) } catch {
                diagnostics.append(Diagnostic(path: path, line: error.line, error.message))
                builder = TreeBuilder()
                continue
            }
            guard let node else { continue }
            if node.isNull { continue }
            do {
                return try Document(json: Self.json(node))
            } catch {
                diagnostics.append(Diagnostic(path: path, line: node.line, "not a Warraq document: \(error)"))
            }
        }
        return nil
    }

    public mutating func takeDiagnostics() -> [Diagnostic] {
        defer { diagnostics.removeAll() }
        return diagnostics
    }

    /// The JSON value a YAML node stands for, typed as the writer writes.
    static func json(_ node: YAMLNode) -> JSONValue {
        switch node.kind {
        case .mapping(let pairs): .object(pairs.map { JSONMember($0.key.scalar ?? "", json($0.value)) })
        case .sequence(let items): .array(items.map(json))
        case .scalar(let text, let plain):
            if plain, text == "true" { .bool(true) }
            else if plain, text == "false" { .bool(false) }
            else if plain, node.isNull { .null }
            else if plain, Int(text) != nil { .number(text) }
            else { .string(text) }
        }
    }
}
