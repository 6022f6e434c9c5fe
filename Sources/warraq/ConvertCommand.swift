import ArgumentParser
import Foundation
import WarraqCore
import WarraqPlugins
import WarraqText
import WarraqXML

/// `warraq convert`: the pipeline from the command line.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert inputs from one format to another.",
        discussion: """
        Inputs are files, directories (walked recursively, in name order, taking the files a \
        reader claims) or '-' for standard input; with no input, standard input is read. The \
        reader is chosen by each file's extension unless -f names one; the writer is -t, else \
        the extension of -o, else jsonl. Run 'warraq formats' to see them all.

        Problems are printed to standard error as 'path:line: message' and the rest of the \
        batch still converts. Exit status: 0 all inputs converted, 1 some failed, 2 usage error.

        Examples:
          warraq convert Examples/dumps/news-feed.txt
          warraq convert -f jsonl -t jsonl in.jsonl   # check and normalise JSONL
          warraq convert dumps/ -o all.jsonl --jobs 2
          find dumps -name '*.txt' | warraq convert --files-from - -t jsonl
          warraq convert dump.txt --output-dir out/ -t jsonl   # one file per document
          warraq convert dumps/ --transform dedupe --duplicates dups.jsonl

        """ + "\n" + FormatsCommand.examples
    )

    @Option(name: [.customShort("f"), .customLong("from")], help: ArgumentHelp("The reader for every input (default: by file extension).", valueName: "format"), completion: .list(BuiltinFormats.registry.readers.map(\.name)))
    var from: String?

    @Option(name: [.customShort("t"), .customLong("to")], help: ArgumentHelp("The writer (default: from the extension of -o, else jsonl).", valueName: "format"), completion: .list(BuiltinFormats.registry.writers.map(\.name)))
    var to: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("output-dir"), help: ArgumentHelp("Write one file per document into this directory, named by document id.", valueName: "dir"))
    var outputDirectory: String?

    @Flag(help: "Overwrite output files that exist already.")
    var force = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Inputs converted at once (default: the number of cores). Output order never depends on it.", valueName: "n"))
    var jobs: Int = Self.cores

    /// Read once: ArgumentParser makes the command several times while parsing, and each count
    /// reads the cgroup files again.
    private static let cores = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("files-from"), help: ArgumentHelp("Read more input paths from this file, one per line ('-' for standard input).", valueName: "file"))
    var filesFrom: String?

    @Option(name: .customLong("profile"), help: ArgumentHelp("A YAML profile that teaches the scrape and HTML readers a site (repeatable); ~/.config/warraq/profiles/*.yaml are read too.", valueName: "file"))
    var profiles: [String] = []

    @Option(name: .customLong("plugin-timeout"), help: ArgumentHelp("Seconds a plugin may go without answering before it is stopped.", valueName: "seconds"))
    var pluginTimeout: Double = 60

    @Flag(name: .customLong("validate"), help: "With -t tei and -o or --output-dir: check what was written against tei_all.rng.")
    var validateOutput = false

    @Option(help: ArgumentHelp("The RELAX NG schema for --validate (default: the installed tei_all.rng).", valueName: "file"))
    var schema: String?

    @Option(name: .customLong("transform"), help: ArgumentHelp("Apply a transform, NAME[:key=value,...] or a plugin's path (repeatable, in order; see 'warraq formats').", valueName: "name"))
    var transforms: [String] = []

    @Option(name: .customLong("duplicates"), help: ArgumentHelp("Write the documents dedupe dropped to this JSON Lines file.", valueName: "file"))
    var duplicates: String?

    @Option(name: .customLong("rejected"), help: ArgumentHelp("Write the documents filter rejected to this JSON Lines file.", valueName: "file"))
    var rejected: String?

    @Flag(name: .shortAndLong, help: "Print nothing but errors (no closing summary, no progress line).")
    var quiet = false

    @Flag(help: "Print a line for each input converted (documents, removed items) on standard error.")
    var verbose = false

    @Argument(help: ArgumentHelp("Files, directories, or '-' for standard input.", valueName: "input"))
    var inputs: [String] = []

    func validate() throws {
        if output != nil, outputDirectory != nil {
            throw ValidationError("give -o or --output-dir, not both")
        }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if !(pluginTimeout > 0) { throw ValidationError("--plugin-timeout must be more than 0 seconds") }
        if validateOutput, output == nil, outputDirectory == nil {
            throw ValidationError("--validate checks files: give -o FILE or --output-dir DIR")
        }
        if filesFrom == "-", inputs.contains("-") {
            throw ValidationError("standard input cannot be both --files-from - and an input")
        }
    }

    func run() throws {
        let profile: ScrapeProfile
        do { profile = try ProfileLoader.load(explicit: profiles) } catch {
            printError(error.description)
            throw ExitCode(2)
        }
        var plugins = PluginLoader(timeout: pluginTimeout)
        let registry: FormatRegistry
        let pipeline: Pipeline
        do {
            let reader = try from.map { try plugins.resolve($0, kind: .reader) }
            let writer = try to.map { try plugins.resolve($0, kind: .writer) }
            let steps = try transforms.map { try plugins.resolve($0, kind: .transform) }
            registry = plugins.registry(profile: profile)
            pipeline = try makePipeline(registry, reader: reader, writer: writer, transforms: steps, plugins: plugins)
        } catch let error as UsageError {
            throw ValidationError(error.message)
        }
        if !quiet { plugins.catalog.problems.forEach { printError("warraq: warning: \($0)") } }
        let fixedReader: ReaderFormat? = if case .fixed(let format, _) = pipeline.reader { format } else { nil }
        var collector = InputCollector(fixed: fixedReader, registry: registry)
        var arguments = inputs
        if let filesFrom { arguments += try readPathList(filesFrom) }
        if arguments.isEmpty { arguments = ["-"] }
        let collected = collector.collect(arguments)
        collector.diagnostics.forEach { printError($0.description) }

        let target: Pipeline.Target
        if let outputDirectory {
            target = .directory(outputDirectory, overwrite: force)
        } else if let output {
            do { target = .stream(try AtomicFileSink(path: output, overwrite: force)) } catch {
                printError(error.description)
                throw ExitCode(1)
            }
        } else {
            target = .stream(StandardOutputSink())
        }

        var sideFiles: SetAsideFiles
        do {
            sideFiles = try SetAsideFiles(["duplicates": duplicates, "rejected": rejected].compactMapValues { $0 }, overwrite: force)
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
        let summary: Pipeline.Summary
        let status = BatchStatus(inputs: collected, quiet: quiet, verbose: verbose, outputOnTerminal: output == nil && outputDirectory == nil && isTerminal(1))
        do {
            defer { status.finish() }
            summary = try pipeline.run(collected, into: target, report: status.report, progress: status.progress, setAside: { try sideFiles.write($0) })
            try sideFiles.commit()
        } catch is BrokenPipe {
            sideFiles.abandon()
            throw ExitCode.success
        } catch let error as OutputError {
            sideFiles.abandon()
            printError(error.description)
            throw ExitCode(1)
        }
        for (channel, n) in sideFiles.unkept.sorted(by: { $0.key < $1.key }) {
            let hint = ["duplicates", "rejected"].contains(channel) ? "; give --\(channel) FILE to keep them" : ""
            printError("warraq: warning: \(counted(n, "document")) set aside as \(channel) and not kept\(hint)")
        }
        let pluginFailures = PluginFormats.closeIdlePlugins()
        pluginFailures.forEach { printError($0.description) }
        let unreadable = collector.diagnostics.filter { $0.severity == .error }.count
        let failed = summary.failedInputs + unreadable
        if !quiet {
            let total = summary.inputs + unreadable
            printError("warraq: \(total - failed) of \(counted(total, "input")) converted, \(failed) failed; \(counted(summary.documents, "document")), \(counted(summary.removed, "removed item"))")
        }
        if failed > 0 || !pluginFailures.isEmpty { throw ExitCode(1) }
        if validateOutput, try !validateOutputs(writer: pipeline.writer) { throw ExitCode(1) }
    }

    /// Checks the files just written against the TEI schema; false when any is invalid.
    private func validateOutputs(writer: WriterFormat) throws -> Bool {
        guard writer.name == "tei" else { throw ValidationError("--validate checks TEI: use it with -t tei") }
        var files: [String] = output.map { [$0] } ?? []
        if let outputDirectory {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: outputDirectory)) ?? []
            files = names.filter { $0.hasSuffix(".xml") }.sorted().map { outputDirectory + "/" + $0 }
        }
        let invalid = try TEIFileChecker(schema: schema).check(files)
        if !quiet { printError("warraq: \(files.count - invalid) of \(files.count) TEI files valid") }
        return invalid == 0
    }

    private typealias Spec = (name: String, options: FormatOptions)

    private func makePipeline(_ registry: FormatRegistry, reader from: Spec?, writer to: Spec?, transforms: [Spec], plugins: PluginLoader) throws -> Pipeline {
        let readerChoice: Pipeline.ReaderChoice
        if let (from, options) = from {
            guard let format = registry.reader(named: from) else {
                throw ValidationError("no reader called '\(from)' (readers: \(registry.readers.map(\.name).joined(separator: ", ")))")
            }
            try options.validate(against: format.options, for: "reader '\(format.name)'")
            try plugins.check(options, kind: .reader, name: format.name)
            readerChoice = .fixed(format, options)
        } else {
            readerChoice = .byExtension(registry, fallback: BuiltinFormats.fallbackReader)
        }
        let writer: WriterFormat
        var writerOptions = FormatOptions()
        if let (to, options) = to {
            guard let format = registry.writer(named: to) else {
                throw ValidationError("no writer called '\(to)' (writers: \(registry.writers.map(\.name).joined(separator: ", ")))")
            }
            try options.validate(against: format.options, for: "writer '\(format.name)'")
            try plugins.check(options, kind: .writer, name: format.name)
            writer = format
            writerOptions = options
        } else if let output, let format = registry.writer(forPath: output) {
            writer = format
        } else {
            writer = registry.writer(named: "jsonl")!
        }
        let steps = try transforms.map { name, options in
            guard let format = registry.transform(named: name) else {
                throw ValidationError("no transform called '\(name)' (transforms: \(registry.transforms.map(\.name).joined(separator: ", ")))")
            }
            try options.validate(against: format.options, for: "transform '\(format.name)'")
            try plugins.check(options, kind: .transform, name: format.name)
            // Made once here so that a bad value fails before any input is read.
            _ = try format.make(options)
            return Pipeline.Step(format, options)
        }
        return Pipeline(reader: readerChoice, transforms: steps, writer: writer, writerOptions: writerOptions, jobs: jobs)
    }

    /// Paths from a file or standard input, one per line; blank lines skipped.
    private func readPathList(_ path: String) throws -> [String] {
        let input = path == "-" ? Input.standardInput() : Input.file(path)
        do {
            var lines = try input.lines()
            var paths: [String] = []
            while let line = try lines.next() {
                let text = line.text.trimmingWhitespace()
                if !text.isEmpty { paths.append(text) }
            }
            return paths
        } catch {
            throw ValidationError("--files-from \(path): \(error)")
        }
    }
}
