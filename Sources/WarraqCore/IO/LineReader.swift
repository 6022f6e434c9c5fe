import Glibc

/// One input line without its terminator (`\n`, `\r\n` or a lone `\r`).
public struct Line: Sendable {
    /// 1-based.
    public var number: Int
    public var bytes: ArraySlice<UInt8>
    /// The byte offset of the line's start in the input, for diagnostics about bytes.
    public var offset: Int = 0

    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Splits an input into lines, reading it in chunks, so memory is one buffer plus the longest line.
public struct LineReader {
    private var reader: FileDescriptorReader?
    private let closeWhenDone: Bool
    private var buffer: [UInt8]
    private var start = 0
    private var scanned = 0
    private var atEnd: Bool
    private var lineNumber = 0
    /// The input offset of `buffer[0]`.
    private var bufferOffset = 0

    init(reader: FileDescriptorReader, closeWhenDone: Bool) {
        self.reader = reader
        self.closeWhenDone = closeWhenDone
        self.buffer = []
        self.atEnd = false
    }

    public init(bytes: [UInt8]) {
        self.reader = nil
        self.closeWhenDone = false
        self.buffer = bytes
        self.atEnd = true
    }

    /// The next line, or nil after the last. A final line without a newline is still a line.
    public mutating func next() throws(InputError) -> Line? {
        while true {
            if let (end, next) = nextBreak() {
                return take(upTo: end, resumingAt: next)
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                return take(upTo: buffer.count, resumingAt: buffer.count)
            }
            try refill()
        }
    }

    /// The whole lines the buffer holds from the next one on (more is read when it holds
    /// none) as one run of bytes, with the input offset of its start, and in `ends` where each
    /// line ends and the next begins within the run; nil after the last line. A decoder
    /// validates a run at once rather than line by line.
    public mutating func nextRun(ends: inout [(end: Int, next: Int)]) throws(InputError) -> (bytes: ArraySlice<UInt8>, offset: Int)? {
        ends.removeAll(keepingCapacity: true)
        guard let first = try next() else { return nil }
        let runStart = first.bytes.startIndex
        ends.append((first.bytes.endIndex - runStart, start - runStart))
        while let (end, next) = nextBreak() {
            advance(to: next)
            ends.append((end - runStart, next - runStart))
        }
        if atEnd, start < buffer.count {
            ends.append((buffer.count - runStart, buffer.count - runStart))
            advance(to: buffer.count)
        }
        return (buffer[runStart..<start], first.offset)
    }

    private mutating func take(upTo end: Int, resumingAt next: Int) -> Line {
        let line = Line(number: lineNumber + 1, bytes: buffer[start..<end], offset: bufferOffset + start)
        advance(to: next)
        return line
    }

    /// Past a line, to the next one starting at `next`.
    private mutating func advance(to next: Int) {
        lineNumber += 1
        start = next
        scanned = next
    }

    /// Where the next line ends and the one after it begins: at `\n`, `\r\n` or a lone `\r` (as
    /// `TextDecoding` reads line ends), found by `memchr`; nil when the buffer holds no whole line.
    private mutating func nextBreak() -> (end: Int, next: Int)? {
        let count = buffer.count
        guard scanned < count else { return nil }
        let from = scanned
        let (newline, carriageReturn) = buffer.withUnsafeBufferPointer { bytes -> (Int?, Int?) in
            let base = bytes.baseAddress!
            func index(_ found: UnsafeMutableRawPointer?) -> Int? {
                found.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
            }
            let newline = index(memchr(base + from, 0x0A, count - from))
            return (newline, index(memchr(base + from, 0x0D, (newline ?? count) - from)))
        }
        if let carriageReturn {
            if carriageReturn + 1 < count { return (carriageReturn, buffer[carriageReturn + 1] == 0x0A ? carriageReturn + 2 : carriageReturn + 1) }
            if atEnd { return (carriageReturn, count) }
            // A `\r` last in the buffer: whether `\n` follows is in the next read.
            scanned = carriageReturn
            return nil
        }
        if let newline { return (newline, newline + 1) }
        scanned = count
        return nil
    }

    private mutating func refill() throws(InputError) {
        guard let reader else { atEnd = true; return }
        if start > 0 {
            buffer.removeFirst(start)
            bufferOffset += start
            scanned -= start
            start = 0
        }
        if try reader.read(into: &buffer, count: 1 << 16) == 0 {
            atEnd = true
            if closeWhenDone { close(reader.fd) }
            self.reader = nil
        }
    }
}
