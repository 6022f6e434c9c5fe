import Foundation
import Testing
import WarraqTestSupport

/// Help, man page and completions come from the argument parser: they must show every format's
/// example and lose nothing on the way to the man page.
@Suite("help, man page and completions")
struct AuditHelpTests {
    @Test("all help text is ASCII, since generate-manual drops other characters from the man page")
    func asciiHelp() throws {
        let dump = try warraq(["--experimental-dump-help"])
        #expect(dump.status == 0)
        #expect(dump.stdout.count > 1000)
        let offending = dump.stdoutText.unicodeScalars.filter { !$0.isASCII }
        #expect(offending.isEmpty, "non-ASCII in help: \(String(String.UnicodeScalarView(offending)))")
    }

    @Test("convert --help shows the example of every reader and writer that 'formats' lists")
    func examples() throws {
        let formats = try warraq(["formats"]).stdoutText
        let examples = formats.split(separator: "\n").compactMap { line -> String? in
            let text = line.trimmingCharacters(in: .whitespaces)
            return text.hasPrefix("e.g. ") ? String(text.dropFirst(5)) : nil
        }
        #expect(examples.count >= 10)
        #expect(examples.contains("warraq convert -t html dump.txt -o articles.html"))
        let help = try warraq(["convert", "--help"]).stdoutText
        for example in examples { #expect(help.contains("\n  " + example + "\n"), "\(example)") }
    }

    @Test("completion scripts for bash, zsh and fish know the subcommands; bash parses its own")
    func completions() throws {
        for shell in ["bash", "zsh", "fish"] {
            let script = try warraq(["--generate-completion-script", shell])
            #expect(script.status == 0)
            for command in ["convert", "inspect", "validate", "formats"] {
                #expect(script.stdoutText.contains(command), "\(shell) \(command)")
            }
            guard shell == "bash", let bash = Client.tool("bash") else { continue }
            let file = FileManager.default.temporaryDirectory.appending(path: "warraq-completion-\(UUID()).bash")
            try script.stdout.write(to: file)
            let check = try runProcess(bash, ["-n", file.path])
            #expect(check.status == 0, "\(check.stderr)")
        }
    }
}
