/// Changes documents between reader and writer: each document in, zero or more out.
public protocol DocumentTransform {
    mutating func apply(_ document: Document) throws -> [Document]
    /// Documents held back until the end of the stream (a de-duplicator's last group).
    mutating func finish() throws -> [Document]
}

extension DocumentTransform {
    public mutating func finish() throws -> [Document] { [] }
}
