import CLibXML2
import WarraqCore
import Synchronization

/// Validates XML files against a RELAX NG schema with libxml2, compiling the schema once
/// (tei_all takes seconds) and reusing it for every file. Nothing is fetched from the network.
public final class RelaxNGValidator: @unchecked Sendable {
    /// A problem in a file: where, and what libxml2 said.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var message: String
        public var description: String { line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)" }
    }

    private let schema: xmlRelaxNGPtr
    /// libxml2's validation contexts are not shared between threads.
    private let lock = Mutex(())

    /// Compiles the schema at `path`; throws the schema's own problems when it cannot.
    public init(schemaPath: String) throws(ValidationSetupError) {
        guard let parser = xmlRelaxNGNewParserCtxt(schemaPath) else {
            throw ValidationSetupError("\(schemaPath): cannot read the schema")
        }
        defer { xmlRelaxNGFreeParserCtxt(parser) }
        let collector = ProblemCollector(file: schemaPath)
        let box = Unmanaged.passUnretained(collector).toOpaque()
        xmlRelaxNGSetParserStructuredErrors(parser, ProblemCollector.handler, box)
        guard let schema = xmlRelaxNGParse(parser) else {
            let first = collector.problems.first?.description ?? "\(schemaPath): not a RELAX NG schema"
            throw ValidationSetupError(first)
        }
        self.schema = schema
    }

    deinit { xmlRelaxNGFree(schema) }

    /// The problems of one file, empty when it is valid.
    public func validate(file path: String) -> [Problem] {
        lock.withLock { _ in
            let collector = ProblemCollector(file: path)
            let box = Unmanaged.passUnretained(collector).toOpaque()
            xmlSetStructuredErrorFunc(box, ProblemCollector.handler)
            defer { xmlSetStructuredErrorFunc(nil, nil) }
            let options = Int32(XML_PARSE_NONET.rawValue)
            guard let document = xmlReadFile(path, nil, options) else {
                return collector.problems.isEmpty ? [Problem(file: path, line: nil, message: "not well-formed XML")] : collector.problems
            }
            defer { xmlFreeDoc(document) }
            guard let context = xmlRelaxNGNewValidCtxt(schema) else {
                return [Problem(file: path, line: nil, message: "libxml2 could not make a validation context")]
            }
            defer { xmlRelaxNGFreeValidCtxt(context) }
            xmlRelaxNGSetValidStructuredErrors(context, ProblemCollector.handler, box)
            let status = xmlRelaxNGValidateDoc(context, document)
            if status != 0 && collector.problems.isEmpty {
                return [Problem(file: path, line: nil, message: "not valid against the schema")]
            }
            return collector.problems
        }
    }

    /// The schema path to use: the one given, else WARRAQ_TEI_SCHEMA, else the first existing
    /// of the data directories the README's set-up installs into.
    public static func findTEISchema(explicit: String?, environment: [String: String], fileExists: (String) -> Bool) throws(ValidationSetupError) -> String {
        if let explicit { return explicit }
        if let path = environment["WARRAQ_TEI_SCHEMA"] { return path }
        let candidates = teiSchemaCandidates(environment: environment)
        guard let found = candidates.first(where: fileExists) else {
            throw ValidationSetupError("no TEI schema found; give --schema FILE, set WARRAQ_TEI_SCHEMA, or install tei_all.rng (Scripts/setup --test) into one of: " + candidates.joined(separator: ", "))
        }
        return found
    }

    static func teiSchemaCandidates(environment: [String: String]) -> [String] {
        var candidates: [String] = []
        if let data = environment["XDG_DATA_HOME"] { candidates.append(data + "/warraq/tei_all.rng") }
        if let home = environment["HOME"] { candidates.append(home + "/.local/share/warraq/tei_all.rng") }
        return candidates + ["/usr/local/share/warraq/tei_all.rng", "/usr/share/warraq/tei_all.rng"]
    }
}

/// Validation cannot start: no schema, or a broken one.
public struct ValidationSetupError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ message: String) { description = message }
}

/// Gathers libxml2's structured errors for one file.
private final class ProblemCollector {
    let file: String
    var problems: [RelaxNGValidator.Problem] = []

    init(file: String) { self.file = file }

    static let handler: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let collector = Unmanaged<ProblemCollector>.fromOpaque(context).takeUnretainedValue()
        let message = error.pointee.message.map { String(cString: $0) }?.trimmingWhitespace() ?? "error"
        let line = Int(error.pointee.line)
        collector.problems.append(.init(file: collector.file, line: line > 0 ? line : nil, message: message))
    }
}
