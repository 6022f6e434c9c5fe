import ArgumentParser
import Glibc
import WarraqCore

/// The `warraq` command: readers, transforms and writers chained over a batch of inputs.
struct Warraq: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "warraq",
        abstract: "Turn scraped news text and HTML into documents researchers can trust.",
        discussion: """
        Warraq reads raw scrape dumps, HTML pages and its own JSON Lines, and writes JSON Lines, \
        YAML, TEI XML, Markdown or HTML. Every line it drops is kept in the document's "removed" list \
        with a reason, so nothing is lost silently.

        Examples:
          warraq convert dump.txt                    # JSON Lines on standard output
          warraq convert -t tei pages/ -o corpus.xml # a directory into one TEI corpus
          cat dump.txt | warraq convert -f scrape -  # standard input
          warraq inspect dumps/ -o report.html       # what was kept, what removed
          warraq formats                             # every reader and writer
        """,
        version: version,
        subcommands: [ConvertCommand.self, InspectCommand.self, ValidateCommand.self, FormatsCommand.self, ProfilesCommand.self],
        defaultSubcommand: nil
    )
}

/// Runs the command line, mapping usage errors to exit status 2 (ArgumentParser's default is 64).
@main
enum Main {
    static func main() {
        // A closed pipe (`warraq convert … | head -1`) becomes an EPIPE error that ends the run
        // quietly, instead of a signal.
        signal(SIGPIPE, SIG_IGN)
        Interrupts.install()
        do {
            var command = try Warraq.parseAsRoot()
            try command.run()
        } catch let error as ExitCode {
            Warraq.exit(withError: error)
        } catch {
            if Warraq.exitCode(for: error) == .validationFailure {
                let message = Warraq.fullMessage(for: error)
                printError(message)
                Warraq.exit(withError: ExitCode(2))
            }
            Warraq.exit(withError: error)
        }
    }
}
