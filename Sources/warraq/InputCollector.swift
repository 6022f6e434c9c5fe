import Glibc
import WarraqCore

/// Expands the command line's inputs: files as given, `-` as standard input, directories
/// walked recursively in byte order of their names (so a batch is the same on every machine),
/// taking only the files some reader claims. Problems are diagnostics, not stops.
struct InputCollector {
    /// Whether a file found inside a directory should be converted.
    var accepts: (Input) -> Bool
    private(set) var diagnostics: [Diagnostic] = []
    private var visited: Set<[UInt64]> = []

    init(accepts: @escaping (Input) -> Bool) {
        self.accepts = accepts
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
                walk(argument, into: &inputs)
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
        guard let handle = opendir(directory) else {
            diagnostics.append(Diagnostic(path: directory, systemErrorMessage()))
            return
        }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        closedir(handle)
        names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        for name in names {
            let path = prefix + name
            var entryInfo = stat()
            guard stat(path, &entryInfo) == 0 else {
                diagnostics.append(Diagnostic(path: path, systemErrorMessage()))
                continue
            }
            if (entryInfo.st_mode & S_IFMT) == S_IFDIR {
                walk(path, into: &inputs)
            } else if (entryInfo.st_mode & S_IFMT) == S_IFREG, accepts(.file(path)) {
                inputs.append(.file(path))
            }
        }
    }
}
