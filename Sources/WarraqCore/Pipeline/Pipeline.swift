import Dispatch
import Synchronization

/// Reader → transforms → writer over a batch of inputs.
///
/// Inputs are independent: with `jobs > 1` several are converted at once, and their documents are
/// written in input order, so the output bytes never depend on `jobs`. Within an input, documents
/// are read, transformed and rendered one at a time.
public struct Pipeline: Sendable {
    /// How each input finds its reader.
    public enum ReaderChoice: Sendable {
        /// The same reader for every input (`-f scrape`).
        case fixed(ReaderFormat, FormatOptions)
        /// By each input's file extension, else `fallback`.
        case byExtension(FormatRegistry, fallback: ReaderFormat?)
    }

    public struct Step: Sendable {
        public var format: TransformFormat
        public var options: FormatOptions
        public init(_ format: TransformFormat, _ options: FormatOptions = FormatOptions()) {
            self.format = format
            self.options = options
        }
    }

    public var reader: ReaderChoice
    public var transforms: [Step]
    public var writer: WriterFormat
    public var writerOptions: FormatOptions
    public var jobs: Int

    public init(reader: ReaderChoice, transforms: [Step] = [], writer: WriterFormat, writerOptions: FormatOptions = FormatOptions(), jobs: Int = 1) {
        self.reader = reader
        self.transforms = transforms
        self.writer = writer
        self.writerOptions = writerOptions
        self.jobs = max(1, jobs)
    }

    /// Where the rendered documents go.
    public enum Target {
        /// One stream: every document of every input, framed by the writer's begin and finish.
        case stream(any ByteSink)
        /// One file per document, named after its id, in this directory.
        case directory(String, overwrite: Bool)
    }

    /// What a run did, for the exit status and the closing summary line.
    public struct Summary: Sendable, Equatable {
        public var inputs = 0
        public var failedInputs = 0
        public var documents = 0
        public var removed = 0
    }

    /// Converts every input; problems are passed to `report` in input order, the running
    /// summary to `progress` after each input (for a progress line), and each document a
    /// transform set aside to `setAside`, in input order (`--duplicates FILE`).
    /// Throws only when the output itself fails (a full disk, a closed pipe).
    public func run<Inputs: Sequence<Input>>(
        _ inputs: Inputs,
        into target: Target,
        report: (Diagnostic) -> Void,
        progress: (Summary) -> Void = { _ in },
        setAside: (SetAsideDocument) throws -> Void = { _ in }
    ) throws -> Summary {
        var output = try OutputStage(target: target, writer: writer, options: writerOptions)
        var summary = Summary()
        let workersRender = transforms.allSatisfy(\.format.isPerDocument)
        var serialTransforms = workersRender ? [] : try transforms.map { try $0.format.make($0.options) }
        do {
            if jobs == 1 {
                // One input at a time, each document written as soon as it is made.
                var spare: [UInt8] = []
                for input in inputs {
                    var result = InputResult()
                    var written = InputResult()
                    try convert(input, rendering: workersRender, into: &result, spare: &spare) { (piece: consuming Piece) in
                        try output.accept(piece, transforms: &serialTransforms, result: &written)
                    }
                    Self.collect(from: &serialTransforms, path: input.path, into: &written)
                    result.absorb(written)
                    try account(result, in: &summary, report: report, setAside: setAside)
                    progress(summary)
                }
            } else {
                try convertConcurrently(inputs, rendering: workersRender) { (piece: consuming Piece, written: inout InputResult) in
                    try output.accept(piece, transforms: &serialTransforms, result: &written)
                } account: { result, path in
                    Self.collect(from: &serialTransforms, path: path, into: &result)
                    try account(result, in: &summary, report: report, setAside: setAside)
                    progress(summary)
                }
            }
            var tail = InputResult()
            var none: [any DocumentTransform] = []
            for document in try Self.finishTransforms(&serialTransforms) {
                _ = try output.accept(.document(document, source: "<transforms>"), transforms: &none, result: &tail)
            }
            Self.collect(from: &serialTransforms, path: "<transforms>", into: &tail)
            summary.documents += tail.documents
            summary.removed += tail.removed
            tail.diagnostics.forEach(report)
            try tail.setAside.forEach(setAside)
            try output.finish()
        } catch {
            output.abandon()
            throw error
        }
        return summary
    }

