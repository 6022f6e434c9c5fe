import Glibc

/// One entry of a directory, as `readdir` gives it.
public struct DirectoryEntry: Sendable {
    public var name: String
    /// `readdir`'s `d_type`: `DT_REG`, `DT_DIR`, `DT_LNK`, or `DT_UNKNOWN` where the file system
    /// does not say.
    public var type: UInt8

    /// The entries of `directory` but `.` and `..` whose name's bytes `keeps` takes, in the file
    /// system's order; nil when it cannot be opened (`errno` says why). A `dirent` is only as
    /// long as its name, so the name is read through a pointer up to its NUL: copying the
    /// 256-byte `d_name` the C declaration gives reads past the end of the last entry in
    /// `readdir`'s buffer. Names `keeps` refuses are never made into strings (a directory on
    /// `PATH` holds thousands).
    public static func entries(of directory: String, keeping keeps: (UnsafeBufferPointer<UInt8>) -> Bool = { _ in true }) -> [DirectoryEntry]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        let typeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type)!
        var entries: [DirectoryEntry] = []
        while let entry = readdir(handle) {
            let start = UnsafeRawPointer(entry)
            let nameStart = (start + nameOffset).assumingMemoryBound(to: CChar.self)
            let name = UnsafeBufferPointer(start: UnsafeRawPointer(nameStart).assumingMemoryBound(to: UInt8.self), count: strlen(nameStart))
            let isDots = name.count <= 2 && name.allSatisfy { $0 == UInt8(ascii: ".") }
            guard !isDots, keeps(name) else { continue }
            entries.append(DirectoryEntry(name: String(decoding: name, as: UTF8.self), type: start.load(fromByteOffset: typeOffset, as: UInt8.self)))
        }
        return entries
    }
}
