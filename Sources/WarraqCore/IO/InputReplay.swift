import Glibc

/// An input hashed in one streaming pass and ready to be read again from its start.
///
/// `origin.sha256` names the whole input, but a streaming reader yields its first document long
/// before the input ends. So the input is hashed first, in constant memory: a file of up to
/// `keptSize` is read once and kept, a larger one is read twice (the second time from the page
/// cache), standard input is copied to an unlinked temporary file on the way, bytes in memory
/// are hashed where they are.
public struct InputReplay {
    private enum Source {
        case bytes([UInt8])
        case file(String)
        case spooled(Int32)
    }

    /// The hex SHA-256 of every byte of the input.
    public let sha256: String
    /// The input's first bytes (up to four), to tell a byte-order mark before reading on.
    public let head: [UInt8]
    private let source: Source

    public init(_ input: Input) throws(InputError) {
        var hash = SHA256()
        var head: [UInt8] = []
        func take(_ chunk: UnsafeRawBufferPointer) {
            if head.count < 4 { head += chunk.prefix(4 - head.count) }
            hash.update(chunk)
        }
        switch input.source {
        case .bytes(let bytes):
            bytes.withUnsafeBytes(take)
            source = .bytes(bytes)
        case .file(let path):
            let file = try FileDescriptorReader.open(path)
            defer { close(file.fd) }
            if let size = file.regularFileSize, size <= Self.keptSize {
                let bytes = try file.readToEnd()
                bytes.withUnsafeBytes(take)
                source = .bytes(bytes)
            } else {
                try file.forEachChunk(take)
                source = .file(path)
            }
        case .standardInput:
            let spool = try Self.temporaryFile()
            do {
                try FileDescriptorReader(fd: 0).forEachChunk { chunk throws(InputError) in
                    take(chunk)
                    try Self.write(chunk, to: spool)
                }
            } catch {
                close(spool)
                throw error
            }
            source = .spooled(spool)
        }
        self.head = head
        self.sha256 = hash.finalizeHex()
    }

    /// The largest file kept in memory rather than read again: most inputs are far smaller, and
    /// one read and no second open saves a copy of every byte and a few system calls.
    static let keptSize = 1 << 22

    /// The input line by line from its start. Call it once.
    public func lines() throws(InputError) -> LineReader {
        switch source {
        case .bytes(let bytes): return LineReader(bytes: bytes)
        case .file(let path): return LineReader(reader: try FileDescriptorReader.open(path), closeWhenDone: true)
        case .spooled(let fd):
            guard lseek(fd, 0, SEEK_SET) == 0 else { throw InputError(systemErrorMessage()) }
            return LineReader(reader: FileDescriptorReader(fd: fd), closeWhenDone: true)
        }
    }

    /// All bytes of the input, for the rare input (UTF-16) that must be decoded whole. Call it
    /// instead of `lines()`, once.
    public func readAll() throws(InputError) -> [UInt8] {
        switch source {
        case .bytes(let bytes): return bytes
        case .file(let path): return try Input.file(path).readAll()
        case .spooled(let fd):
            defer { close(fd) }
            guard lseek(fd, 0, SEEK_SET) == 0 else { throw InputError(systemErrorMessage()) }
            return try FileDescriptorReader(fd: fd).readToEnd()
        }
    }

    /// A temporary file already unlinked, so nothing is left behind whatever happens.
    private static func temporaryFile() throws(InputError) -> Int32 {
        let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((directory + "/warraq-stdin-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw InputError("cannot spool standard input: \(systemErrorMessage())") }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return fd
    }

    private static func write(_ chunk: UnsafeRawBufferPointer, to fd: Int32) throws(InputError) {
        var offset = 0
        while offset < chunk.count {
            let n = Glibc.write(fd, chunk.baseAddress! + offset, chunk.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError("cannot spool standard input: \(systemErrorMessage())")
            }
            offset += n
        }
    }
}
