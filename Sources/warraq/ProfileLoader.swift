import Foundation
import WarraqCore
import WarraqText

/// Builds the scrape profile for a run: the built-in one, then every `*.yaml` in the user's
/// profile folder (`$XDG_CONFIG_HOME/warraq/profiles`, else `~/.config/warraq/profiles`), then
/// the files given with `--profile`, in that order.
enum ProfileLoader {
    static var userDirectory: URL {
        let environment = ProcessInfo.processInfo.environment
        let base = environment["XDG_CONFIG_HOME"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? "/").appending(path: ".config")
        return base.appending(path: "warraq/profiles")
    }

    static func load(explicit: [String]) throws(ProfileError) -> ScrapeProfile {
        var profile = ScrapeProfile.builtIn
        let discovered = ((try? FileManager.default.contentsOfDirectory(atPath: userDirectory.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .sorted()
            .map { userDirectory.appending(path: $0).path }
        for path in discovered + explicit {
            let bytes: [UInt8]
            do { bytes = try Input.file(path).readAll() } catch {
                throw ProfileError(source: path, line: nil, error.message)
            }
            try profile.add(yaml: bytes, source: path)
        }
        return profile
    }
}
