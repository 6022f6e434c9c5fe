import WarraqCore
import WarraqYAML

/// What the scrape reader knows about sites: phrase lists, agencies, month names. The built-in
/// profile comes from `Resources/*.yaml`; user profiles (`--profile FILE`) add to its lists.
public struct ScrapeProfile: Sendable {
    /// Where each loaded profile came from, for `warraq profiles` and error messages.
    public private(set) var sources: [String] = []

    var agencies = PhraseList()
    var placePrefixes = PhraseList()
    var dateLabels = PhraseList()
    var keywordLabels = PhraseList()
    var publisherLabels = PhraseList()
    var authorLabels = PhraseList()
    var relatedLabels = PhraseList()
    var boilerplate: [BoilerplateRule] = []
    var adMarkers: [String] = []
    var embedHosts: [String] = []
    /// Folded month name → month number.
    var months: [(name: String, month: Int)] = []
    /// Class, id and role hints for the HTML reader (the `html` key), added to its built-in ones.
    public internal(set) var html = HTMLHintLists()
    /// The files added so far, in order, for `unsharedCopy()` to read again.
    private var files: [(bytes: [UInt8], source: String)] = []

    /// The profile compiled into Warraq.
    public static let builtIn: ScrapeProfile = {
        var profile = ScrapeProfile()
        for name in EmbeddedData.files.keys.sorted() {
            // The built-in files are checked by the tests; a failure here is a build defect.
            try! profile.add(yaml: Array(EmbeddedData.files[name]!.utf8), source: "built-in \(name)")
        }
        return profile
    }()

    /// Adds a profile file's lists to this profile.
    public mutating func add(yaml bytes: [UInt8], source: String) throws(ProfileError) {
        let root: YAMLNode
        do { root = try YAMLLoader.load(bytes) } catch {
            throw ProfileError(source: source, line: error.line, error.message)
        }
        try ProfileReader(source: source).read(root, into: &self)
        sources.append(source)
        files.append((bytes, source))
    }

    /// The same profile read again from its files, sharing no storage with this one: parallel
    /// workers that each hold their own copy do not contend for its reference counts.
    public func unsharedCopy() -> ScrapeProfile {
        var copy = ScrapeProfile()
        // Each file was read once without an error, so it reads again the same way.
        for file in files { try! copy.add(yaml: file.bytes, source: file.source) }
        return copy
    }
}

/// A profile that cannot be used, naming file, line and key.
public struct ProfileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var source: String
    public var line: Int?
    public var message: String

    public init(source: String, line: Int?, _ message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    public var description: String { line.map { "\(source):\($0): \(message)" } ?? "\(source): \(message)" }
}
