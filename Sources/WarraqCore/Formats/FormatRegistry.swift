/// A reader format: its names and how to open an input with it.
public struct ReaderFormat: Sendable {
    public var name: String
    public var summary: String
    /// File extensions, lowercase and without the dot, that select this reader.
    public var extensions: [String]
    public var mediaTypes: [String]
    public var options: [FormatOption]
    /// One command line that shows the reader at work, for `warraq formats`.
    public var example: String
    public var make: @Sendable (Input, FormatOptions) throws -> any DocumentReader

    public init(
        name: String, summary: String, extensions: [String] = [], mediaTypes: [String] = [],
        options: [FormatOption] = [], example: String,
        make: @escaping @Sendable (Input, FormatOptions) throws -> any DocumentReader
    ) {
        self.name = name
        self.summary = summary
        self.extensions = extensions
        self.mediaTypes = mediaTypes
        self.options = options
        self.example = example
        self.make = make
    }
}

/// A writer format: its names, its output extension and how to make one.
public struct WriterFormat: Sendable {
    public var name: String
    public var summary: String
    /// The first is used for files written to `--output-dir`.
    public var extensions: [String]
    public var mediaTypes: [String]
    public var options: [FormatOption]
    public var example: String
    public var make: @Sendable (FormatOptions) throws -> any DocumentWriter
    /// For writers that run outside the process (plugins): each output stream (the file, or one
    /// file of `--output-dir`) is wrapped in the sink this returns, which pipes the bytes `make`'s
    /// writer renders through the plugin. Nil for writers that render the final bytes themselves.
    public var outputFilter: (@Sendable (FormatOptions, any ByteSink) throws -> any ByteSink)?

    public init(
        name: String, summary: String, extensions: [String], mediaTypes: [String] = [],
        options: [FormatOption] = [], example: String,
        outputFilter: (@Sendable (FormatOptions, any ByteSink) throws -> any ByteSink)? = nil,
        make: @escaping @Sendable (FormatOptions) throws -> any DocumentWriter
    ) {
        self.name = name
        self.summary = summary
        self.extensions = extensions
        self.mediaTypes = mediaTypes
        self.options = options
        self.example = example
        self.outputFilter = outputFilter
        self.make = make
    }
}

/// A transform: its name and how to make one.
public struct TransformFormat: Sendable {
    public var name: String
    public var summary: String
    public var options: [FormatOption]
    public var example: String
    /// True when each document's result depends on that document alone, so that workers may
    /// run the transform in parallel; false for transforms that compare documents.
    public var isPerDocument: Bool
    public var make: @Sendable (FormatOptions) throws -> any DocumentTransform

    public init(
        name: String, summary: String, options: [FormatOption] = [], example: String,
        isPerDocument: Bool,
        make: @escaping @Sendable (FormatOptions) throws -> any DocumentTransform
    ) {
        self.name = name
        self.summary = summary
        self.options = options
        self.example = example
        self.isPerDocument = isPerDocument
        self.make = make
    }
}

/// Every format Warraq knows, looked up by name, file extension or media type. Like pandoc's
/// reader and writer lists: a new format is one more entry.
public struct FormatRegistry: Sendable {
    public private(set) var readers: [ReaderFormat] = []
    public private(set) var writers: [WriterFormat] = []
    public private(set) var transforms: [TransformFormat] = []

    public init() {}

    public mutating func register(_ format: ReaderFormat) {
        readers.removeAll { $0.name == format.name }
        readers.append(format)
    }

    public mutating func register(_ format: WriterFormat) {
        writers.removeAll { $0.name == format.name }
        writers.append(format)
    }

    public mutating func register(_ format: TransformFormat) {
        transforms.removeAll { $0.name == format.name }
        transforms.append(format)
    }

    /// By name, extension or media type, case-insensitively.
    public func reader(named key: String) -> ReaderFormat? {
        let key = key.lowercased()
        return readers.first { $0.name == key } ?? readers.first { $0.extensions.contains(key) || $0.mediaTypes.contains(key) }
    }

    public func writer(named key: String) -> WriterFormat? {
        let key = key.lowercased()
        return writers.first { $0.name == key } ?? writers.first { $0.extensions.contains(key) || $0.mediaTypes.contains(key) }
    }

    public func transform(named key: String) -> TransformFormat? {
        transforms.first { $0.name == key.lowercased() }
    }

    /// The reader for a file name's extension (`gz` looked through), if any claims it.
    public func reader(for input: Input) -> ReaderFormat? {
        input.formatExtension.flatMap { ext in readers.first { $0.extensions.contains(ext) } }
    }

    /// The writer for an output file name's extension.
    public func writer(forPath path: String) -> WriterFormat? {
        Input.file(path).formatExtension.flatMap { ext in writers.first { $0.extensions.contains(ext) } }
    }
}
