/// Reads documents from one input, one at a time, so that memory does not grow with the input.
public protocol DocumentReader {
    /// The next document, or nil after the last. A thrown `InputError` ends this input only.
    mutating func next() throws -> Document?

    /// Problems met so far that did not stop reading (a skipped line, a repaired byte).
    /// The pipeline drains them after every `next()`.
    mutating func takeDiagnostics() -> [Diagnostic]
}

extension DocumentReader {
    public mutating func takeDiagnostics() -> [Diagnostic] { [] }
}
