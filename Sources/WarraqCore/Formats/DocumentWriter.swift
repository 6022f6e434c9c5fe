/// Whether a stream will hold one document or several, told to a writer before its first byte:
/// a TEI writer writes a bare `<TEI>` for one and a `<teiCorpus>` for several.
public enum StreamShape: Sendable, Equatable {
    case single
    case multiple
}

/// Renders documents to bytes. The pipeline calls `begin` once, `write` per document and
/// `finish` once.
///
/// `write` must depend only on the document and the writer's configuration, never on documents
/// written before: the pipeline renders documents on several workers, each with its own copy of
/// the writer, and joins their bytes in input order.
public protocol DocumentWriter {
    mutating func begin(_ shape: StreamShape, into out: inout [UInt8]) throws
    mutating func write(_ document: Document, into out: inout [UInt8]) throws
    mutating func finish(into out: inout [UInt8]) throws

    /// What the writer changed in the last document written (a character the format cannot
    /// hold, dropped); the pipeline drains it after every `write` and reports it as a warning.
    mutating func takeWarnings() -> [String]
}

extension DocumentWriter {
    public mutating func takeWarnings() -> [String] { [] }

    public mutating func begin(_ shape: StreamShape, into out: inout [UInt8]) throws {}
    public mutating func finish(into out: inout [UInt8]) throws {}
}

/// An error a writer meets in one document (a character XML cannot hold); that document is
/// reported and skipped, the rest of the stream goes on.
public struct WriterError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
