import WarraqCore
import WarraqFormats
import WarraqText
import WarraqTransforms
import WarraqXML
import WarraqYAML

/// Every built-in format, one line each, in the order `warraq formats` lists them. A new format
/// is one file in its module and one line here.
enum BuiltinFormats {
    static let registry = registry(profile: .builtIn)

    /// The registry with scrape and HTML readers that know the user's profiles too.
    static func registry(profile: ScrapeProfile) -> FormatRegistry {
        var registry = FormatRegistry()
        registry.register(ScrapeReader.format(profile: profile))
        registry.register(HTMLReader.format(profile: profile))
        registry.register(JSONLReader.format)
        registry.register(PlainTextReader.format)
        registry.register(YAMLReader.format)

        registry.register(JSONLWriter.format)
        registry.register(TEIWriter.format)
        registry.register(YAMLWriter.format)
        registry.register(MarkdownWriter.format)
        registry.register(HTMLWriter.format)

        registry.register(NormalizeTransform.format)
        registry.register(LanguageTransform.format)
        registry.register(DedupeTransform.format)
        registry.register(FilterTransform.format)
        return registry
    }

    /// The reader for inputs whose extension no reader claims (standard input among them).
    static var fallbackReader: ReaderFormat { registry.reader(named: "scrape")! }
}
