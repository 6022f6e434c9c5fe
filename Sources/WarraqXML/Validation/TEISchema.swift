/// Where `warraq` finds `tei_all.rng`. The schema is not shipped in the repository: the README's
/// set-up installs it into one of these data directories.
public enum TEISchema {
    /// The schema path to use: `explicit` (`--schema`), else `WARRAQ_TEI_SCHEMA`, else the first
    /// existing `installedCandidates`; an error naming all of them when there is none.
    public static func locate(explicit: String?, environment: [String: String], fileExists: (String) -> Bool) throws(ValidationSetupError) -> String {
        if let explicit { return explicit }
        if let path = environment["WARRAQ_TEI_SCHEMA"], !path.isEmpty { return path }
        let candidates = installedCandidates(environment: environment)
        guard let found = candidates.first(where: fileExists) else {
            throw ValidationSetupError("no TEI schema found; give --schema FILE, set WARRAQ_TEI_SCHEMA, or install tei_all.rng (Scripts/setup --test) as one of: " + candidates.joined(separator: ", "))
        }
        return found
    }

    /// `$XDG_DATA_HOME/warraq`, `~/.local/share/warraq`, `/usr/local/share/warraq`,
    /// `/usr/share/warraq`, each holding `tei_all.rng`, in the order they are tried.
    public static func installedCandidates(environment: [String: String]) -> [String] {
        var directories: [String] = []
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty { directories.append(data) }
        if let home = environment["HOME"], !home.isEmpty { directories.append(home + "/.local/share") }
        directories += ["/usr/local/share", "/usr/share"]
        return directories.map { $0 + "/warraq/tei_all.rng" }
    }
}

/// Validation cannot start: no schema, or a broken one.
public struct ValidationSetupError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ message: String) { description = message }
}
