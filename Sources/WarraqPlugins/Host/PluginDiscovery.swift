import Glibc
import WarraqCore

/// Finds plugin programs: `warraq-reader-NAME`, `warraq-writer-NAME`, `warraq-transform-NAME`,
/// executable, in the user's plugin folder (`$XDG_CONFIG_HOME/warraq/plugins`, else
/// `~/.config/warraq/plugins`) and then on `PATH`. The first of a kind and name wins. Every run
/// does this, so a directory is read once however often `PATH` reaches it (`/bin` is `/usr/bin`
/// on Debian), and only names that start `warraq-` become strings.
public enum PluginDiscovery {
    public static func find(environment: [String: String]) -> [PluginProgram] {
        var found: [PluginProgram] = []
        var seen: Set<String> = []
        var directoriesRead: Set<DirectoryIdentity> = []
        let folder = pluginFolder(environment: environment)
        let path = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for (directory, source) in [(folder, "plugin folder")] + path.map({ ($0, "PATH") }) {
            guard let identity = DirectoryIdentity(directory), directoriesRead.insert(identity).inserted else { continue }
            for file in entries(of: directory) {
                let full = directory + "/" + file
                guard var program = PluginProgram(path: full, source: source), isExecutableFile(full) else { continue }
                if source == "plugin folder" { program.source = directory }
                if seen.insert("\(program.kind.rawValue)/\(program.name)").inserted { found.append(program) }
            }
        }
        return found
    }

    public static func pluginFolder(environment: [String: String]) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? "") + "/.config"
        return base + "/warraq/plugins"
    }

    /// The `source` of a program named by path on the command line.
    public static let givenByPath = "given by path"

    /// A program named by path on the command line (`-f ./warraq-reader-csv`); its name is the
    /// one its handshake gives.
    public static func program(atPath path: String, kind: PluginKind) -> PluginProgram? {
        guard isExecutableFile(path) else { return nil }
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let name = PluginProgram(path: path, source: givenByPath).flatMap { $0.kind == kind ? $0.name : nil } ?? file
        return PluginProgram(path: path, kind: kind, name: name, source: givenByPath)
    }

    private static let namePrefix = Array("warraq-".utf8)

    /// The `warraq-` file names in a directory, in byte order, so discovery never depends on the
    /// file system's order.
    private static func entries(of directory: String) -> [String] {
        let names = (DirectoryEntry.entries(of: directory) { $0.starts(with: namePrefix) } ?? []).map(\.name)
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// A directory as the file system knows it (device and inode), so two paths to it are one.
    private struct DirectoryIdentity: Hashable {
        let device: UInt64
        let inode: UInt64

        /// Nil when `path` is empty or not a directory.
        init?(_ path: String) {
            var info = stat()
            guard !path.isEmpty, stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0
    }
}
