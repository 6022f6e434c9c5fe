import Foundation
import Testing
import WarraqTestSupport

/// Plugins that crash, lie, hang, chatter or fail: a clear error naming the plugin and the input,
/// never a hang, never a partial file under the final name.
@Suite("plugin failures")
struct PluginFailureTests {
    let harness: PluginHarness
    let twoDocs = fixture("cli/two-docs.jsonl").path

    init() throws { harness = try PluginHarness(path: [PluginHarness.fixtureBin]) }

    /// A fresh one-line file whose extension picks the fixture reader that claims it.
    func oneLineInput(extension: String) throws -> URL {
        let input = try makeTemporaryDirectory().appending(path: "in.\(`extension`)")
        try Data("anything\n".utf8).write(to: input)
        return input
    }

    @Test("a reader that exits non-zero: its documents so far, then path: plugin, status and last words")
    func crashingReader() throws {
        let input = try oneLineInput(extension: "crash")
        let result = try harness.run(["convert", input.path])
        #expect(result.status == 1)
        #expect(try PluginHarness.documents(result.stdout).map { $0["id"] as? String } == ["crash#1"])
        #expect(result.stderr.contains("\(input.path): plugin 'crash' (\(PluginHarness.fixtureBin.path)/warraq-reader-crash): exited with status 3; it said: disk on fire"))
    }

    @Test("a plugin starts with no signal blocked, so Ctrl-C and kill reach it")
    func signalMask() throws {
        let input = try oneLineInput(extension: "signals")
        let result = try harness.run(["convert", input.path])
        #expect(result.status == 0)
        let body = try PluginHarness.documents(result.stdout).first?["body"] as? [[String: Any]]
        #expect(body?.first?["text"] as? String == "0000000000000000")
    }

    @Test("a reader whose output is not JSON is stopped, with the output line named")
    func malformedOutput() throws {
        let result = try harness.run(["convert", "-f", "garbage", twoDocs])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(twoDocs): plugin 'garbage' (\(PluginHarness.fixtureBin.path)/warraq-reader-garbage): output line 2: not JSON"))
    }

    @Test("a transform that stops answering is killed after --plugin-timeout; its input's documents are not written")
    func hangingTransform() throws {
        let directory = try makeTemporaryDirectory()
        let output = directory.appending(path: "out.jsonl")
        let result = try harness.run(["convert", "-f", "jsonl", "--transform", "hang", "--plugin-timeout", "1", "-o", output.path, twoDocs])
        #expect(result.status == 1)
        #expect(result.stderr.contains("plugin 'hang' (\(PluginHarness.fixtureBin.path)/warraq-transform-hang): stopped answering (no output for 1 s; see --plugin-timeout)"))
        #expect(result.stderr.contains(twoDocs))
        #expect(result.stderr.split(separator: "\n").filter { $0.contains("stopped answering") }.count == 1)
        // The batch's policy: what converted is written (here nothing), no temporary file is left.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.jsonl"])
        #expect(try Data(contentsOf: output).isEmpty)
    }

    @Test("a transform that writes more to stderr than a pipe holds, before each answer, does not deadlock")
    func chattyTransform() throws {
        let result = try harness.run(["convert", "-f", "jsonl", "--transform", "chatty", "--quiet", twoDocs])
        #expect(result.status == 0)
        #expect(result.stdout == (try Data(contentsOf: URL(fileURLWithPath: twoDocs))))
        let relayed = result.stderr.split(separator: "\n")
        #expect(relayed.count == 2 * 2048)
        #expect(relayed.first?.hasSuffix(": warning: plugin 'chatty': chatter chatter chatter chatter chatter chatter chatter chatter chatter chatter chatter chatter") == true)
    }

