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
    /// none) as one block of bytes, terminators and all, with the input offset of its start;
    /// nil after the last line. A decoder splits and validates a block in one walk
    /// (`UTF8Validation.check(_:lineEnds:)`) rather than line by line; the lines taken so are
    /// not counted in the numbers `next()` gives, so read an input one way or the other.
    public mutating func nextBlock() throws(InputError) -> (bytes: ArraySlice<UInt8>, offset: Int)? {
        while true {
            if atEnd {
                guard start < buffer.count else { return nil }
                return takeBlock(upTo: buffer.count)
            }
            if let end = endOfWholeLines() { return takeBlock(upTo: end) }
            try refill()
        }
    }

    private mutating func takeBlock(upTo end: Int) -> (bytes: ArraySlice<UInt8>, offset: Int) {
        defer {
            start = end
            scanned = end
        }
        return (buffer[start..<end], bufferOffset + start)
    }

    /// Just past the last line end in the unread bytes, looked for backwards from the end of
    /// the buffer (a block is most of it); nil when they hold no whole line. A `\r` last in the
    /// buffer ends no line yet: whether `\n` follows is in the next read.
    private mutating func endOfWholeLines() -> Int? {
        let from = max(start, scanned)
        let end = buffer.withUnsafeBufferPointer { bytes -> Int? in
            var index = bytes.count - 1
            if index >= from, bytes[index] == 0x0D { index -= 1 }
            while index >= from {
                if bytes[index] == 0x0A || bytes[index] == 0x0D { return index + 1 }
                index -= 1
            }
            return nil
        }
        if end == nil { scanned = max(from, buffer.count - 1) }
        return end
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
