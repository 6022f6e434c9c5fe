import Glibc

/// Where a stream of output bytes goes: standard output or a file written atomically.
public protocol ByteSink {
    mutating func write(_ bytes: [UInt8]) throws
    /// Makes the output final (for a file: flush, then rename onto the final name).
    mutating func commit() throws
    /// Throws away what was written (for a file: the temporary file is removed).
    mutating func abandon()
}

/// The reader of our standard output went away (`warraq … | head -1`): stop quietly.
public struct BrokenPipe: Error, Sendable {}

/// An output file that could not be written.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String
    public init(path: String, _ message: String) {
        self.path = path
        self.message = message
    }
    public var description: String { "\(path): \(message)" }
}

/// `strerror`'s text in lower case, as diagnostics print it.
public func systemErrorMessage(_ code: Int32 = errno) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(validatingCString: text)?.lowercased() ?? "error \(code)"
}

/// Writes to a file descriptor, retrying short writes and EINTR.
struct DescriptorWriter {
    let fd: Int32

    func write(_ bytes: [UInt8]) throws(BrokenPipeOrErrno) {
        let failure: Int32? = bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
        if let failure { throw failure == EPIPE ? .brokenPipe : .errno(failure) }
    }
}

enum BrokenPipeOrErrno: Error {
    case brokenPipe
    case errno(Int32)

    var message: String {
        switch self {
        case .brokenPipe: "broken pipe"
        case .errno(let code): systemErrorMessage(code)
        }
    }
}

/// Standard output, buffered in large writes.
public struct StandardOutputSink: ByteSink {
    private var buffer: [UInt8] = []

    public init() {}

    public mutating func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    public mutating func commit() throws { try flush() }

    public mutating func abandon() { buffer.removeAll() }

    private mutating func flush() throws {
        defer { buffer.removeAll(keepingCapacity: true) }
        do { try DescriptorWriter(fd: 1).write(buffer) } catch {
            if case .brokenPipe = error { throw BrokenPipe() }
            throw OutputError(path: "<stdout>", error.message)
        }
    }
}

/// A file written under a temporary name in the same directory and renamed when complete, so
/// that a crash never leaves half a file under the final name.
public struct AtomicFileSink: ByteSink {
    public let path: String
    private let temporaryPath: String
    private var fd: Int32
    private var buffer: [UInt8] = []

    /// Fails when `path` exists and `overwrite` is false.
    public init(path: String, overwrite: Bool) throws(OutputError) {
        if !overwrite, access(path, F_OK) == 0 {
            throw OutputError(path: path, "exists already (use --force to overwrite)")
        }
        self.path = path
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(directory).\(name).warraq-XXXXXX".utf8CString)
        let (fd, temporaryPath) = PendingFiles.paths.withLock { pending in
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            let temporaryPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if fd >= 0 { pending.insert(temporaryPath) }
            return (fd, temporaryPath)
        }
        guard fd >= 0 else { throw OutputError(path: path, systemErrorMessage()) }
        fchmod(fd, 0o644)
        self.fd = fd
        self.temporaryPath = temporaryPath
    }

    public mutating func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    private mutating func flush() throws(OutputError) {
        defer { buffer.removeAll(keepingCapacity: true) }
        do { try DescriptorWriter(fd: fd).write(buffer) } catch {
            throw OutputError(path: path, error.message)
        }
    }

    public mutating func commit() throws {
        try flush()
        guard fsync(fd) == 0, close(fd) == 0 else {
            let message = systemErrorMessage()
            abandon()
            throw OutputError(path: path, message)
        }
        fd = -1
        let failure: String? = PendingFiles.paths.withLock { pending in
            defer { pending.remove(temporaryPath) }
            if rename(temporaryPath, path) == 0 { return nil }
            let message = systemErrorMessage()
            unlink(temporaryPath)
            return message
        }
        if let failure { throw OutputError(path: path, failure) }
    }

    public mutating func abandon() {
        if fd >= 0 { close(fd) }
        fd = -1
        PendingFiles.paths.withLock { pending in
            unlink(temporaryPath)
            pending.remove(temporaryPath)
        }
    }
}
