import Foundation
import Testing
import WarraqCore
import WarraqTestSupport
@testable import WarraqXML

/// The schema the README's set-up installs, if it is here.
let teiSchema: String? = try? TEISchema.locate(
    explicit: nil, environment: ProcessInfo.processInfo.environment, fileExists: FileManager.default.fileExists(atPath:)
)

/// Compiled once for the whole run (a lazily initialised global): tei_all takes seconds.
let sharedValidator: RelaxNGValidator? = teiSchema.flatMap { try? RelaxNGValidator(schemaPath: $0) }

/// What jing says about files: its problem lines (`file:line:column: error: …`), by file.
func jingProblems(_ files: [String], schema: String) throws -> [String: [String]] {
    let jing = try runProcess(try #require(Client.tool("jing")), [schema] + files)
    let lines = jing.stdoutText.split(separator: "\n").map(String.init)
    #expect((jing.status == 0) == lines.isEmpty, "jing: \(jing.stderr)")
    return Dictionary(grouping: lines) { String($0.prefix { $0 != ":" }) }
}

@Suite("TEI validity")
struct TEIValidityTests {
    @Test("every document the tests write is valid for jing and for libxml2's RELAX NG, alone and as one corpus")
    func valid() throws {
        guard Client.shouldRun(teiSchema != nil && Client.tool("jing") != nil) else { return }
        let schema = try #require(teiSchema)
        let validator = try #require(sharedValidator)
        let directory = FileManager.default.temporaryDirectory.appending(path: "warraq-tei-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let documents = try TEIFixtures.all()
        var files: [String] = []
        for (index, document) in documents.enumerated() {
            let file = directory.appending(path: "single-\(index).xml")
            try tei([document], shape: .single).write(to: file, atomically: false, encoding: .utf8)
            files.append(file.path)
        }
        let corpus = directory.appending(path: "corpus.xml")
        try tei(documents, shape: .multiple).write(to: corpus, atomically: false, encoding: .utf8)
        files.append(corpus.path)
        for file in files { #expect(validator.validate(file: file) == [], "\(file)") }
        let problems = try jingProblems(files, schema: schema)
        #expect(problems.isEmpty, "\(problems.values.joined().prefix(20))")
    }

    @Test("an invalid file is invalid for both, with the same line")
    func invalidAgrees() throws {
        guard Client.shouldRun(teiSchema != nil && Client.tool("jing") != nil) else { return }
        let schema = try #require(teiSchema)
        let file = fixture("tei/invalid.xml").path
        let problems = try #require(sharedValidator).validate(file: file)
        #expect(problems.map(\.line) == [7])
        #expect(try jingProblems([file], schema: schema).keys.sorted() == [file])
    }

    @Test("a schema that is not RELAX NG is a setup error naming the file")
    func brokenSchema() {
        let path = fixture("tei/invalid.xml").path
        #expect { try RelaxNGValidator(schemaPath: path) } throws: { "\($0)".contains(path) }
        #expect { try RelaxNGValidator(schemaPath: "/nonexistent.rng") } throws: { "\($0)".contains("/nonexistent.rng") }
    }

    @Test("the schema is looked for in the order the README gives")
    func schemaLookup() throws {
        let environment = ["XDG_DATA_HOME": "/xdg", "HOME": "/home/u"]
        #expect(TEISchema.installedCandidates(environment: environment) == [
            "/xdg/warraq/tei_all.rng", "/home/u/.local/share/warraq/tei_all.rng",
            "/usr/local/share/warraq/tei_all.rng", "/usr/share/warraq/tei_all.rng",
        ])
        #expect(try TEISchema.locate(explicit: "/given.rng", environment: ["WARRAQ_TEI_SCHEMA": "/env.rng"], fileExists: { _ in true }) == "/given.rng")
        #expect(try TEISchema.locate(explicit: nil, environment: ["WARRAQ_TEI_SCHEMA": "/env.rng"], fileExists: { _ in false }) == "/env.rng")
        #expect(try TEISchema.locate(explicit: nil, environment: environment, fileExists: { $0.hasPrefix("/home") }) == "/home/u/.local/share/warraq/tei_all.rng")
        #expect { try TEISchema.locate(explicit: nil, environment: environment, fileExists: { _ in false }) } throws: {
            "\($0)".contains("/xdg/warraq/tei_all.rng") && "\($0)".contains("/usr/share/warraq/tei_all.rng")
        }
    }
}
