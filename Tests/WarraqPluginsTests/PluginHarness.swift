import Foundation
import Testing
import WarraqTestSupport

/// Runs the built `warraq` with plugin folders first on PATH and a config home of its own, so
/// that no plugin or profile of the machine's user is found.
struct PluginHarness {
    let configHome: URL
    var path: [URL]

    init(path: [URL]) throws {
        configHome = try makeTemporaryDirectory("warraq-plugins-config")
        self.path = path
    }

    static let examples = packageRoot.appending(path: "Examples")
    static let fixtureBin = fixture("plugins/bin")
    static let csvReader = examples.appending(path: "csv-reader")
    static let jqTransform = examples.appending(path: "jq-transform")

    func run(_ arguments: [String], stdin: Data? = nil, currentDirectory: URL? = nil) throws -> ProcessResult {
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = (path.map(\.path) + [environment["PATH"] ?? "/usr/bin:/bin"]).joined(separator: ":")
        environment["XDG_CONFIG_HOME"] = configHome.path
        return try runProcess(warraqExecutable, arguments, stdin: stdin, environment: environment, currentDirectory: currentDirectory)
    }

    /// The documents of JSON Lines output.
    static func documents(_ data: Data) throws -> [[String: Any]] {
        try data.split(separator: UInt8(ascii: "\n")).map {
            guard let object = try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] else {
                throw CocoaError(.coderReadCorrupt)
            }
            return object
        }
    }
}

/// One SwiftPM command at a time from this test process: the example package and the fixture
/// package both depend on this package by path, and two SwiftPM runs resolving it at once
/// have been seen to fail.
enum SwiftPM {
    private static let lock = NSLock()

    static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> ProcessResult {
        let swift = try #require(Client.tool("swift"))
        lock.lock()
        defer { lock.unlock() }
        return try runProcess(swift, arguments, environment: environment)
    }
}
