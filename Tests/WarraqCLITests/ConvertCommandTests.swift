import Foundation
import Testing
import WarraqTestSupport

/// `warraq convert` end to end, through the built binary.
@Suite("warraq convert")
struct ConvertCommandTests {
    let batch = fixture("cli/batch").path

    @Test("standard input in, JSON Lines out, one document per line that jq reads")
    func standardInput() throws {
        let result = try warraq(["convert", "-f", "text", "--quiet"], stdin: Data("سطر أول\n\nسطر ثان\n".utf8))
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let lines = result.stdoutText.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines[0].hasPrefix(#"{"id":"stdin#1","origin":{"path":"-","format":"text""#))
        if Client.shouldRun(Client.tool("jq") != nil) {
            let jq = try runProcess(try #require(Client.tool("jq")), ["-c", ".body[1].text"], stdin: result.stdout)
            #expect(jq.status == 0)
            #expect(jq.stdoutText == "\"سطر ثان\"\n")
        }
    }

    @Test("a directory is walked recursively in name order, taking the files a reader claims")
    func directory() throws {
        let result = try warraq(["convert", batch])
        #expect(result.status == 0)
        let ids = try jsonObjects(result.stdout).map { $0["id"] as? String }
        #expect(ids == ["a#1", "c#1", "b#1"])
        #expect(result.stderr == "warraq: 3 of 3 inputs converted, 0 failed; 3 documents, 0 removed items\n")
    }

    @Test("a directory with no file the reader takes is named in a warning, with what it takes")
    func directoryWithoutInputs() throws {
        let directory = try makeTemporaryDirectory("warraq-cli")
        try Data("notes\n".utf8).write(to: directory.appending(path: "notes.md"))
        let result = try warraq(["convert", "-f", "text", directory.path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let warning = "\(directory.path): warning: no file to convert here: a directory is searched for the text reader's files (*.text, gzipped or not); name other files on the command line or in --files-from"
        #expect(result.stderr == warning + "\nwarraq: 0 of 0 inputs converted, 0 failed; 0 documents, 0 removed items\n")
    }

    @Test("jsonl to jsonl reproduces its input byte for byte")
    func identity() throws {
        let path = fixture("cli/two-docs.jsonl").path
        let result = try warraq(["convert", "-f", "jsonl", "-t", "jsonl", "--quiet", path])
        #expect(result.status == 0)
        #expect(result.stdout == (try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    @Test("bad inputs are reported as path:line and the rest of the batch still converts (exit 1)")
    func partialFailure() throws {
        let malformed = fixture("cli/malformed.jsonl").path
        let good = fixture("cli/two-docs.jsonl").path
        let result = try warraq(["convert", "-f", "jsonl", malformed, "/nonexistent/input.jsonl", good])
        #expect(result.status == 1)
        let ids = try jsonObjects(result.stdout).map { $0["id"] as? String }
        #expect(ids == ["m#1", "m#4", "d#1", "d#2"])
        let errors = result.stderr.split(separator: "\n").map(String.init)
        #expect(errors.contains("\(malformed):2: not JSON: column 22: unexpected character"))
        #expect(errors.contains("\(malformed):3: not a Warraq document: unknown member 'titel'"))
        #expect(errors.contains("/nonexistent/input.jsonl: no such file or directory"))
        #expect(errors.last == "warraq: 1 of 3 inputs converted, 2 failed; 4 documents, 1 removed item")
    }

    @Test("a dangling symbolic link in a directory is an error for that file only")
    func danglingLink() throws {
        let directory = try makeTemporaryDirectory("warraq-cli")
        try FileManager.default.copyItem(atPath: fixture("cli/batch/a.text").path, toPath: directory.appending(path: "a.text").path)
        try FileManager.default.createSymbolicLink(atPath: directory.appending(path: "b.text").path, withDestinationPath: "/nonexistent/target")
        let result = try warraq(["convert", "--quiet", directory.path])
        #expect(result.status == 1)
        #expect(try jsonObjects(result.stdout).count == 1)
        #expect(result.stderr.contains("b.text: no such file or directory"))
    }

    @Test("usage errors exit with status 2", arguments: [
        ["convert", "--no-such-option"],
        ["convert", "-t", "no-such-writer", "x.text"],
        ["convert", "-f", "no-such-reader", "x.text"],
        ["convert", "-o", "a.jsonl", "--output-dir", "d"],
        ["convert", "--jobs", "0"],
        ["no-such-command"],
    ])
    func usage(arguments: [String]) throws {
        let result = try warraq(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test("output bytes do not depend on --jobs, and follow input order")
    func jobs() throws {
        let inputs = try mixedBatch()
        let outputs = try [1, 2, 8].map { try warraq(["convert", "--quiet", "--jobs", "\($0)"] + inputs).stdout }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0] == outputs[2])
        let oneByOne = try inputs.map { try warraq(["convert", "--quiet", $0]).stdout }
        #expect(outputs[2] == oneByOne.reduce(Data(), +))
        #expect(try jsonObjects(outputs[0]).count > inputs.count)
    }

    /// Scrape dumps, HTML pages (one gzipped), plain text and JSONL: inputs of very different
    /// sizes and readers, so parallel workers finish out of order.
    private func mixedBatch() throws -> [String] {
        let scrape = try FileManager.default.contentsOfDirectory(atPath: fixture("scrape").path)
            .filter { $0.hasSuffix(".txt") }.sorted().map { fixture("scrape/\($0)").path }
        let html = ["html/article-ar.html.gz", "html/windows-1256.html", "html/no-paragraphs.html"].map { fixture($0).path }
        return Array(scrape.prefix(6)) + html + ["\(batch)/a.text", fixture("cli/two-docs.jsonl").path] + scrape.dropFirst(6)
    }

    @Test("-o writes the file atomically and refuses to overwrite without --force")
    func outputFile() throws {
        let directory = try makeTemporaryDirectory("warraq-cli")
        let out = directory.appending(path: "all.jsonl").path
        #expect(try warraq(["convert", "--quiet", batch, "-o", out]).status == 0)
        #expect(try jsonObjects(Data(contentsOf: URL(fileURLWithPath: out))).count == 3)
        let again = try warraq(["convert", "--quiet", batch, "-o", out])
        #expect(again.status == 1)
        #expect(again.stderr.contains("exists already (use --force to overwrite)"))
        #expect(try warraq(["convert", "--quiet", "--force", batch, "-o", out]).status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(leftovers == ["all.jsonl"])
    }

    @Test("--output-dir writes one file per document, named by its id")
    func outputDirectory() throws {
        let directory = try makeTemporaryDirectory("warraq-cli").appending(path: "out")
        let result = try warraq(["convert", "--quiet", "-f", "jsonl", fixture("cli/two-docs.jsonl").path, "--output-dir", directory.path])
        #expect(result.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["d-1.jsonl", "d-2.jsonl"])
        let second = try jsonObjects(Data(contentsOf: directory.appending(path: "d-2.jsonl")))
        #expect(second.first?["title"] as? String == "Second")
    }

    @Test("--files-from reads input paths from standard input")
    func filesFrom() throws {
        let list = "\(batch)/c.text\n\n\(batch)/a.text\n"
        let result = try warraq(["convert", "--quiet", "--files-from", "-"], stdin: Data(list.utf8))
        #expect(result.status == 0)
        #expect(try jsonObjects(result.stdout).map { $0["id"] as? String } == ["c#1", "a#1"])
    }

    @Test("find … | warraq convert --files-from - converts what find lists, in its order")
    func filesFromFind() throws {
        let find = try runProcess(try #require(Client.tool("find")), [batch, "-name", "*.text"])
        let paths = find.stdoutText.split(separator: "\n").map(String.init)
        #expect(paths.count == 3)
        let result = try warraq(["convert", "--quiet", "--files-from", "-"], stdin: find.stdout)
        #expect(result.status == 0)
        let expected: [String?] = paths.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent + "#1" }
        #expect(try jsonObjects(result.stdout).map { $0["id"] as? String } == expected)
    }

    @Test("help teaches by example and --version answers")
    func help() throws {
        let help = try warraq(["convert", "--help"])
        #expect(help.status == 0)
        #expect(help.stdoutText.contains("Examples:"))
        #expect(help.stdoutText.contains("--files-from"))
        let version = try warraq(["--version"])
        #expect(version.status == 0)
        #expect(version.stdoutText.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
    }

    @Test("formats lists every reader and writer with an example")
    func formats() throws {
        let result = try warraq(["formats"])
        #expect(result.status == 0)
        for name in ["jsonl", "text"] { #expect(result.stdoutText.contains("  \(name) ")) }
        #expect(result.stdoutText.components(separatedBy: "e.g. warraq").count > 3)
    }


}
