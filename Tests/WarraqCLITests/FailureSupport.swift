import Foundation
import Testing
import WarraqTestSupport

/// A fresh directory under the system's temporary directory.
func scratchDirectory(_ label: String = "failure") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appending(path: "warraq-\(label)-\(UUID())")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Each line of JSON Lines as a JSON object.
func jsonObjects(_ data: Data) throws -> [[String: Any]] {
    try data.split(separator: UInt8(ascii: "\n")).map {
        try #require(try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any])
    }
}

/// Runs the built `warraq` with extra environment variables.
func warraq(_ arguments: [String], environment extra: [String: String], stdin: Data? = nil) throws -> ProcessResult {
    let environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
    return try runProcess(warraqExecutable, arguments, stdin: stdin, environment: environment)
}

/// Writes `text` to `name` in `directory`; returns the path.
@discardableResult
func write(_ bytes: [UInt8], to name: String, in directory: URL) throws -> String {
    let url = directory.appending(path: name)
    try Data(bytes).write(to: url)
    return url.path
}
