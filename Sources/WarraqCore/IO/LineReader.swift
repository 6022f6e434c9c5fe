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

    private mutating func take(upTo end: Int, resumingAt next: Int) -> Line {
        let line = Line(number: lineNumber + 1, bytes: buffer[start..<end], offset: bufferOffset + start)
        lineNumber += 1
        start = next
        scanned = next
        return line
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
