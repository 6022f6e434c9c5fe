import Glibc

/// One input line without its terminator (`\n`, or `\r\n`).
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
            if let newline = nextNewline() {
                var end = newline
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                let line = Line(number: lineNumber + 1, bytes: buffer[start..<end], offset: bufferOffset + start)
                lineNumber += 1
                start = newline + 1
                scanned = start
                return line
            }
            scanned = buffer.count
            if atEnd {
                guard start < buffer.count else { return nil }
                var end = buffer.count
                if buffer[end - 1] == 0x0D { end -= 1 }
                let line = Line(number: lineNumber + 1, bytes: buffer[start..<end], offset: bufferOffset + start)
                lineNumber += 1
                start = buffer.count
                scanned = start
                return line
            }
            try refill()
        }
    }

    /// The index of the next `\n` at or after `scanned`, found by `memchr`.
    private func nextNewline() -> Int? {
        guard scanned < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { bytes in
            memchr(bytes.baseAddress! + scanned, 0x0A, bytes.count - scanned).map {
                bytes.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self))
            }
        }
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
