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
        if let name = ASCIIFileName(path) { return name.stem }
        let name = Self.pieces(path[...], at: "/").last ?? path[...]
        let stem = Self.pieces(name, at: ".", maxSplits: 1).first ?? name
        return String(stem.isEmpty ? name : stem)
    }

    /// The lowercase extension of the file name (`html` for `page.HTML`), `gz` stripped, for
    /// choosing a reader.
    public var formatExtension: String? {
        if let name = ASCIIFileName(path) { return name.formatExtension }
        let name = (Self.pieces(path[...], at: "/").last ?? path[...]).lowercased()
        var parts = Self.pieces(name[...], at: ".")
        guard parts.count > 1 else { return nil }
        if parts.last == "gz", parts.count > 2 { parts.removeLast() }
        return parts.last.map(String.init)
    }

    /// `text` split at `separator` as `split(separator:maxSplits:)` splits it, empty pieces
    /// left out, by `Character`s: for a path that is not ASCII, where a combining mark after
    /// `/` or `.` makes them one `Character` with it.
    static func pieces(_ text: Substring, at separator: Unicode.Scalar, maxSplits: Int = .max) -> [Substring] {
        text.split(separator: Character(separator), maxSplits: maxSplits)
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

/// The name of an ASCII path cut by bytes as `Input` cuts any name by `Character`s (they cut
/// ASCII the same): one walk over the bytes, where splitting into substrings and lowercasing
/// cost some twenty thousand instructions a file.
private struct ASCIIFileName {
    private let bytes: [UInt8]
    /// The last piece of the path between slashes, or the whole path when it has none.
    private let name: Range<Int>
    /// The name's pieces between dots, empty ones left out.
    private let pieces: [Range<Int>]

    /// Nil for a path that is not all ASCII.
    init?(_ path: String) {
        var path = path
        guard let bytes = path.withUTF8({ $0.allSatisfy { $0 < 0x80 } ? Array($0) : nil }) else { return nil }
        var end = bytes.count
        while end > 0, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
        var start = end
        while start > 0, bytes[start - 1] != UInt8(ascii: "/") { start -= 1 }
        if start == end { (start, end) = (0, bytes.count) }
        var pieces: [Range<Int>] = []
        var pieceStart = start
        for index in start...end where index == end || bytes[index] == UInt8(ascii: ".") {
            if index > pieceStart { pieces.append(pieceStart..<index) }
            pieceStart = index + 1
        }
        self.bytes = bytes
        self.name = start..<end
        self.pieces = pieces
    }

    /// The name up to its first dot (past any leading dots), or the whole name when that is empty.
    var stem: String { String(decoding: bytes[pieces.first ?? name], as: UTF8.self) }

    /// The last piece of the name after a dot, lowercase, a `gz` after another extension
    /// passed over; nil for a name with no dot between pieces.
    var formatExtension: String? {
        guard pieces.count > 1 else { return nil }
        let last = lowercased(pieces[pieces.count - 1])
        return last == "gz" && pieces.count > 2 ? lowercased(pieces[pieces.count - 2]) : last
    }

    private func lowercased(_ range: Range<Int>) -> String {
        String(decoding: bytes[range].map { $0 &- UInt8(ascii: "A") < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
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