    private func account(_ result: InputResult, in summary: inout Summary, report: (Diagnostic) -> Void, setAside: (SetAsideDocument) throws -> Void) throws {
        if result.counted { summary.inputs += 1 }
        if result.failed { summary.failedInputs += 1 }
        summary.documents += result.documents
        summary.removed += result.removed
        result.diagnostics.forEach(report)
        try result.setAside.forEach(setAside)
    }

    /// Takes what the transforms set aside and noted while working on one input.
    private static func collect(from transforms: inout [any DocumentTransform], path: String, into result: inout InputResult) {
        for i in transforms.indices {
            result.setAside += transforms[i].takeSetAside()
            result.diagnostics += transforms[i].takeNotes().map { Diagnostic(path: path, $0, severity: .warning) }
        }
    }

    private static func finishTransforms(_ transforms: inout [any DocumentTransform]) throws -> [Document] {
        var pending: [Document] = []
        for i in transforms.indices {
            var next: [Document] = []
            for document in pending { next += try transforms[i].apply(document) }
            next += try transforms[i].finish()
            pending = next
        }
        return pending
    }

    /// How many bytes of documents may wait for their turn while `jobs` workers run ahead: enough
    /// for many small inputs to overlap; a worker ahead on a big input waits, so that memory stays
    /// flat (1 GB in 31 MB files at --jobs 2 peaked at 78 MB with 16 MB).
    static let aheadBudget = 4 << 20

    /// How many bytes of documents, of the current input or of converted inputs in a row, wake
    /// the output: several of its buffer's writes, and at 37 KB an input about seven inputs.
    static let outputBatch = 256 << 10

    /// Converts inputs on `jobs` workers, handing their documents to `accept` in input order as
    /// they come and each input's result, with its path, to `account` when it is done.
    private func convertConcurrently<Inputs: Sequence<Input>>(
        _ inputs: Inputs,
        rendering: Bool,
        accept: (consuming Piece, inout InputResult) throws -> [UInt8]?,
        account: (inout InputResult, String) throws -> Void
    ) throws {
        let handoff = OrderedHandoff(budget: Self.aheadBudget, batch: Self.outputBatch)
        let workers = DispatchGroup()
        for _ in 0..<jobs {
            DispatchQueue.global().async(group: workers) {
                var spare: [UInt8] = []
                while let (index, input) = handoff.claim() {
                    var result = InputResult()
                    do {
                        try convert(input, rendering: rendering, into: &result, spare: &spare) { (piece: consuming Piece) in
                            try handoff.put(piece, for: index)
                        }
                    } catch {
                        return
                    }
                    handoff.finish(index, result)
                }
            }
        }
        defer {
            handoff.cancel()
            workers.wait()
        }
        // Inputs are offered a few per worker ahead of the output, so paths are read lazily, and
        // more than a batch of small inputs, so workers do not wait while the output sleeps.
        let ahead = jobs * 8
        var iterator = inputs.makeIterator()
        var offered = 0
        var exhausted = false
        var index = 0
        var paths: [Int: String] = [:]
        var returns = OrderedHandoff.Returns()
        while true {
            while !exhausted, offered < index + ahead {
                if let input = iterator.next() {
                    handoff.offer(offered, input)
                    paths[offered] = input.path
                    offered += 1
                } else {
                    exhausted = true
                    handoff.close()
                }
            }
            guard index < offered else { return }
            var written = InputResult()
            while true {
                var (pieces, result) = handoff.take(index, returning: &returns)
                returns.clear()
                // Taken out of the list one by one, so that each buffer is held once when emptied.
                pieces.reverse()
                while let piece = pieces.popLast() {
                    if let buffer = try accept(piece, &written) { returns.buffers.append(buffer) }
                }
                returns.lists.append(pieces)
                pieces = []
                if var result {
                    result.absorb(written)
                    try account(&result, paths.removeValue(forKey: index) ?? "")
                    break
                }
            }
            handoff.advance()
            index += 1
        }
    }

