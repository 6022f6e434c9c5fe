import Foundation
import Testing
import WarraqTestSupport

/// A broken line or document is reported as `path:line: what is wrong` and skipped; the rest of
/// the input and of the batch still converts, and the exit status is 1.
@Suite("Malformed JSONL and YAML")
struct MalformedInputTests {
    @Test("JSONL: bad lines named by line, good lines around them converted")
    func jsonl() throws {
        let directory = try makeTemporaryDirectory("warraq-malformed")
        let lines = [
            #"{"id":"j#1","title":"first"}"#,
            #"{"id":"j#2","title":"#,
            "\u{0}\u{0}",
            #"{"id":"j#3","body":[{"type":"paragraph"}]}"#,
            #"["not","an","object"]"#,
            #"{"id":"j#4","title":"last"}"#,
        ]
        let path = try write(Array(lines.joined(separator: "\n").utf8), to: "m.jsonl", in: directory)
        let result = try warraq(["convert", path, fixture("cli/two-docs.jsonl").path])
        #expect(result.status == 1)
        #expect(try jsonObjects(result.stdout).map { $0["id"] as? String } == ["j#1", "j#4", "d#1", "d#2"])
        let errors = result.stderr.split(separator: "\n").map(String.init)
        for line in [2, 3, 4, 5] { #expect(errors.contains { $0.hasPrefix("\(path):\(line): ") }, "line \(line): \(errors)") }
        #expect(errors.last == "warraq: 1 of 2 inputs converted, 1 failed; 4 documents, 1 removed item")
    }

    @Test("YAML: a broken document is named by line and skipped, the documents after it converted")
    func yaml() throws {
        let directory = try makeTemporaryDirectory("warraq-malformed")
        let text = """
        ---
        id: y#1
        ...
        ---
        id: [unclosed
        title: x
        ...
        ---
        id: y#3
        title: *alias
        ...
        ---
        id: y#4
        titel: misspelt
        ...
        ---
        id: y#5
        ...

        """
        let path = try write(Array(text.utf8), to: "m.yaml", in: directory)
        let result = try warraq(["convert", path])
        #expect(result.status == 1)
        #expect(try jsonObjects(result.stdout).map { $0["id"] as? String } == ["y#1", "y#5"])
        let errors = result.stderr.split(separator: "\n").map(String.init)
        #expect(errors.contains { $0.hasPrefix("\(path):6: not YAML: ") }, "\(errors)")
        #expect(errors.contains("\(path):10: aliases (*name) are not supported; write the value out"), "\(errors)")
        #expect(errors.contains { $0.hasPrefix("\(path):13: not a Warraq document: ") && $0.contains("titel") }, "\(errors)")
        #expect(errors.last == "warraq: 0 of 1 input converted, 1 failed; 2 documents, 0 removed items")
    }
}
