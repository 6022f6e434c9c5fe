import CYAML

/// Loads YAML text into `YAMLNode` trees with the system libyaml.
///
/// Aliases are refused rather than expanded, so a "billion laughs" document costs nothing, and
/// nesting is capped.
public enum YAMLLoader {
    public static let maximumDepth = 256

    /// Every document of a stream.
    public static func loadAll(_ bytes: [UInt8]) throws(YAMLError) -> [YAMLNode] {
        let parser = EventParser(bytes)
        var documents: [YAMLNode] = []
        var builder = TreeBuilder()
        while let event = try parser.next() {
            if let document = try builder.add(event) { documents.append(document) }
        }
        return documents
    }

    /// The single document of a file; an empty file is an empty mapping.
    public static func load(_ bytes: [UInt8]) throws(YAMLError) -> YAMLNode {
        let documents = try loadAll(bytes)
        guard documents.count <= 1 else {
            throw YAMLError(line: documents[1].line, "expected one YAML document, found \(documents.count)")
        }
        return documents.first ?? YAMLNode(.mapping([]), line: 1)
    }
}

/// One libyaml event, copied out of C memory.
enum YAMLEvent {
    case documentStart
    case documentEnd
    case scalar(String, plain: Bool, line: Int)
    case sequenceStart(line: Int)
    case sequenceEnd
    case mappingStart(line: Int)
    case mappingEnd
    case alias(line: Int)
}

/// Wraps `yaml_parser_t`; the only place in Warraq that touches the libyaml parser. The parser
/// lives at a fixed heap address because libyaml keeps a pointer to it for its input handler.
final class EventParser {
    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    private let input: UnsafeMutableBufferPointer<UInt8>
    private var done = false

    init(_ bytes: [UInt8]) {
        input = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        yaml_parser_initialize(parser)
        yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        input.deallocate()
    }

    func next() throws(YAMLError) -> YAMLEvent? {
        while !done {
            var event = yaml_event_t()
            guard yaml_parser_parse(parser, &event) == 1 else {
                let problem = parser.pointee.problem.map { String(cString: $0) } ?? "malformed YAML"
                throw YAMLError(line: Int(parser.pointee.problem_mark.line) + 1, problem)
            }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            switch event.type {
            case YAML_STREAM_END_EVENT:
                done = true
            case YAML_DOCUMENT_START_EVENT: return .documentStart
            case YAML_DOCUMENT_END_EVENT: return .documentEnd
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                return .scalar(text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE, line: line)
            case YAML_SEQUENCE_START_EVENT: return .sequenceStart(line: line)
            case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
            case YAML_MAPPING_START_EVENT: return .mappingStart(line: line)
            case YAML_MAPPING_END_EVENT: return .mappingEnd
            case YAML_ALIAS_EVENT: return .alias(line: line)
            default: continue
            }
        }
        return nil
    }
}

/// Folds events into trees, one per document.
struct TreeBuilder {
    private enum Open {
        case sequence([YAMLNode], line: Int)
        case mapping([YAMLNode.Pair], pendingKey: YAMLNode?, line: Int)
    }

    private var stack: [Open] = []
    private var finished: YAMLNode?

    /// A finished document at its end event, else nil.
    mutating func add(_ event: YAMLEvent) throws(YAMLError) -> YAMLNode? {
        switch event {
        case .documentStart:
            finished = nil
        case .documentEnd:
            defer { finished = nil }
            return finished ?? YAMLNode(.scalar("", plain: true), line: 1)
        case .scalar(let text, let plain, let line):
            try attach(YAMLNode(.scalar(text, plain: plain), line: line))
        case .sequenceStart(let line):
            try push(.sequence([], line: line), line: line)
        case .mappingStart(let line):
            try push(.mapping([], pendingKey: nil, line: line), line: line)
        case .sequenceEnd, .mappingEnd:
            switch stack.removeLast() {
            case .sequence(let items, let line): try attach(YAMLNode(.sequence(items), line: line))
            case .mapping(let pairs, _, let line): try attach(YAMLNode(.mapping(pairs), line: line))
            }
        case .alias(let line):
            throw YAMLError(line: line, "aliases (*name) are not supported; write the value out")
        }
        return nil
    }

    private mutating func push(_ open: Open, line: Int) throws(YAMLError) {
        guard stack.count < YAMLLoader.maximumDepth else {
            throw YAMLError(line: line, "nested deeper than \(YAMLLoader.maximumDepth) levels")
        }
        stack.append(open)
    }

    private mutating func attach(_ node: YAMLNode) throws(YAMLError) {
        guard let top = stack.popLast() else {
            finished = node
            return
        }
        switch top {
        case .sequence(var items, let line):
            items.append(node)
            stack.append(.sequence(items, line: line))
        case .mapping(var pairs, let key, let line):
            if let key {
                if let duplicate = pairs.first(where: { $0.key.scalar != nil && $0.key.scalar == key.scalar }) {
                    throw YAMLError(line: key.line, "key '\(duplicate.key.scalar!)' appears twice in one mapping")
                }
                pairs.append(YAMLNode.Pair(key: key, value: node))
                stack.append(.mapping(pairs, pendingKey: nil, line: line))
            } else {
                stack.append(.mapping(pairs, pendingKey: node, line: line))
            }
        }
    }
}
