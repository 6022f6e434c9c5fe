import Glibc

/// One input of a batch: a file, standard input, or bytes already in memory.
public struct Input: Sendable {
    public enum Source: Sendable {
        case file(String)
        case standardInput
        case bytes([UInt8])
    }

    /// The name used in diagnostics and in `origin.path`.
    public let path: String
    public let source: Source

    public init(path: String, source: Source) {
        self.path = path
        self.source = source
    }

    /// A file on disk, named as the user gave it.
    public static func file(_ path: String) -> Input { Input(path: path, source: .file(path)) }

    /// Standard input, named `-` in diagnostics unless the caller gives it a name.
    public static func standardInput(name: String = "-") -> Input { Input(path: name, source: .standardInput) }

    /// The file name without directories and extensions (`a/002_x.txt.gz` → `002_x`), for ids.
    public var stem: String {
        if case .standardInput = source, path == "-" { return "stdin" }
        let name = Self.pieces(path[...], at: "/").last ?? path[...]
        let stem = Self.pieces(name, at: ".", maxSplits: 1).first ?? name
        return String(stem.isEmpty ? name : stem)
    }

    /// The lowercase extension of the file name (`html` for `page.HTML`), `gz` stripped, for
    /// choosing a reader.
    public var formatExtension: String? {
        let name = (Self.pieces(path[...], at: "/").last ?? path[...]).lowercased()
        var parts = Self.pieces(name[...], at: ".")
        guard parts.count > 1 else { return nil }
        if parts.last == "gz", parts.count > 2 { parts.removeLast() }
        return parts.last.map(String.init)
    }

    /// `text` split at `separator` as `split(separator:maxSplits:)` splits it, empty pieces
    /// left out. An ASCII text is split by bytes, which cut it the same without the cost of
    /// breaking it into `Character`s (tens of thousands of instructions a path).
    static func pieces(_ text: Substring, at separator: Unicode.Scalar, maxSplits: Int = .max) -> [Substring] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return text.utf8.split(separator: UInt8(ascii: separator), maxSplits: maxSplits).map { Substring($0) }
        }
        return text.split(separator: Character(separator), maxSplits: maxSplits)
    }

    /// All bytes of the input. Standard input can be read once.
    public func readAll() throws(InputError) -> [UInt8] {
        switch source {
        case .bytes(let bytes): return bytes
        case .standardInput: return try FileDescriptorReader(fd: 0).readToEnd()
        case .file(let path):
            let fd = try FileDescriptorReader.open(path)
            defer { close(fd.fd) }
            return try fd.readToEnd()
        }
    }

    /// The input line by line, without holding more than one line and a buffer in memory.
    public func lines() throws(InputError) -> LineReader {
        switch source {
        case .bytes(let bytes): LineReader(bytes: bytes)
        case .standardInput: LineReader(reader: FileDescriptorReader(fd: 0), closeWhenDone: false)
        case .file(let path): LineReader(reader: try FileDescriptorReader.open(path), closeWhenDone: true)
        }
    }
}

/// Reads a POSIX file descriptor in large chunks, retrying on EINTR.
struct FileDescriptorReader {
    let fd: Int32
    /// The size of a regular file when it was opened (from `fstat`), nil for a pipe or terminal.
    let regularFileSize: Int?

    init(fd: Int32) {
        var info = stat()
        self.init(fd: fd, status: fstat(fd, &info) == 0 ? info : nil)
    }

    private init(fd: Int32, status: stat?) {
        self.fd = fd
        regularFileSize = status.flatMap { ($0.st_mode & S_IFMT) == S_IFREG ? Int($0.st_size) : nil }
    }

    static func open(_ path: String) throws(InputError) -> FileDescriptorReader {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw InputError(systemErrorMessage()) }
        var info = stat()
        let status = fstat(fd, &info) == 0 ? info : nil
        if let status, (status.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw InputError("is a directory")
        }
        return FileDescriptorReader(fd: fd, status: status)
    }

    /// Appends up to `count` bytes to `buffer`; returns how many were read, 0 at the end.
    func read(into buffer: inout [UInt8], count: Int) throws(InputError) -> Int {
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: count))
        let result = buffer.withUnsafeMutableBytes { raw in
            Result { () throws(InputError) in try read(into: UnsafeMutableRawBufferPointer(rebasing: raw[old...])) }
        }
        buffer.removeLast(count - ((try? result.get()) ?? 0))
        return try result.get()
    }

    /// Fills the start of `buffer`; returns how many bytes were read, 0 at the end.
    private func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if errno != EINTR { throw InputError(systemErrorMessage()) }
        }
    }

    /// Hands the rest of the file to `body` in chunks of 256 KiB, one buffer reused.
    func forEachChunk(_ body: (UnsafeRawBufferPointer) throws(InputError) -> Void) throws(InputError) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 16)
        defer { buffer.deallocate() }
        while case let n = try read(into: buffer), n > 0 {
            try body(UnsafeRawBufferPointer(rebasing: buffer[..<n]))
        }
    }

    /// The rest of the file. A regular file is read once into a buffer of its size, never
    /// zeroed first; a pipe, or a file that grew since it was opened, goes on in chunks.
    func readToEnd() throws(InputError) -> [UInt8] {
        let size = regularFileSize ?? 0
        var failure: InputError?
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            do throws(InputError) {
                while count < buffer.count, case let n = try read(into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[count...]))), n > 0 {
                    count += n
                }
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        if bytes.count <= size { return bytes }
        while try read(into: &bytes, count: 1 << 16) > 0 {}
        return bytes
    }
}