    /// Reads one input; hands each document (rendered, when `rendering`, into `spare`'s buffer)
    /// to `emit`, which may return an emptied buffer to render the next one into.
    /// Errors of the input are recorded in `result`; only errors from `emit` propagate.
    private func convert(_ input: Input, rendering: Bool, into result: inout InputResult, spare: inout [UInt8], emit: (consuming Piece) throws -> [UInt8]?) throws {
        result.counted = true
        let format: ReaderFormat
        let options: FormatOptions
        switch reader {
        case .fixed(let f, let o): (format, options) = (f, o)
        case .byExtension(let registry, let fallback):
            guard let f = registry.reader(for: input) ?? fallback else {
                result.fail(Diagnostic(path: input.path, "no reader for this file's extension; name one with -f (see 'warraq formats')"))
                return
            }
            (format, options) = (f, FormatOptions())
        }
        var transformers: [any DocumentTransform] = []
        // Even when the input fails half-way, what was set aside so far is kept.
        defer { Self.collect(from: &transformers, path: input.path, into: &result) }
        var renderer: (any DocumentWriter)?
        var documentReader: any DocumentReader
        do {
            if rendering {
                transformers = try transforms.map { try $0.format.make($0.options) }
                renderer = try writer.make(writerOptions)
            }
            documentReader = try format.make(input, options)
        } catch {
            result.fail(Self.diagnostic(for: error, path: input.path))
            return
        }
        // The last document's size: a document's bytes then grow once or not at all, instead of
        // doubling a dozen times from empty.
        var lastSize = 0
        func render(_ document: Document) throws {
            var bytes: [UInt8] = []
            swap(&bytes, &spare)
            bytes.reserveCapacity(lastSize)
            do {
                try renderer!.write(document, into: &bytes)
            } catch {
                result.fail(Diagnostic(path: input.path, line: document.origin?.lines?.first, "document \(document.id): \(error)"))
                return
            }
            lastSize = bytes.count
            result.note(Self.warnings(from: &renderer!, for: document, path: input.path))
            spare = try emit(.rendered(RenderedDocument(id: document.id, bytes: consume bytes, removed: document.removed.count))) ?? []
        }
        while true {
            let next: Document?
            do {
                next = try documentReader.next()
            } catch {
                result.diagnostics += documentReader.takeDiagnostics()
                result.fail(Self.diagnostic(for: error, path: input.path))
                return
            }
            result.note(documentReader.takeDiagnostics())
            guard let document = next else { break }
            guard rendering else {
                _ = try emit(.document(document, source: input.path))
                continue
            }
            // Rendered as it is when nothing transforms it: an array of one would copy it twice.
            guard !transformers.isEmpty else {
                try render(document)
                continue
            }
            var documents = [document]
            do {
                for i in transformers.indices {
                    documents = try documents.flatMap { try transformers[i].apply($0) }
                }
            } catch {
                result.fail(Self.diagnostic(for: error, path: input.path))
                continue
            }
            for document in documents { try render(document) }
        }
        if rendering {
            let held: [Document]
            do { held = try Self.finishTransforms(&transformers) } catch {
                result.fail(Self.diagnostic(for: error, path: input.path))
                return
            }
            for document in held { try render(document) }
        }
    }

    /// The writer's warnings about one document, as diagnostics naming the document.
    static func warnings(from writer: inout any DocumentWriter, for document: Document, path: String) -> [Diagnostic] {
        writer.takeWarnings().map {
            Diagnostic(path: path, line: document.origin?.lines?.first, "document \(document.id): \($0)", severity: .warning)
        }
    }

    public static func diagnostic(for error: any Error, path: String) -> Diagnostic {
        switch error {
        case let error as InputError: Diagnostic(path: path, line: error.line, error.message)
        default: Diagnostic(path: path, "\(error)")
        }
    }
}

/// A document as it leaves a worker: rendered already, or still a document when transforms that
/// compare documents must first see it in order.
enum Piece {
    case rendered(RenderedDocument)
    case document(Document, source: String)
}

struct RenderedDocument {
    var id: String
    var bytes: [UInt8]
    var removed: Int
}

/// What converting one input gave.
struct InputResult {
    var pieces: [Piece] = []
    var diagnostics: [Diagnostic] = []
    var setAside: [SetAsideDocument] = []
    var failed = false
    var counted = false
    var documents = 0
    var removed = 0

    mutating func fail(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
        failed = true
    }

    /// Adds what the output stage found while writing this input's documents.
    mutating func absorb(_ written: InputResult) {
        diagnostics += written.diagnostics
        setAside += written.setAside
        failed = failed || written.failed
        documents += written.documents
        removed += written.removed
    }

    mutating func note(_ more: [Diagnostic]) {
        diagnostics += more
        if more.contains(where: { $0.severity == .error }) { failed = true }
    }
}
