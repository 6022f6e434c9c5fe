import WarraqCore
import WarraqText

/// A page's article metadata, best source first: JSON-LD, then Open Graph and `article:` meta,
/// then other `<meta>` names, then `<title>` (site name trimmed) and `<html lang>`.
struct PageMetadata {
    var title: String?
    var date: String?
    var dateText: String?
    var authors: [String] = []
    var publisher: String?
    var keywords: [String] = []
    var language: String?
    var url: String?
    /// JSON-LD `articleBody`, when the page gives the whole text there.
    var articleBody: String?

    static let articleTypes: Set<String> = ["NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "OpinionNewsArticle", "LiveBlogPosting", "Report"]

    init(tree: HTMLTree) {
        var meta: [String: String] = [:]
        for node in tree.nodes(.meta) {
            guard let key = (tree.attribute(node, "property") ?? tree.attribute(node, "name") ?? tree.attribute(node, "itemprop"))?.lowercased(),
                  let content = tree.attribute(node, "content")?.foldingWhitespace(), !content.isEmpty, meta[key] == nil else { continue }
            meta[key] = content
        }
        let article = Self.jsonLDArticle(tree)
        let heading = tree.nodes(.h1).lazy.map { tree.text($0) }.first { !$0.isEmpty }
        let declared = (article?["headline"]?.stringValue ?? meta["og:title"] ?? meta["twitter:title"]).map { Self.decodeEntities($0).foldingWhitespace() }
        // The visible <h1> when the declared headline merely adds a kicker or the site name to it.
        if let heading, let declared, declared != heading, declared.contains(heading) {
            title = heading
        } else {
            title = declared ?? heading ?? tree.nodes(.title).first.map { Self.trimSiteName(tree.text($0)) }
        }
        let rawDate = article?["datePublished"]?.stringValue ?? meta["article:published_time"] ?? meta["og:article:published_time"]
            ?? meta["date"] ?? meta["pubdate"] ?? meta["publishdate"] ?? meta["dc.date"] ?? meta["dcterms.date"] ?? meta["sailthru.date"]
            ?? tree.nodes(.time).lazy.compactMap { tree.attribute($0, "datetime") }.first
        if let rawDate { (date, dateText) = Self.isoDate(rawDate) }
        authors = Self.names(article?["author"]) 
        if authors.isEmpty, let author = meta["author"] ?? meta["article:author"], !author.hasPrefix("http") { authors = [author] }
        publisher = Self.names(article?["publisher"]).first ?? meta["og:site_name"]
        if let words = article?["keywords"] {
            keywords = words.arrayValue?.compactMap(\.stringValue) ?? Self.split(words.stringValue ?? "")
        } else if let words = meta["keywords"] ?? meta["news_keywords"] {
            keywords = Self.split(words)
        }
        articleBody = article?["articleBody"]?.stringValue
        language = tree.attribute(0, "lang").map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
        url = tree.nodes(.link).first { tree.attribute($0, "rel")?.lowercased() == "canonical" }.flatMap { tree.attribute($0, "href") } ?? meta["og:url"]
    }

    /// The first JSON-LD object of an article type, looking through arrays and `@graph`.
    private static func jsonLDArticle(_ tree: HTMLTree) -> JSONValue? {
        for script in tree.jsonLD {
            guard let value = try? JSONParser.parse(script.trimmingWhitespace()) else { continue }
            if let found = findArticle(value) { return found }
        }
        return nil
    }

    private static func findArticle(_ value: JSONValue) -> JSONValue? {
        switch value {
        case .array(let items): return items.lazy.compactMap(findArticle).first
        case .object:
            let types = value["@type"].map { $0.arrayValue?.compactMap(\.stringValue) ?? [$0.stringValue ?? ""] } ?? []
            if types.contains(where: articleTypes.contains) { return value }
            if let graph = value["@graph"] { return findArticle(graph) }
            return nil
        default: return nil
        }
    }

    /// Names from a JSON-LD person or organization, a list of them, or a plain string.
    private static func names(_ value: JSONValue?) -> [String] {
        guard let value else { return [] }
        switch value {
        case .string(let name): return name.isEmpty ? [] : [name.foldingWhitespace()]
        case .array(let items): return items.flatMap { names($0) }
        case .object: return value["name"]?.stringValue.map { [$0.foldingWhitespace()] } ?? []
        default: return []
        }
    }

    private static func split(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// An ISO date from a machine-readable value, else from visible text through the scrape
    /// reader's date parser.
    static func isoDate(_ raw: String) -> (String?, String?) {
        let text = raw.trimmingWhitespace()
        let scalars = Array(text.unicodeScalars)
        if scalars.count >= 10, scalars[4] == "-", scalars[7] == "-", scalars[0..<4].allSatisfy({ ("0"..."9").contains($0) }) {
            var iso = String(String.UnicodeScalarView(scalars[0..<10]))
            if scalars.count >= 19, scalars[10] == "T" || scalars[10] == " " {
                iso += "T" + String(String.UnicodeScalarView(scalars[11..<19]))
            }
            return (iso, nil)
        }
        return (NewsDateParser.standard.parse(text)?.iso, text)
    }

    /// Metadata values sometimes carry HTML entities a second time (`&quot;` inside JSON-LD).
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named = ["&quot;": "\"", "&amp;": "&", "&apos;": "'", "&#39;": "'", "&#039;": "'", "&lt;": "<", "&gt;": ">", "&nbsp;": " "]
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let tail = rest[amp...]
            if let entity = named.first(where: { tail.hasPrefix($0.key) }) {
                out += entity.value
                rest = tail.dropFirst(entity.key.count)
            } else {
                out += "&"
                rest = tail.dropFirst()
            }
        }
        return out + rest
    }

    /// `Headline - Site` or `Site | Headline`: the longest part.
    static func trimSiteName(_ title: String) -> String {
        for separator in [" | ", " - ", " – ", " — ", " :: ", " · "] {
            let offsets = ByteSearch.offsets(of: separator, in: title)
            guard !offsets.isEmpty else { continue }
            let bytes = Array(title.utf8)
            var parts: [String] = []
            var start = 0
            for offset in offsets + [bytes.count] where offset >= start {
                parts.append(String(decoding: bytes[start..<offset], as: UTF8.self))
                start = offset + separator.utf8.count
            }
            return parts.max { $0.count < $1.count }?.trimmingWhitespace() ?? title
        }
        return title
    }
}
