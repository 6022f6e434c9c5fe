/// An input's lines as text, decoded the way `TextDecoding` decodes a whole input, but one line
/// at a time: a UTF-8 BOM is dropped, invalid UTF-8 is repaired with U+FFFD and its first byte
/// offset reported once. UTF-16 (told by its BOM) is rare enough to be decoded whole.
public struct DecodedLines {
    private var lines: LineReader
    /// Warnings to pass on, already worded, as `TextDecoding` words them.
    public private(set) var problems: [String] = []
    private var reportedInvalid = false
    /// False for UTF-16, whose BOM the decoder took already.
    private var hasUTF8BOM = true

    public init(_ input: InputReplay) throws(InputError) {
        if input.head.starts(with: [0xFF, 0xFE]) || input.head.starts(with: [0xFE, 0xFF]) {
            let decoded = TextDecoding.decode(try input.readAll())
            problems = decoded.problems
            reportedInvalid = true
            hasUTF8BOM = false
            lines = LineReader(bytes: Array(decoded.text.utf8))
        } else {
            lines = try input.lines()
        }
    }

    /// The next line, without its terminator, or nil after the last.
    public mutating func next() throws(InputError) -> (number: Int, text: String)? {
        guard let line = try lines.next() else { return nil }
        var bytes = line.bytes
        var offset = line.offset
        if line.number == 1, hasUTF8BOM, bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = bytes.dropFirst(3)
            offset += 3
        }
        // Validated through a buffer pointer: the generic collection path is several times slower.
        if let text = bytes.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) { return (line.number, text) }
        if !reportedInvalid {
            reportedInvalid = true
            let first = TextDecoding.firstInvalidUTF8Offset(bytes).map { $0 + offset } ?? offset
            problems.append("invalid UTF-8 at byte \(first), replaced with U+FFFD")
        }
        return (line.number, String(decoding: bytes, as: UTF8.self))
    }

    /// The problems met so far, each handed out once.
    public mutating func takeProblems() -> [String] {
        defer { problems.removeAll() }
        return problems
    }
}
