import CLibXML2
import Synchronization
import WarraqCore

/// Validates XML files against a RELAX NG schema with libxml2. The schema is compiled once, in
/// `init` (tei_all takes seconds), and reused for every file; nothing is fetched from the network.
public final class RelaxNGValidator: @unchecked Sendable {
    /// A problem in a file: where, and what libxml2 said.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var message: String
        public var description: String { line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)" }
    }

    private let schema: xmlRelaxNGPtr
    /// libxml2's validation contexts and error hooks are not shared between threads.
    private let lock = Mutex(())
    /// Network access off; line numbers past 65535 kept, for large corpora.
    private static let parseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// Compiles the schema at `path`; throws the schema's first problem when it cannot.
    public init(schemaPath: String) throws(ValidationSetupError) {
        NoNetwork.install()
        let collector = ProblemCollector(file: schemaPath)
        let compiled: xmlRelaxNGPtr? = collector.collecting {
            guard let document = xmlReadFile(schemaPath, nil, Self.parseOptions) else { return nil }
            defer { xmlFreeDoc(document) }
            // The parser context copies the document.
            guard let parser = xmlRelaxNGNewDocParserCtxt(document) else { return nil }
            defer { xmlRelaxNGFreeParserCtxt(parser) }
            xmlRelaxNGSetParserStructuredErrors(parser, ProblemCollector.handler, collector.context)
            return xmlRelaxNGParse(parser)
        }
        guard let compiled else {
            throw ValidationSetupError(collector.problems.first?.description ?? "\(schemaPath): cannot read the schema")
        }
        schema = compiled
    }

    deinit { xmlRelaxNGFree(schema) }

    /// The problems of one file, empty when it is valid.
    public func validate(file path: String) -> [Problem] {
        lock.withLock { _ in
            let collector = ProblemCollector(file: path)
            let valid = collector.collecting { () -> Bool in
                guard let document = xmlReadFile(path, nil, Self.parseOptions) else { return false }
                defer { xmlFreeDoc(document) }
                guard let context = xmlRelaxNGNewValidCtxt(schema) else { return false }
                defer { xmlRelaxNGFreeValidCtxt(context) }
                xmlRelaxNGSetValidStructuredErrors(context, ProblemCollector.handler, collector.context)
                return xmlRelaxNGValidateDoc(context, document) == 0
            }
            if !valid && collector.problems.isEmpty {
                return [Problem(file: path, line: nil, message: "not valid against the schema")]
            }
            return collector.problems
        }
    }
}

/// Gathers libxml2's structured errors for one file, from the parser and the validator alike.
private final class ProblemCollector {
    let file: String
    var problems: [RelaxNGValidator.Problem] = []

    init(file: String) { self.file = file }

    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// Runs `body` with libxml2's parser errors (this thread's) sent here.
    func collecting<T>(_ body: () -> T) -> T {
        xmlSetStructuredErrorFunc(context, Self.handler)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return withExtendedLifetime(self) { body() }
    }

    static let handler: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let collector = Unmanaged<ProblemCollector>.fromOpaque(context).takeUnretainedValue()
        let message = error.pointee.message.map { String(cString: $0) }?.trimmingWhitespace() ?? "error"
        let line = Int(error.pointee.line)
        collector.problems.append(.init(file: collector.file, line: line > 0 ? line : nil, message: message))
    }
}
