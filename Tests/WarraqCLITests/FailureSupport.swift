import Foundation
import Testing
import WarraqTestSupport

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
