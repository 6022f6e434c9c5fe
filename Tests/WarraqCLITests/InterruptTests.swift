import Foundation
import Testing
import WarraqTestSupport

/// `warraq` killed or interrupted in the middle of a batch: no half-written file ever sits under
/// a final name, and Ctrl-C also removes the temporary files and exits with status 130.
@Suite("warraq stopped mid-batch", .serialized)
struct InterruptTests {
    /// JSONL inputs of many documents in all, big enough that writing them takes a while.
    static func batch(in directory: URL, documents: Int, files: Int = 1) throws -> [String] {
        let text = String(repeating: "نص طويل يكفي لملء الملف ", count: 40)
        let perFile = documents / files
        return try (0..<files).map { file in
            var lines = ""
            for n in (file * perFile + 1)...((file + 1) * perFile) {
                lines += #"{"id":"doc#\#(n)","title":"عنوان \#(n)","body":[{"type":"paragraph","text":"\#(text)"}]}"# + "\n"
            }
            return try write(Array(lines.utf8), to: "batch\(file).jsonl", in: directory)
        }
    }

    /// Starts warraq, waits until `ready` holds, then sends `signal`; false when warraq had
    /// already finished (the batch was too small to stop in the middle).
    static func stop(_ arguments: [String], with signal: Int32, when ready: () -> Bool) throws -> (stopped: Bool, process: Process) {
        let process = Process()
        process.executableURL = warraqExecutable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        while process.isRunning, !ready() { usleep(2_000) }
        let stopped = process.isRunning
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return (stopped, process)
    }

    static func names(in directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
    }

    /// Every file under a final name holds exactly the one document its name says.
    static func expectComplete(_ directory: URL) throws {
        for name in names(in: directory) where !name.hasPrefix(".") {
            let documents = try jsonObjects(Data(contentsOf: directory.appending(path: name)))
            #expect(documents.count == 1, "\(name)")
            #expect((documents.first?["id"] as? String).map { $0.replacingOccurrences(of: "#", with: "-") + ".jsonl" } == name)
        }
    }

    @Test("SIGKILL during --output-dir leaves only complete files under final names")
    func killOutputDirectory() throws {
        let work = try makeTemporaryDirectory("warraq-kill")
        let input = try Self.batch(in: work, documents: 4_000)
        let out = work.appending(path: "out")
        let (stopped, process) = try Self.stop(["convert", "--quiet", "--jobs", "1"] + input + ["--output-dir", out.path], with: SIGKILL) {
            Self.names(in: out).filter { !$0.hasPrefix(".") }.count >= 20
        }
        try #require(stopped, "warraq finished before it could be killed")
        #expect(process.terminationReason == .uncaughtSignal)
        let finals = Self.names(in: out).filter { !$0.hasPrefix(".") }
        #expect(finals.count >= 20 && finals.count < 4_000)
        try Self.expectComplete(out)
    }

    @Test("SIGKILL while writing -o leaves no file under the final name, and an old file intact")
    func killOutputFile() throws {
        let work = try makeTemporaryDirectory("warraq-kill")
        let input = try Self.batch(in: work, documents: 30_000)
        let out = work.appending(path: "all.jsonl")
        try Data("old\n".utf8).write(to: out)
        let (stopped, process) = try Self.stop(["convert", "--quiet", "--force"] + input + ["-o", out.path], with: SIGKILL) {
            Self.names(in: work).contains { $0.hasPrefix(".all.jsonl.warraq-") }
        }
        try #require(stopped, "warraq finished before it could be killed")
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try Data(contentsOf: out) == Data("old\n".utf8))
    }

    @Test("SIGINT stops with status 130, finished files intact and no temporary file left", arguments: [SIGINT, SIGTERM])
    func interruptOutputDirectory(signal: Int32) throws {
        let work = try makeTemporaryDirectory("warraq-interrupt")
        let inputs = try Self.batch(in: work, documents: 4_000, files: 40)
        let out = work.appending(path: "out")
        let (stopped, process) = try Self.stop(["convert", "--quiet", "--jobs", "2"] + inputs + ["--output-dir", out.path], with: signal) {
            Self.names(in: out).filter { !$0.hasPrefix(".") }.count >= 20
        }
        try #require(stopped, "warraq finished before it could be interrupted")
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 128 + signal)
        let names = Self.names(in: out)
        #expect(names.filter { $0.hasPrefix(".") } == [])
        #expect(names.count >= 20 && names.count < 4_000)
        try Self.expectComplete(out)
    }

    @Test("SIGINT while writing -o removes the temporary file and writes nothing")
    func interruptOutputFile() throws {
        let work = try makeTemporaryDirectory("warraq-interrupt")
        let input = try Self.batch(in: work, documents: 30_000)
        let (stopped, process) = try Self.stop(["convert", "--quiet"] + input + ["-o", work.appending(path: "all.jsonl").path], with: SIGINT) {
            Self.names(in: work).contains { $0.hasPrefix(".all.jsonl.warraq-") }
        }
        try #require(stopped, "warraq finished before it could be interrupted")
        #expect(process.terminationStatus == 130)
        #expect(Self.names(in: work) == ["batch0.jsonl"])
    }

    @Test("a closed pipe (| head -1) ends the run quietly with status 0")
    func closedPipe() throws {
        let work = try makeTemporaryDirectory("warraq-pipe")
        let input = try Self.batch(in: work, documents: 5_000)
        let script = #"set -o pipefail; "$0" convert "$@" | head -1 | wc -l; echo "status ${PIPESTATUS[0]}""#
        let result = try runProcess(URL(fileURLWithPath: "/bin/bash"), ["-c", script, warraqExecutable.path] + input)
        #expect(result.stdoutText == "1\nstatus 0\n")
        #expect(result.stderr == "")
    }
}
