/// An input's lines as text, decoded the way `TextDecoding` decodes a whole input, but a run
/// of lines at a time: a UTF-8 BOM is dropped, invalid UTF-8 is repaired with U+FFFD and its
/// first byte offset reported once. UTF-16 (told by its BOM) is rare enough to be decoded whole.
/// Each run of whole lines the reader buffers is validated as one string, and its lines are
/// handed out as substrings of it: no string is made, nor validated, line by line.
public struct DecodedLines {
    private var lines: LineReader
    /// Warnings to pass on, already worded, as `TextDecoding` words them.
    public private(set) var problems: [String] = []
    private var reportedInvalid = false
    /// False for UTF-16, whose BOM the decoder took already.
    private var hasUTF8BOM = true
    /// The run of lines being handed out, and where each line ends and the next begins in it.
    private var run = ""
    private var ends: [(end: Int, next: Int)] = []
    /// Lines of the run handed out, and where the next one starts.
    private var taken = 0
    private var lineStart = 0
    private var number = 0

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
    public mutating func next() throws(InputError) -> (number: Int, text: Substring)? {
        if taken == ends.count {
            guard try decodeRun() else { return nil }
        }
        let (end, next) = ends[taken]
        let utf8 = run.utf8
        // Made from the UTF-8 view's slice, which checks the bounds' scalar alignment but not
        // again that they lie in the string, as the string's subscript does. An empty line (a
        // dump's paragraphs are parted by them) is no slice: it holds no reference to the run.
        let text = end == lineStart ? Substring()
            : Substring(utf8[utf8.index(utf8.startIndex, offsetBy: lineStart)..<utf8.index(utf8.startIndex, offsetBy: end)])
        taken += 1
        lineStart = next
        number += 1
        return (number, text)
    }

    /// Reads the next run of lines into `run`; false after the last line.
    private mutating func decodeRun() throws(InputError) -> Bool {
        guard let (bytes, offset) = try lines.nextBlock() else { return false }
        taken = 0
        lineStart = number == 0 && hasUTF8BOM && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        ends.removeAll(keepingCapacity: true)
        // Room for lines of 64 bytes and more (most are longer) from the start, rather than a
        // dozen doublings for every input.
        ends.reserveCapacity(bytes.count / 64)
        let valid = bytes.withUnsafeBufferPointer { bytes in
            let (valid, ascii) = UTF8Validation.check(bytes, lineEnds: &ends)
            if valid { run = UTF8Validation.string(validated: bytes, ascii: ascii) }
            return valid
        }
        if valid { return true }
        // Some line is invalid: the run is rebuilt line by line, each repaired on its own.
        var repaired = ""
        var start = lineStart
        for index in ends.indices {
            let (end, next) = ends[index]
            let line = bytes[(bytes.startIndex + start)..<(bytes.startIndex + end)]
            if let text = line.withUnsafeBufferPointer(UTF8Validation.string(validating:)) {
                repaired += text
            } else {
                if !reportedInvalid {
                    reportedInvalid = true
                    let first = (TextDecoding.firstInvalidUTF8Offset(line) ?? 0) + offset + start
                    problems.append("invalid UTF-8 at byte \(first), replaced with U+FFFD")
                }
                repaired += String(decoding: line, as: UTF8.self)
            }
            ends[index] = (repaired.utf8.count, repaired.utf8.count)
            start = next
        }
        run = repaired
        lineStart = 0
        return true
    }

    /// The problems met so far, each handed out once.
    public mutating func takeProblems() -> [String] {
        defer { problems.removeAll() }
        return problems
    }
}