    @Test("a transform answers a line with zero or more documents, and may hold some back until the end")
    func zeroOrMoreAnswers() throws {
        let result = try harness.run(["convert", "-f", "jsonl", "--transform", "split:suffix=s", "--quiet", twoDocs])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try PluginHarness.documents(result.stdout).map { $0["id"] as? String } == ["d#1", "split-1-s", "held-back"])
    }

    @Test("a per-document transform is started once for a batch at --jobs 1, and must not print after its input ends")
    func perDocumentReuse() throws {
        let result = try harness.run(["convert", "-f", "jsonl", "--jobs", "1", "--transform", "once", twoDocs, twoDocs, twoDocs])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try PluginHarness.documents(result.stdout).count == 6)
        #expect(result.stderr.components(separatedBy: "plugin 'once': started").count - 1 == 1)
        let late = try harness.run(["convert", "-f", "jsonl", "--quiet", "--transform", "once:trailer=true", twoDocs])
        #expect(late.status == 1)
        #expect(late.stderr.contains("warraq-transform-once): printed more after its input ended, but it describes itself as perDocument"))
    }

    @Test("a transform that answers only at the end of its input is told the end of each input")
    func bufferedTransform() throws {
        let result = try harness.run(["convert", "-f", "jsonl", "--jobs", "1", "--transform", "buffered", "--quiet", twoDocs, twoDocs])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try PluginHarness.documents(result.stdout).map { $0["id"] as? String } == ["d#1", "d#2", "d#1", "d#2"])
    }

    @Test("unknown options and values of the wrong type are refused before anything runs (exit 2)")
    func optionsChecked() throws {
        let directory = try makeTemporaryDirectory()
        let output = directory.appending(path: "out.jsonl").path
        let unknown = try harness.run(["convert", "-f", "jsonl", "--transform", "split:sufix=s", "-o", output, twoDocs])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("transform 'split' has no option 'sufix' (known: suffix)"))
        let noOptions = try harness.run(["convert", "-f", "garbage:x=1", "-o", output, twoDocs])
        #expect(noOptions.status == 2)
        #expect(noOptions.stderr.contains("reader 'garbage' has no option 'x' (it takes none)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [])
    }

    @Test("a writer that fails leaves no file under the final name, and its error names it")
    func failingWriter() throws {
        let directory = try makeTemporaryDirectory()
        let output = directory.appending(path: "out.fail")
        let result = try harness.run(["convert", "-f", "jsonl", "-o", output.path, twoDocs])
        #expect(result.status == 1)
        #expect(result.stderr.contains("plugin 'fail': cannot write this"))
        #expect(result.stderr.contains("plugin 'fail' (\(PluginHarness.fixtureBin.path)/warraq-writer-fail): exited with status 1"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [])
    }

    @Test("one writer process reads the whole stream of several inputs")
    func onePerStream() throws {
        let result = try harness.run(["convert", "-f", "jsonl", "-t", "count", "--quiet", twoDocs, twoDocs, twoDocs])
        #expect(result.status == 0)
        #expect(result.stdoutText.trimmingCharacters(in: .whitespaces) == "documents: 6 pid-lines: 1\n")
    }

    @Test("a plugin given by path needs no PATH entry; one with the wrong protocol is refused (exit 2)")
    func explicitPath() throws {
        let bare = try PluginHarness(path: [])
        let reader = PluginHarness.csvReader.appending(path: "warraq-reader-csv").path
        let result = try bare.run(["convert", "-f", reader, "--quiet", fixture("plugins/bad.csv").path])
        #expect(try PluginHarness.documents(result.stdout).count == 1)
        let future = try bare.run(["convert", "-f", fixture("plugins/broken/warraq-reader-future").path, twoDocs])
        #expect(future.status == 2)
        #expect(future.stderr.contains("--describe: protocol: speaks protocol 99, this warraq speaks 1"))
    }

    @Test("plugins in $XDG_CONFIG_HOME/warraq/plugins are found")
    func pluginFolder() throws {
        let bare = try PluginHarness(path: [])
        let folder = bare.configHome.appending(path: "warraq/plugins")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: PluginHarness.fixtureBin.appending(path: "warraq-writer-count"), to: folder.appending(path: "warraq-writer-count"))
        let result = try bare.run(["convert", "-f", "jsonl", "-t", "count", "--quiet", twoDocs])
        #expect(result.stdoutText == "documents: 2 pid-lines: 1\n")
        let formats = try bare.run(["formats"])
        #expect(formats.stdoutText.contains("from plugin, \(folder.path): \(folder.path)/warraq-writer-count"))
    }
}
