import WarraqCore
import WarraqFormats
import WarraqText
import WarraqXML
import WarraqYAML

/// What the fuzzer feeds and what it renders: every reader, and every writer behind them.
public enum FuzzTargets {
    public static let readers: [ReaderFormat] = [
        ScrapeReader.format, PlainTextReader.format, HTMLReader.format, JSONLReader.format, YAMLReader.format,
    ]
    public static let writers: [WriterFormat] = [JSONLWriter.format, YAMLWriter.format, TEIWriter.format, MarkdownWriter.format]

    public static func reader(named name: String) -> ReaderFormat? { readers.first { $0.name == name } }
}

/// What one case did, for the run's tallies. A crash or a hang never returns, so it is not here.
public struct FuzzOutcome: Sendable, Equatable {
    public var documents = 0
    /// The input was refused as a whole (the reader threw).
    public var refused = false
    /// Diagnostics the reader reported (malformed lines, repaired bytes).
    public var diagnostics = 0
    /// Documents a writer refused (a `WriterError`), which the pipeline reports and skips.
    public var writerErrors = 0
    /// Broken promises: JSONL or YAML that does not read back as the document written.
    public var violations: [String] = []
}

/// Runs one input through a reader and every writer, in this process, as the pipeline would.
public enum FuzzExecutor {
    /// At most this many documents are rendered per case; the rest are read and counted, so a
    /// case that splits into thousands of documents stays cheap.
    public static let renderedDocumentLimit = 8

    public static func run(_ bytes: [UInt8], reader format: ReaderFormat) -> FuzzOutcome {
        var outcome = FuzzOutcome()
        let input = Input(path: "fuzz." + (format.extensions.first ?? "in"), source: .bytes(bytes))
        var reader: any DocumentReader
        do { reader = try format.make(input, FormatOptions()) } catch {
            outcome.refused = true
            return outcome
        }
        while true {
            let document: Document?
            do { document = try reader.next() } catch {
                outcome.refused = true
                break
            }
            outcome.diagnostics += reader.takeDiagnostics().count
            guard let document else { break }
            outcome.documents += 1
            if outcome.documents <= renderedDocumentLimit { render(document, into: &outcome) }
        }
        return outcome
    }

    private static func render(_ document: Document, into outcome: inout FuzzOutcome) {
        var jsonl: [UInt8] = []
        for format in FuzzTargets.writers {
            guard var writer = try? format.make(FormatOptions()) else { continue }
            var bytes: [UInt8] = []
            do {
                try writer.begin(.single, into: &bytes)
                try writer.write(document, into: &bytes)
                try writer.finish(into: &bytes)
            } catch {
                outcome.writerErrors += 1
                continue
            }
            _ = writer.takeWarnings()
            switch format.name {
            case "jsonl":
                jsonl = bytes
                checkReadsBack(bytes, with: JSONLReader.format, as: jsonl, into: &outcome)
            case "yaml":
                checkReadsBack(bytes, with: YAMLReader.format, as: jsonl, into: &outcome)
            default:
                break
            }
        }
    }

    /// JSONL and YAML promise to give back the JSONL they were made from, byte for byte.
    private static func checkReadsBack(_ bytes: [UInt8], with format: ReaderFormat, as jsonl: [UInt8], into outcome: inout FuzzOutcome) {
        let input = Input(path: "written." + format.extensions[0], source: .bytes(bytes))
        var again: [UInt8] = []
        do {
            var reader = try format.make(input, FormatOptions())
            var writer = JSONLWriter()
            while let document = try reader.next() { try writer.write(document, into: &again) }
        } catch {
            outcome.violations.append("\(format.name) output does not read back: \(error)")
            return
        }
        if again != jsonl { outcome.violations.append("\(format.name) output reads back as a different document") }
    }
}
