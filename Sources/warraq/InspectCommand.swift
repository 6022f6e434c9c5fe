import ArgumentParser
import WarraqCore
import WarraqFormats

/// `warraq inspect`: one self-contained HTML page showing, line by line, what the readers made
/// of each input, so that a researcher can check an extraction by looking rather than reading JSON.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Write an HTML report of what Warraq did with each input, line by line.",
        discussion: """
        For every input the report shows its source lines beside the documents read from them: \
        each line marked as kept (and as which title, dateline, date, block, related item or \
        metadata field, found by its text) or removed (with its reason), counts by reason, and \
        links from each document to its lines. The file has its style inline and no scripts; \
        it opens offline in any browser.

        JSON Lines or YAML written by 'warraq convert' are shown against the files their \
        documents came from (origin.path), when those files can be read.

        Examples:
          warraq inspect Examples/dumps/news-feed.txt -o report.html
          warraq inspect dumps/ -o report.html --force
          warraq convert dumps/ -o all.jsonl && warraq inspect all.jsonl -o report.html
        """
    )

    @Option(name: [.customShort("f"), .customLong("from")], help: ArgumentHelp("The reader for every input (default: by file extension).", valueName: "format"), completion: .list(BuiltinFormats.registry.readers.map(\.name)))
    var from: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Overwrite the report file if it exists already.")
    var force = false

    @Option(name: .customLong("profile"), help: ArgumentHelp("A YAML profile that teaches the scrape and HTML readers a site (repeatable).", valueName: "file"))
    var profiles: [String] = []

    @Flag(name: .shortAndLong, help: "Print nothing but errors (no closing summary).")
    var quiet = false

    @Argument(help: ArgumentHelp("Files, directories, or '-' for standard input.", valueName: "input"))
    var inputs: [String] = []

    func run() throws {
        let registry: FormatRegistry
        do { registry = BuiltinFormats.registry(profile: try ProfileLoader.load(explicit: profiles)) } catch {
            printError(error.description)
            throw ExitCode(2)
        }
        var fixed: ReaderFormat?
        if let from {
            guard let format = registry.reader(named: from) else {
                throw ValidationError("no reader called '\(from)' (readers: \(registry.readers.map(\.name).joined(separator: ", ")))")
            }
            fixed = format
        }
        var collector = InputCollector(fixed: fixed, registry: registry)
        let collected = collector.collect(inputs.isEmpty ? ["-"] : inputs)
        collector.diagnostics.forEach { printError($0.description) }
        let unreadable = collector.diagnostics.count { $0.severity == .error }
        var failed = 0

        var sink: any ByteSink
        do { sink = try output.map { try AtomicFileSink(path: $0, overwrite: force) } ?? StandardOutputSink() } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
        var report = InspectReport()
        var page = HTMLOutput()
        report.begin(into: &page)
        var documentCount = 0
        do {
            for input in collected {
                let format = fixed ?? registry.reader(for: input) ?? BuiltinFormats.fallbackReader
                guard let read = read(input, with: format) else {
                    failed += 1
                    continue
                }
                if read.failed { failed += 1 }
                documentCount += read.documents.count
                for source in InspectSource.group(read.documents, readFrom: input.path, bytes: read.bytes, reader: format.name) {
                    report.add(path: source.path, format: source.format, lines: source.lines, note: source.note, documents: source.documents, into: &page)
                    try sink.write(page.bytes)
                    page.bytes.removeAll(keepingCapacity: true)
                }
            }
            report.finish(into: &page)
            try sink.write(page.bytes)
            try sink.commit()
        } catch is BrokenPipe {
            throw ExitCode.success
        } catch {
            sink.abandon()
            printError("\(error)")
            throw ExitCode(1)
        }
        if !quiet {
            let place = output.map { " in \($0)" } ?? ""
            printError("warraq: \(collected.count - failed) of \(counted(collected.count + unreadable, "input"))\(place), \(failed + unreadable) failed; \(counted(documentCount, "document"))")
        }
        if failed + unreadable > 0 { throw ExitCode(1) }
    }

    /// The input's bytes and every document read from them, and whether the reader reported an
    /// error; nil bytes (problems printed) when the input cannot be read at all.
    private func read(_ input: Input, with format: ReaderFormat) -> (bytes: [UInt8], documents: [Document], failed: Bool)? {
        let bytes: [UInt8]
        do { bytes = try input.readAll() } catch {
            printError(Diagnostic(path: input.path, line: error.line, error.message).description)
            return nil
        }
        var documents: [Document] = []
        var failed = false
        func report(_ diagnostics: [Diagnostic]) {
            diagnostics.forEach { printError($0.description) }
            failed = failed || diagnostics.contains { $0.severity == .error }
        }
        var reader: any DocumentReader
        do { reader = try format.make(Input(path: input.path, source: .bytes(bytes)), FormatOptions()) } catch {
            report([Pipeline.diagnostic(for: error, path: input.path)])
            return (bytes, [], true)
        }
        do {
            while let document = try reader.next() {
                report(reader.takeDiagnostics())
                documents.append(document)
            }
        } catch {
            report(reader.takeDiagnostics())
            report([Pipeline.diagnostic(for: error, path: input.path)])
        }
        report(reader.takeDiagnostics())
        return (bytes, documents, failed)
    }
}
