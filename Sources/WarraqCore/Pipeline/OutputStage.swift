import Glibc

/// The single-threaded end of the pipeline: runs transforms that compare documents, renders what
/// workers did not, frames the stream with the writer's begin and finish, or writes one file per
/// document.
struct OutputStage {
    /// The stream documents go to, held here alone so that a write mutates it in place (a
    /// copy taken out of an enum would share its buffer, and copy it whole on every write).
    private var stream: (any ByteSink)?
    /// With `--output-dir`: the directory, and whether its files may be replaced.
    private let directory: (path: String, overwrite: Bool)?
    private var writer: any DocumentWriter
    private let format: WriterFormat
    private let options: FormatOptions
    /// The first rendered document, held until a second one (or the end) tells the stream's shape.
    private var held: RenderedDocument?
    private var begun = false
    /// The file names `--output-dir` has given out in this run.
    private var usedNames: Set<String> = []

    init(target: Pipeline.Target, writer format: WriterFormat, options: FormatOptions) throws {
        self.format = format
        self.options = options
        self.writer = try format.make(options)
        switch target {
        case .stream(let sink):
            stream = try format.outputFilter.map { try $0(options, sink) } ?? sink
            directory = nil
        case .directory(let path, let overwrite):
            stream = nil
            directory = (path, overwrite)
            var info = stat()
            if stat(path, &info) != 0 {
                guard mkdir(path, 0o755) == 0 else {
                    throw OutputError(path: path, systemErrorMessage())
                }
            } else if (info.st_mode & S_IFMT) != S_IFDIR {
                throw OutputError(path: path, "is not a directory")
            }
        }
    }

    /// Takes one piece from a worker, in input order. Returns a rendered piece's bytes, emptied,
    /// once the stream has them, for a worker to render another document into (`emit`).
    mutating func accept(_ piece: consuming Piece, transforms: inout [any DocumentTransform], result: inout InputResult) throws -> [UInt8]? {
        switch consume piece {
        case .rendered(let rendered):
            return try emit(rendered, result: &result)
        case .document(let document, let source):
            var documents = [document]
            do {
                for i in transforms.indices {
                    documents = try documents.flatMap { try transforms[i].apply($0) }
                }
            } catch {
                result.fail(Pipeline.diagnostic(for: error, path: source))
                return nil
            }
            for document in documents {
                var bytes: [UInt8] = []
                do {
                    try writer.write(document, into: &bytes)
                } catch {
                    result.fail(Diagnostic(path: source, line: document.origin?.lines?.first, "document \(document.id): \(error)"))
                    continue
                }
                result.note(Pipeline.warnings(from: &writer, for: document, path: source))
                _ = try emit(RenderedDocument(id: document.id, bytes: bytes, removed: document.removed.count), result: &result)
            }
            return nil
        }
    }

    /// Returns the document's bytes, emptied, when the stream took them and nothing holds them:
    /// rendered again by the worker that gets them, a buffer is neither allocated per document
    /// nor freed by another thread than the one that made it (at `--jobs 2`, glibc then takes the
    /// arena's lock of the other thread).
    private mutating func emit(_ rendered: consuming RenderedDocument, result: inout InputResult) throws -> [UInt8]? {
        result.documents += 1
        result.removed += rendered.removed
        if let directory {
            let path = directory.path + "/" + unusedName(Self.fileName(for: rendered.id)) + "." + (format.extensions.first ?? "out")
            do {
                var file: any ByteSink = try AtomicFileSink(path: path, overwrite: directory.overwrite)
                if let filter = format.outputFilter { file = try filter(options, file) }
                var fileWriter = try format.make(options)
                var bytes: [UInt8] = []
                try fileWriter.begin(.single, into: &bytes)
                bytes += rendered.bytes
                try fileWriter.finish(into: &bytes)
                try file.write(bytes)
                try file.commit()
            } catch let error as OutputError {
                result.fail(Diagnostic(path: error.path, error.message))
            }
        } else if begun {
            try stream?.write(rendered.bytes)
            return Self.emptied(rendered)
        } else if let first = held {
            var head: [UInt8] = []
            try writer.begin(.multiple, into: &head)
            try stream?.write(head)
            try stream?.write(first.bytes)
            try stream?.write(rendered.bytes)
            held = nil
            begun = true
            return Self.emptied(rendered)
        } else {
            held = rendered
        }
        return nil
    }

    private static func emptied(_ rendered: consuming RenderedDocument) -> [UInt8] {
        var bytes = (consume rendered).bytes
        bytes.removeAll(keepingCapacity: true)
        return bytes
    }

    /// Ends the stream: writes the held document and the writer's closing bytes, then commits.
    mutating func finish() throws {
        guard stream != nil else { return }
        var bytes: [UInt8] = []
        if !begun {
            try writer.begin(held == nil ? .multiple : .single, into: &bytes)
            bytes += held?.bytes ?? []
        }
        try writer.finish(into: &bytes)
        try stream?.write(bytes)
        try stream?.commit()
    }

    mutating func abandon() {
        stream?.abandon()
    }

    /// A document id as a safe file name inside the output directory: no directories (`/`, `\`),
    /// no leading dot (so never `..`), no NUL or controls, `#` as `-`, at most 200 bytes (a long
    /// id keeps its start and gains a hash of the whole, so two long ids never share a name).
    static func fileName(for id: String) -> String {
        var name = String(id.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "/", "\\", ":", "\0": "_"
            case "#": "-"
            default: scalar.properties.generalCategory == .control ? "_" : Character(scalar)
            }
        })
        while name.hasPrefix(".") { name = "_" + name.dropFirst() }
        if name.isEmpty { name = "document" }
        guard name.utf8.count > maximumNameBytes else { return name }
        let hash = "-" + SHA256.hex(Array(id.utf8)).prefix(16)
        var kept = ""
        for character in name {
            if kept.utf8.count + character.utf8.count + hash.utf8.count > maximumNameBytes { break }
            kept.append(character)
        }
        return kept + hash
    }

    /// Below Linux's 255-byte limit on a name, with room for an extension and a `-N` suffix.
    static let maximumNameBytes = 200

    /// `name`, or `name-2`, `name-3`… when an earlier document of this run took it: ids that
    /// differ only in characters a file name cannot hold must not overwrite each other.
    private mutating func unusedName(_ name: String) -> String {
        var candidate = name
        var n = 1
        while !usedNames.insert(candidate).inserted {
            n += 1
            candidate = "\(name)-\(n)"
        }
        return candidate
    }
}
