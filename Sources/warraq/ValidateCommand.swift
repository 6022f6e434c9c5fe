import ArgumentParser
import Foundation
import WarraqXML

/// `warraq validate`: checks TEI files against tei_all with libxml2's RELAX NG.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check TEI files against the TEI P5 schema (tei_all.rng).",
        discussion: """
        Problems are printed as 'file:line: message'. The schema is compiled once, however many \
        files are checked (compiling tei_all takes a few seconds). The schema is --schema, else \
        $WARRAQ_TEI_SCHEMA, else tei_all.rng in $XDG_DATA_HOME/warraq, ~/.local/share/warraq, \
        /usr/local/share/warraq or /usr/share/warraq (Scripts/setup --test installs it). \
        Nothing is fetched from the network.

        Exit status: 0 all valid, 1 some invalid, 2 usage error or no schema.

        Examples:
          warraq validate corpus.xml
          warraq convert -t tei dump.txt -o dump.xml && warraq validate dump.xml
          warraq convert -t tei dump.txt --output-dir tei/ --validate
        """
    )

    @Option(help: ArgumentHelp("The RELAX NG schema to validate against.", valueName: "file"))
    var schema: String?

    @Flag(name: .shortAndLong, help: "Print only the problems, not the closing count.")
    var quiet = false

    @Argument(help: ArgumentHelp("TEI files to check.", valueName: "file"))
    var files: [String] = []

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file to check") }
    }

    func run() throws {
        let checker = try TEIFileChecker(schema: schema)
        let invalid = checker.check(files)
        if !quiet { printError("warraq: \(files.count - invalid) of \(files.count) valid") }
        if invalid > 0 { throw ExitCode(1) }
    }
}

/// What `validate` and `convert --validate` share: the schema found and compiled once, then
/// each file's problems printed as `file:line: message`.
struct TEIFileChecker {
    private let validator: RelaxNGValidator

    /// Exits with status 2, naming where it looked, when there is no usable schema.
    init(schema: String?) throws {
        do {
            let path = try TEISchema.locate(explicit: schema, environment: ProcessInfo.processInfo.environment, fileExists: FileManager.default.fileExists(atPath:))
            validator = try RelaxNGValidator(schemaPath: path)
        } catch {
            printError("warraq: \(error.description)")
            throw ExitCode(2)
        }
    }

    /// How many of `files` are invalid; their problems are printed.
    func check(_ files: [String]) -> Int {
        files.count { file in
            let problems = validator.validate(file: file)
            problems.forEach { printError($0.description) }
            return !problems.isEmpty
        }
    }
}
