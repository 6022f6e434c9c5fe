import WarraqCore

/// Reads YAML streams written by the `yaml` writer (or by hand) back into documents, one YAML
/// document at a time. Plain `true`/`false` and whole numbers come back as JSON booleans and
/// numbers; quoted scalars always stay strings. A malformed document is reported with its line
/// and skipped; after a syntax error, reading goes on at the next `---` line.
public struct YAMLReader: DocumentReader {
    public static let format = ReaderFormat(
        name: "yaml",
        summary: "YAML streams of Warraq documents, as the yaml writer makes them",
        extensions: ["yaml", "yml"],
        mediaTypes: ["application/yaml"],
        example: "warraq convert -f yaml -t jsonl articles.yaml"
    ) { input, _ in try YAMLReader(input) }

    private let path: String
    private let bytes: [UInt8]
    private var parser: EventParser
    /// Lines of the input before the part `parser` reads, after a resynchronisation.
    private var lineOffset = 0
    /// Where in `bytes` the part `parser` reads starts.
    private var parserStart = 0
    private var builder = TreeBuilder()
    /// After a malformed document: its remaining events are skipped up to its end.
    private var skipping = false
    private var diagnostics: [Diagnostic] = []

    public init(_ input: Input) throws {
        path = input.path
        // libyaml stops at the first bad byte; repaired first, the rest of the stream survives.
        let decoded = TextDecoding.decode(try input.readAll())
        diagnostics = decoded.problems.map { Diagnostic(path: input.path, $0, severity: .warning) }
        bytes = Array(decoded.text.utf8)
        parser = EventParser(bytes)
    }

    public mutating func next() throws -> Document? {
        while true {
            let event: YAMLEvent?
            do { event = try parser.next() } catch {
                let line = (error.line ?? 1) + lineOffset
                diagnostics.append(Diagnostic(path: path, line: line, "not YAML: \(error.message)"))
                // libyaml cannot go on after a syntax error: start again at the next document.
                guard resynchronise(after: line) else { return nil }
                continue
            }
            guard let event else { return nil }
            if skipping {
                if case .documentEnd = event { skipping = false }
                continue
            }
            let node: YAMLNode?
            do { node = try builder.add(event) } catch {
                diagnostics.append(Diagnostic(path: path, line: error.line.map { $0 + lineOffset }, error.message))
                builder = TreeBuilder()
                if case .documentEnd = event {} else { skipping = true }
                continue
            }
            guard let node else { continue }
            if node.isNull { continue }
            do {
                return try Document(json: Self.json(node))
            } catch {
                diagnostics.append(Diagnostic(path: path, line: node.line + lineOffset, "not a Warraq document: \(error)"))
            }
        }
    }

    /// Restarts parsing at the first `---` line from `line` on, past where parsing last started;
    /// false when there is none.
    private mutating func resynchronise(after line: Int) -> Bool {
        var number = 1
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            if number >= line, start > parserStart, bytes[start..<end].starts(with: [0x2D, 0x2D, 0x2D]),
               end - start == 3 || [0x20, 0x09, 0x0D].contains(bytes[start + 3]) {
                parser = EventParser(Array(bytes[start...]))
                lineOffset = number - 1
                parserStart = start
                builder = TreeBuilder()
                skipping = false
                return true
            }
            number += 1
            start = end + 1
        }
        return false
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
