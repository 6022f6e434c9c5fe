/// Changes documents between reader and writer: each document in, zero or more out.
public protocol DocumentTransform {
    mutating func apply(_ document: Document) throws -> [Document]
    /// Documents held back until the end of the stream (a de-duplicator's last group).
    mutating func finish() throws -> [Document]
    /// Whole documents taken out of the stream since the last call, each with why, so that a
    /// filter or de-duplicator loses nothing: the pipeline hands them on in input order.
    mutating func takeSetAside() -> [SetAsideDocument]
    /// What the transform changed since the last call, one line each (counts of repairs).
    mutating func takeNotes() -> [String]
}

extension DocumentTransform {
    public mutating func finish() throws -> [Document] { [] }
    public mutating func takeSetAside() -> [SetAsideDocument] { [] }
    public mutating func takeNotes() -> [String] { [] }
}

/// A document a transform dropped from the output, and why (`--duplicates`, `--rejected`).
public struct SetAsideDocument: Sendable, Equatable {
    public var document: Document
    /// Which side output it belongs to: `duplicates`, `rejected`, or a plugin's own.
    public var channel: String
    /// `duplicate`, `min-words`, `language` …
    public var reason: String
    /// For a duplicate, the id of the document kept in its place.
    public var keptID: String?

    public init(_ document: Document, channel: String, reason: String, keptID: String? = nil) {
        self.document = document
        self.channel = channel
        self.reason = reason
        self.keptID = keptID
    }
}
