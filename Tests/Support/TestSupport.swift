import Foundation
import WarraqCore

/// The package's root directory, found from this file's path.
public let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// `Tests/Fixtures/NAME`: our own small inputs, shared by every test target.
public func fixture(_ name: String) -> URL {
    packageRoot.appending(path: "Tests/Fixtures/\(name)")
}

/// What a process did.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: Data
    public var stderr: String

    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
}

/// Runs a program to completion, feeding `stdin`, reading stdout and stderr concurrently so a
/// chatty child never blocks.
public func runProcess(_ executable: URL, _ arguments: [String], stdin: Data? = nil, environment: [String: String]? = nil, currentDirectory: URL? = nil) throws -> ProcessResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    process.standardInput = inPipe
    try process.run()
    let group = DispatchGroup()
    nonisolated(unsafe) var out = Data()
    nonisolated(unsafe) var err = Data()
    DispatchQueue.global().async(group: group) { out = outPipe.fileHandleForReading.readDataToEndOfFile() }
    DispatchQueue.global().async(group: group) { err = errPipe.fileHandleForReading.readDataToEndOfFile() }
    if let stdin { inPipe.fileHandleForWriting.write(stdin) }
    try? inPipe.fileHandleForWriting.close()
    group.wait()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus, stdout: out, stderr: String(decoding: err, as: UTF8.self))
}

/// The `warraq` executable that `swift test` built beside the test bundle.
public var warraqExecutable: URL {
    URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        .deletingLastPathComponent().appending(path: "warraq")
}

/// Runs the built `warraq` with `arguments`.
public func warraq(_ arguments: [String], stdin: Data? = nil, currentDirectory: URL? = nil) throws -> ProcessResult {
    try runProcess(warraqExecutable, arguments, stdin: stdin, currentDirectory: currentDirectory)
}

/// An external client that judges our output (jing, jq, the venv's Python). When it is missing,
/// tests that need it are skipped on a developer's machine, and fail under `Scripts/test`,
/// which sets WARRAQ_REQUIRE_CLIENTS=1.
public enum Client {
    public static var required: Bool { ProcessInfo.processInfo.environment["WARRAQ_REQUIRE_CLIENTS"] == "1" }

    /// The first executable of that name on PATH.
    public static func tool(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appending(path: name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// The venv's python (WARRAQ_VENV, else .build/venv), which Scripts/setup --test makes.
    public static var python: URL? {
        let venv = ProcessInfo.processInfo.environment["WARRAQ_VENV"].map { URL(fileURLWithPath: $0) }
            ?? packageRoot.appending(path: ".build/venv")
        let python = venv.appending(path: "bin/python")
        return FileManager.default.isExecutableFile(atPath: python.path) ? python : nil
    }

    /// Whether a test needing `available` should run: true when present; when absent, false on a
    /// developer's machine and true under Scripts/test, so that the test runs and fails.
    public static func shouldRun(_ available: Bool) -> Bool { available || required }
}

/// Renders documents through a writer as one stream of the given shape.
public func render(_ documents: [Document], with writer: some DocumentWriter, shape: StreamShape = .multiple) throws -> [UInt8] {
    var writer = writer
    var out: [UInt8] = []
    try writer.begin(shape, into: &out)
    for document in documents { try writer.write(document, into: &out) }
    try writer.finish(into: &out)
    return out
}

/// A new empty directory under the system's temporary directory.
public func makeTemporaryDirectory(_ prefix: String = "warraq-test") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appending(path: "\(prefix)-\(UUID())")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Each line of JSON Lines as a JSON object; a line that is not one is an error.
public func jsonObjects(_ data: Data) throws -> [[String: Any]] {
    try data.split(separator: UInt8(ascii: "\n")).map {
        guard let object = try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] else {
            throw CocoaError(.propertyListReadCorrupt, userInfo: [NSDebugDescriptionErrorKey: "a JSON Lines line that is not an object"])
        }
        return object
    }
}
