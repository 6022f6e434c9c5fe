import Glibc
import WarraqCore

/// Expands the command line's inputs: files as given, `-` as standard input, directories
/// walked recursively in byte order of their names (so a batch is the same on every machine),
/// taking only the files some reader claims. Problems are diagnostics, not stops.
struct InputCollector {
    /// Whether a file found inside a directory should be converted.
    private let accepts: (Input) -> Bool
    /// Which files `accepts` takes, for the warning about a directory that holds none.
    private let acceptedFiles: String
    private(set) var diagnostics: [Diagnostic] = []
    private var visited: Set<[UInt64]> = []

    /// Inside directories, takes the files whose extension `fixed` claims or, with no fixed
    /// reader, those some reader of `registry` claims.
    init(fixed: ReaderFormat?, registry: FormatRegistry) {
        func names(_ extensions: [String]) -> String {
            extensions.isEmpty ? "no file name" : extensions.map { "*.\($0)" }.joined(separator: ", ") + ", gzipped or not"
        }
        if let fixed {
            accepts = { input in input.formatExtension.map(fixed.extensions.contains) ?? false }
            acceptedFiles = "the \(fixed.name) reader's files (\(names(fixed.extensions)))"
        } else {
            accepts = { registry.reader(for: $0) != nil }
            acceptedFiles = "the files some reader claims (\(names(registry.readers.flatMap(\.extensions))))"
        }
    }

    mutating func collect(_ arguments: [String]) -> [Input] {
        var inputs: [Input] = []
        for argument in arguments {
            if argument == "-" {
                inputs.append(.standardInput())
                continue
            }
            var info = stat()
            guard stat(argument, &info) == 0 else {
                diagnostics.append(Diagnostic(path: argument, systemErrorMessage()))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                let before = inputs.count
                walk(argument, into: &inputs)
                if inputs.count == before {
                    diagnostics.append(Diagnostic(path: argument, "no file to convert here: a directory is searched for \(acceptedFiles); name other files on the command line or in --files-from", severity: .warning))
                }
            } else {
                inputs.append(.file(argument))
            }
        }
        return inputs
    }

    private mutating func walk(_ directory: String, into inputs: inout [Input]) {
        var info = stat()
        guard stat(directory, &info) == 0 else {
            diagnostics.append(Diagnostic(path: directory, systemErrorMessage()))
            return
        }
        guard visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else {
            diagnostics.append(Diagnostic(path: directory, "directory already visited (a symbolic link loop?); skipped", severity: .warning))
            return
        }
        guard var entries = DirectoryEntry.entries(of: directory) else {
            diagnostics.append(Diagnostic(path: directory, systemErrorMessage()))
            return
        }
        entries.sort { Self.precedes($0.name, $1.name) }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        for entry in entries {
            let path = prefix + entry.name
            guard let mode = Self.fileType(path, entryType: entry.type) else {
                diagnostics.append(Diagnostic(path: path, systemErrorMessage()))
                continue
            }
            if mode == S_IFDIR {
                walk(path, into: &inputs)
            } else if mode == S_IFREG, accepts(.file(path)) {
                inputs.append(.file(path))
            }
        }
    }

    /// Whether `a` sorts before `b` in byte order, by `memcmp`: the generic comparison of
    /// UTF-8 views costs some 400 instructions a pair, and a large directory sorts thousands.
    private static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { a in
            b.withUTF8 { b in
                let order = a.isEmpty || b.isEmpty ? 0 : memcmp(a.baseAddress!, b.baseAddress!, min(a.count, b.count))
                return order != 0 ? order < 0 : a.count < b.count
            }
        }
    }

    /// The `S_IFMT` bits of a directory entry: from `readdir`'s `d_type` when it tells a file
    /// or a directory, else (a symbolic link, or a file system that does not say) from `stat`,
    /// which follows links; nil when `stat` fails. One `stat` a file fewer in a large tree.
    private static func fileType(_ path: String, entryType: UInt8) -> mode_t? {
        switch Int(entryType) {
        case DT_REG: return S_IFREG
        case DT_DIR: return S_IFDIR
        default:
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            return info.st_mode & S_IFMT
        }
    }
}
