import Foundation
import Testing
import WarraqTestSupport

/// `convert`'s progress line: drawn on standard error when it is a terminal (run under
/// `script`, which gives the command a pseudo-terminal), never when it is a pipe or a file.
@Suite("convert progress line")
struct AuditProgressTests {
    let dumps = fixture("scrape").path

    /// Runs warraq under `script`, so that its standard error is a terminal; returns what the
    /// terminal showed.
    private func onTerminal(_ arguments: [String]) throws -> String? {
        guard Client.shouldRun(Client.tool("script") != nil) else { return nil }
        let script = try #require(Client.tool("script"))
        let command = ([warraqExecutable.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let result = try runProcess(script, ["-qec", command, "/dev/null"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdoutText
    }

    @Test("on a terminal: files, documents, MB/s and ETA redrawn in place, erased before the summary")
    func terminal() throws {
        let output = try temporaryFile()
        guard let shown = try onTerminal(["convert", "-f", "scrape", "--jobs", "1", dumps, "-o", output]) else { return }
        let summary = try warraq(["convert", "-f", "scrape", dumps]).stderr
        #expect(summary.hasPrefix("warraq: 20 of 20 inputs converted, 0 failed; "))
        #expect(shown.hasPrefix("\r\u{1B}[Kwarraq: 1/20 files, 1 document, "))
        #expect(shown.contains(" MB/s, ETA "))
        #expect(shown.contains("\r\u{1B}[Kwarraq: 20/20 files, "))
        // The terminal turns the summary's line feed into CR LF.
        #expect(shown.hasSuffix("\r\u{1B}[K" + summary.dropLast() + "\r\n"))
    }

    @Test("documents printed on the terminal itself get no progress line drawn into them")
    func outputOnTerminal() throws {
        guard let shown = try onTerminal(["convert", "-f", "scrape", dumps]) else { return }
        #expect(shown.contains(#"{"id":"captions#1""#))
        #expect(!shown.contains("\u{1B}[K"))
    }

    @Test("on a terminal with --quiet: nothing at all")
    func quiet() throws {
        let output = try temporaryFile()
        guard let shown = try onTerminal(["convert", "-f", "scrape", "--quiet", dumps, "-o", output]) else { return }
        #expect(shown == "")
    }

    @Test("through a pipe: no progress line, no terminal codes; --verbose adds a line per input")
    func pipe() throws {
        let plain = try warraq(["convert", "-f", "scrape", dumps])
        #expect(plain.stderr.hasPrefix("warraq: 20 of 20 inputs converted, 0 failed; "))
        #expect(plain.stderr.split(separator: "\n").count == 1)
        let verbose = try warraq(["convert", "-f", "scrape", "--verbose", dumps])
        let lines = verbose.stderr.split(separator: "\n")
        #expect(lines.count == 21)
        #expect(lines.first == "\(dumps)/arabic-page.txt: 1 document, 8 removed")
        #expect(!verbose.stderr.contains("\u{1B}") && !verbose.stderr.contains("\r"))
        #expect(verbose.stdout == plain.stdout)
    }

    private func temporaryFile() throws -> String {
        FileManager.default.temporaryDirectory.appending(path: "warraq-progress-\(UUID()).jsonl").path
    }
}
