import Glibc
import WarraqCore

/// Turns a format entry, the same `ReaderFormat`, `WriterFormat` or `TransformFormat` a built-in
/// registers, into a plugin program: `--describe` prints its handshake, anything else runs the
/// protocol over stdin and stdout (docs/plugins.md). An executable's whole `main.swift` can be
///
///     PluginMain.serve(MyReader.format)
public enum PluginMain {
    public static func serve(_ format: ReaderFormat) -> Never {
        let description = describe(.reader, format.name, format.summary, format.extensions, format.options)
        run(description) { options, out in
            let environment = currentEnvironment()
            var reader = try format.make(Input.standardInput(name: environment["WARRAQ_INPUT"] ?? "-"), options)
            while let document = try reader.next() {
                report(reader.takeDiagnostics())
                var line: [UInt8] = []
                DocumentLines.encode(document, into: &line)
                try out.write(line)
            }
            report(reader.takeDiagnostics())
        }
    }

    public static func serve(_ format: WriterFormat) -> Never {
        let description = describe(.writer, format.name, format.summary, format.extensions, format.options)
        run(description) { options, out in
            var writer = try format.make(options)
            var documents = try documentLines()
            // One document read ahead tells the writer the stream's shape before its first byte.
            var next = try documents.next()
            var bytes: [UInt8] = []
            var shapeKnown = false
            while let document = next {
                next = try documents.next()
                if !shapeKnown {
                    try writer.begin(next == nil ? .single : .multiple, into: &bytes)
                    shapeKnown = true
                }
                try writer.write(document, into: &bytes)
                writer.takeWarnings().forEach { report(Diagnostic(path: document.id, $0, severity: .warning)) }
                try out.write(bytes)
                bytes.removeAll(keepingCapacity: true)
            }
            if !shapeKnown { try writer.begin(.multiple, into: &bytes) }
            try writer.finish(into: &bytes)
            try out.write(bytes)
        }
    }

    public static func serve(_ format: TransformFormat) -> Never {
        var description = describe(.transform, format.name, format.summary, [], format.options)
        description.perDocument = format.isPerDocument
        run(description) { options, out in
            var transform = try format.make(options)
            var documents = try documentLines()
            var line: [UInt8] = []
            while let document = try documents.next() {
                DocumentLines.encodeAnswer(try transform.apply(document), into: &line)
                try out.write(line)
                try out.commit()
                line.removeAll(keepingCapacity: true)
            }
            let held = try transform.finish()
            if !held.isEmpty {
                DocumentLines.encodeAnswer(held, into: &line)
                try out.write(line)
            }
        }
    }

    private static func describe(_ kind: PluginKind, _ name: String, _ summary: String, _ extensions: [String], _ options: [FormatOption]) -> PluginDescription {
        let program = PluginProgram(path: CommandLine.arguments.first ?? name, kind: kind, name: name, source: "")
        return PluginDescription(program: program, summary: summary, extensions: extensions, options: options.map {
            PluginOption($0.name, .string, default: $0.defaultValue, summary: $0.summary)
        })
    }

    /// `--describe`, or the body with the options the host passed; an error is reported on
    /// stderr as a JSON line and ends the program with status 1.
    private static func run(_ description: PluginDescription, body: (FormatOptions, inout StandardOutputSink) throws -> Void) -> Never {
        var out = StandardOutputSink()
        do {
            if CommandLine.arguments.dropFirst().first == "--describe" {
                try out.write(JSONWriter.bytes(description.json) + [0x0A])
            } else {
                try body(try options(), &out)
            }
            try out.commit()
            exit(0)
        } catch {
            report([Diagnostic(path: "", "\(error)")])
            exit(1)
        }
    }

    /// The options from `WARRAQ_OPTIONS`, as the strings `FormatOptions` holds.
    private static func options() throws -> FormatOptions {
        guard let text = currentEnvironment()["WARRAQ_OPTIONS"], let members = try JSONParser.parse(text).objectValue else {
            return FormatOptions()
        }
        var values: [String: String] = [:]
        for member in members {
            switch member.value {
            case .string(let s): values[member.key] = s
            case .number(let n): values[member.key] = n
            case .bool(let b): values[member.key] = b ? "true" : "false"
            default: continue
            }
        }
        return FormatOptions(values)
    }

    /// Documents from stdin, one per line.
    private static func documentLines() throws -> DocumentLineIterator {
        DocumentLineIterator(lines: try Input.standardInput().lines())
    }

    /// Diagnostics as the protocol's stderr JSON lines.
    private static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            var o = JSONObjectBuilder()
            o.add("severity", diagnostic.severity.rawValue)
            o.add("message", diagnostic.message)
            if let line = diagnostic.line { o.add("line", .int(line)) }
            let bytes = JSONWriter.bytes(o.json) + [0x0A]
            _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        }
    }

    private static func report(_ diagnostic: Diagnostic) { report([diagnostic]) }
}

/// Reads stdin's lines as documents; a line that is not one stops the program with its line number.
struct DocumentLineIterator {
    var lines: LineReader

    mutating func next() throws -> Document? {
        while let line = try lines.next() {
            guard line.bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            do { return try DocumentLines.decode(line.bytes) } catch {
                throw InputError(line: line.number, "input line \(line.number): \(error)")
            }
        }
        return nil
    }
}
