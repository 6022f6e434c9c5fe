import ArgumentParser
import WarraqCore
import WarraqText
import WarraqXML

/// `warraq profiles`: which profiles and built-in knowledge files (scrape phrases, month names,
/// HTML class hints) a run loads, in the order they are read, and from where.
struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: "List the built-in files and profiles a run loads, in order, and where each came from.",
        discussion: "The built-in files come first (html-hints.yaml holds the HTML reader's class hints); each profile adds to their lists. A profile teaches the scrape reader (agencies, labels, boilerplate phrases, months) and the HTML reader (the same phrases, and class hints under 'html') a site. User profiles are every *.yaml in $XDG_CONFIG_HOME/warraq/profiles (else ~/.config/warraq/profiles)."
    )

    @Option(name: .customLong("profile"), help: ArgumentHelp("A profile as 'warraq convert --profile' takes it (repeatable).", valueName: "file"))
    var profiles: [String] = []

    func run() throws {
        let loaded: [String]
        do { loaded = try ProfileLoader.load(explicit: profiles).sources } catch {
            printError(error.description)
            throw ExitCode(2)
        }
        // The HTML reader's own built-in hints go with the other built-in files, before the
        // user's profiles that extend them.
        let builtIn = ScrapeProfile.builtIn.sources.count
        let sources = loaded.prefix(builtIn) + HTMLReader.builtInSources + loaded.dropFirst(builtIn)
        let folder = ProfileLoader.userDirectory.path + "/"
        let lines = sources.map { source -> String in
            let from = if source.hasPrefix("built-in ") { "built-in" } else if source.hasPrefix(folder) { "user folder" } else { "--profile" }
            return from.padding(toLength: 13, withPad: " ", startingAt: 0) + source.replacing("built-in ", with: "", maxReplacements: 1)
        }
        print(lines.joined(separator: "\n"))
    }
}

