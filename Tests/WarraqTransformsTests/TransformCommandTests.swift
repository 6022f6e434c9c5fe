import Foundation
import Testing
import WarraqTestSupport

/// `warraq convert --transform`, end to end through the built binary.
@Suite("warraq convert --transform")
struct TransformCommandTests {
    let dumpA = fixture("transforms/dump-a.jsonl").path
    let dumpB = fixture("transforms/dump-b.jsonl").path
    let samples = fixture("transforms/languages.jsonl").path



    @Test("-f jsonl -t jsonl as a filter step: duplicates to --duplicates, rejected to --rejected, nothing lost")
    func sideFiles() throws {
        let dir = try makeTemporaryDirectory("warraq-transforms")
        defer { try? FileManager.default.removeItem(at: dir) }
        let duplicates = dir.appending(path: "dups.jsonl").path, rejected = dir.appending(path: "rejected.jsonl").path
        let result = try warraq([
            "convert", "-q", "-f", "jsonl", "-t", "jsonl", dumpA, dumpB,
            "--transform", "dedupe", "--transform", "filter:min-words=5",
            "--duplicates", duplicates, "--rejected", rejected,
        ])
        #expect(result.status == 0)
        #expect(try jsonObjects(result.stdout).map { $0["id"] as? String } == ["dump-a#1", "dump-a#2", "dump-a#3"])
        let dups = try jsonObjects(try Data(contentsOf: URL(fileURLWithPath: duplicates)))
        #expect(dups.map { $0["kept"] as? String } == ["dump-a#1", "dump-a#2"])
        #expect(dups.map { ($0["document"] as? [String: Any])?["id"] as? String } == ["dump-b#1", "dump-b#2"])
        let rejects = try jsonObjects(try Data(contentsOf: URL(fileURLWithPath: rejected)))
        #expect(rejects.map { $0["reason"] as? String } == ["min-words: 4 < 5"])
    }

    @Test("transforms apply in the order given")
    func order() throws {
        let languageFirst = try warraq(["convert", "-q", "-f", "jsonl", samples, "--transform", "language", "--transform", "filter:language=fa+ur"])
        #expect(try jsonObjects(languageFirst.stdout).map { $0["id"] as? String } == ["sample-fa#1", "sample-ur#1"])
        // Filtered before any language is set, every document is rejected.
        let filterFirst = try warraq(["convert", "-q", "-f", "jsonl", samples, "--transform", "filter:language=fa+ur", "--transform", "language"])
        #expect(filterFirst.stdout.isEmpty)
        #expect(filterFirst.stderr.contains("7 documents set aside as rejected and not kept; give --rejected FILE to keep them"))
    }

    @Test("the same bytes at --jobs 1 and 2 and in a second run, side files included")
    func deterministic() throws {
        let dir = try makeTemporaryDirectory("warraq-transforms")
        defer { try? FileManager.default.removeItem(at: dir) }
        var outputs: [Data] = []
        for (run, jobs) in [(1, "1"), (2, "2"), (3, "2")] {
            let dups = dir.appending(path: "dups\(run).jsonl")
            let result = try warraq([
                "convert", "-q", "-j", jobs, "-f", "jsonl", dumpA, dumpB, samples,
                "--transform", "normalize", "--transform", "dedupe", "--transform", "language", "--duplicates", dups.path,
            ])
            #expect(result.status == 0)
            outputs.append(result.stdout + (try Data(contentsOf: dups)))
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[1] == outputs[2])
    }

    @Test("an unknown transform, option or value is a usage error naming it (exit 2)")
    func usageErrors() throws {
        let unknown = try warraq(["convert", "-f", "jsonl", samples, "--transform", "stem"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no transform called 'stem' (transforms: normalize, language, dedupe, filter)"))
        let option = try warraq(["convert", "-f", "jsonl", samples, "--transform", "dedupe:window=3"])
        #expect(option.status == 2)
        #expect(option.stderr.contains("transform 'dedupe' has no option 'window'"))
        let value = try warraq(["convert", "-f", "jsonl", samples, "--transform", "filter:min-words=-1"])
        #expect(value.status == 2)
        #expect(value.stderr.contains("min-words=-1"))
    }

    @Test("normalize reports its counts per input as a warning line")
    func normalizeNotes() throws {
        let result = try warraq(["convert", "-q", "-f", "jsonl", fixture("transforms/repeats.jsonl").path, "--transform", "normalize"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("repeats.jsonl: warning: normalize: 2 changes in 1 of 1 documents (whitespace 2)"))
    }

    @Test("'warraq formats' lists every transform with an example")
    func formats() throws {
        let result = try warraq(["formats"])
        let text = result.stdoutText
        #expect(text.contains("Transforms (--transform):"))
        for name in ["normalize", "language", "dedupe", "filter"] {
            #expect(text.contains("\n  \(name.padding(toLength: 10, withPad: " ", startingAt: 0))"))
            #expect(text.contains("--transform \(name)"))
        }
    }
}
