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
        let elements = Elements(tree)
        let meta = MetaTags(tree, elements.metas)
        let article = Self.jsonLDArticle(tree)
        let headings = elements.headings.map { tree.text($0) }.filter { !$0.isEmpty }
        let site = meta["og:site_name"] ?? Self.names(article?["publisher"]).first
        let rawDeclared = (article?["headline"]?.stringValue ?? meta["og:title"] ?? meta["twitter:title"]).map { Self.decodeEntities($0).foldingWhitespace() }
        // The <h1> that shows the declared headline, if one does (pages have several).
        let heading = headings.first { $0 == rawDeclared } ?? headings.first
        let declared = rawDeclared.map { Self.trimSiteName($0, site: site, heading: heading) }
        title = declared.map { Self.withoutKicker($0, openGraph: meta["og:title"].map { Self.decodeEntities($0).foldingWhitespace() }, heading: heading) }
            ?? heading ?? elements.title.map { Self.trimSiteName(tree.text($0), site: site, heading: heading, longest: true) }
        let metaDate = MetaTags.dateKeys.lazy.compactMap { meta[$0] }.first
        let rawDate = article?["datePublished"]?.stringValue ?? metaDate ?? elements.times.lazy.compactMap { tree.attribute($0, "datetime") }.first
        if let rawDate { (date, dateText) = Self.isoDate(rawDate) }
        if date == nil, let visible = Self.visibleDate(tree) { (date, dateText) = visible }
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
        url = elements.links.first { tree.attribute($0, "rel")?.lowercased() == "canonical" }.flatMap { tree.attribute($0, "href") } ?? meta["og:url"]
    }

    private static let classAttribute = HTMLAttribute.number("class")!

    /// The `<meta>` values metadata is read from, by lowercased key, the first non-empty one of
    /// each. Only the keys read are kept: folding the white space of every value a page has
    /// costs more than the rest of the metadata.
    private struct MetaTags {
        static let dateKeys = ["article:published_time", "og:article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date", "dcterms.date", "sailthru.date"]
        /// Every key `PageMetadata` reads.
        static let keyList = dateKeys + ["og:site_name", "og:title", "twitter:title", "author", "article:author", "keywords", "news_keywords", "og:url"]
        static let keys = Set(keyList)
        private static let keyBytes = keyList.map { (key: $0, bytes: Array($0.utf8)) }

        private static let property = HTMLAttribute.number("property")!
        private static let name = HTMLAttribute.number("name")!
        private static let itemprop = HTMLAttribute.number("itemprop")!
        private static let content = HTMLAttribute.number("content")!

        private var values: [String: String] = [:]

        init(_ tree: HTMLTree, _ metas: [Int]) {
            let keys = Self.keyBytes
            for node in metas {
                guard let named = tree.attributeIndex(node, Self.property) ?? tree.attributeIndex(node, Self.name) ?? tree.attributeIndex(node, Self.itemprop),
                      let key = Self.key(tree, named, keys), values[key] == nil,
                      let content = tree.attribute(node, Self.content)?.foldingWhitespace(), !content.isEmpty else { continue }
                values[key] = content
            }
        }

        /// The key that attribute `index` names, lowercased, if it is one read. An ASCII name is
        /// matched on its bytes; another (which can lowercase to ASCII: `K`, the Kelvin sign)
        /// as a lowercased string.
        static func key(_ tree: HTMLTree, _ index: Int, _ keys: [(key: String, bytes: [UInt8])]) -> String? {
            let ascii: String?? = tree.withAttributeValue(index) { name in
                guard name.allSatisfy({ $0 < 0x80 }) else { return nil }
                let match = keys.first { key in
                    key.bytes.count == name.count && zip(key.bytes, name).allSatisfy { $0 == ($1 &- UInt8(ascii: "A") < 26 ? $1 | 0x20 : $1) }
                }
                return .some(match?.key)
            }
            if let ascii { return ascii }
            let key = tree.attributeValue(index).lowercased()
            return Self.keys.contains(key) ? key : nil
        }

        subscript(key: String) -> String? {
            assert(Self.keys.contains(key), "the meta key \(key) is read but not kept")
            return values[key]
        }
    }

    /// The elements metadata is read from, in document order, gathered in one pass over the page.
    private struct Elements {
        var metas: [Int] = []
        var headings: [Int] = []
        var title: Int?
        var times: [Int] = []
        var links: [Int] = []

        init(_ tree: HTMLTree) {
            for node in 0..<tree.count {
                switch tree.tags[node] {
                case .meta: metas.append(node)
                case .h1: headings.append(node)
                case .title where title == nil: title = node
                case .time: times.append(node)
                case .link: links.append(node)
                default: break
                }
            }
        }
    }

    /// The first JSON-LD object of an article type, looking through arrays and `@graph`.
    private static func jsonLDArticle(_ tree: HTMLTree) -> JSONValue? {
        for script in tree.jsonLD where mayNameArticle(script) {
            guard let value = try? JSONParser.parse(script.trimmingWhitespace(), keepingMembers: jsonLDMembers) else { continue }
            if let found = findArticle(value) { return found }
        }
        return nil
    }

    /// Every JSON-LD member name metadata is read from (`findArticle`, `names`, `init`): the
    /// others are not built.
    private static let jsonLDMembers = ["@type", "@graph", "headline", "datePublished", "author", "publisher", "keywords", "articleBody", "name"]

    /// Pieces of which every article type's name holds one, and the escape JSON could spell one
    /// with otherwise.
    static let articleTypeClues = ["Article", "BlogPosting", "Report", "\\u"]

    /// Whether a script could name an article type; one that cannot is not parsed, for no
    /// article would be found in it.
    private static func mayNameArticle(_ script: String) -> Bool {
        articleTypeClues.contains { ByteSearch.contains($0, in: script) }
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

    /// A date printed on the page in an element named for it (`meta_date`, `published`):
    /// `erstellt: 01. April 2025, 15:25`.
    static func visibleDate(_ tree: HTMLTree) -> (String, String)? {
        for node in 0..<tree.count where tree.textSize[node] > 0 && tree.textSize[node] < 80 {
            guard let names = tree.attribute(node, classAttribute), namesDate(names) else { continue }
            let text = tree.text(node)
            if let iso = NewsDateParser.standard.parse(text)?.iso { return (iso, text) }
        }
        return nil
    }

    private static let dateHints = ["date", "datum", "time", "publish"]

    /// Whether a word of class names (a run of letters, in any case) starts with a date hint.
    /// ASCII names, nearly all, are read as bytes, their letters being the ASCII ones.
    private static func namesDate(_ names: String) -> Bool {
        guard names.utf8.allSatisfy({ $0 < 0x80 }) else {
            return names.lowercased().split(whereSeparator: { !$0.isLetter }).contains { word in dateHints.contains { word.hasPrefix($0) } }
        }
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- UInt8(ascii: "a") < 26 }
        let bytes = Array(names.utf8)
        var start = 0
        while start < bytes.count {
            guard isLetter(bytes[start]) else {
                start += 1
                continue
            }
            var end = start + 1
            while end < bytes.count, isLetter(bytes[end]) { end += 1 }
            let word = bytes[start..<end]
            if dateHints.contains(where: { hint in hint.utf8.count <= word.count && zip(hint.utf8, word).allSatisfy { $0 == $1 | 0x20 } }) { return true }
            start = end
        }
        return false
    }

    /// Metadata values sometimes carry HTML entities a second time (`&quot;` inside JSON-LD).
    static func decodeEntities(_ text: String) -> String {
        // A byte test first: looking for the character `&` walks the text's characters.
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let named = ["&quot;": "\"", "&amp;": "&", "&apos;": "'", "&#39;": "'", "&#039;": "'", "&lt;": "<", "&gt;": ">", "&nbsp;": " "]
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let tail = rest[amp...]
            if let (character, length) = numericEntity(tail) {
                out.unicodeScalars.append(character)
                rest = tail.dropFirst(length)
            } else if let entity = named.first(where: { tail.hasPrefix($0.key) }) {
                out += entity.value
                rest = tail.dropFirst(entity.key.count)
            } else {
                out += "&"
                rest = tail.dropFirst()
            }
        }
        return out + rest
    }

    /// The headline as the page shows it: without a kicker (`Kicker: Headline`) when the Open
    /// Graph title or the `<h1>` (after another kicker) leaves it out, with the Open Graph
    /// title's kicker when the `<h1>` shows it.
    static func withoutKicker(_ declared: String, openGraph: String?, heading: String?) -> String {
        // The reverse: the Open Graph title adds a kicker that the `<h1>` shows too.
        if let openGraph, let heading, openGraph != declared,
           let separator = [" / ", ": ", " - ", " – "].first(where: { openGraph.hasSuffix($0 + declared) }) {
            let kicker = openGraph.dropLast(separator.count + declared.count)
            if !kicker.isEmpty, heading.hasPrefix(kicker) { return openGraph }
        }
        for separator in [": ", " - ", " – "] {
            let parts = split(declared, at: separator)
            guard parts.count > 1, let last = parts.last, last.count >= 10 else { continue }
            if openGraph == last { return last }
            if let heading, let other = [": ", " - ", " – "].first(where: { heading.hasSuffix($0 + last) }) {
                let kicker = Set(parts.dropLast().joined(separator: " ").split(separator: " ").filter { $0.count >= 4 })
                let otherKicker = heading.dropLast(other.count + last.count).split(separator: " ").filter { $0.count >= 4 }
                if !otherKicker.isEmpty, !otherKicker.contains(where: kicker.contains) { return last }
            }
        }
        return declared
    }

    /// `&#8216;` or `&#x2018;` at the start of `text`: the character and the entity's length.
    private static func numericEntity(_ text: Substring) -> (Unicode.Scalar, Int)? {
        guard text.hasPrefix("&#"), let semicolon = text.prefix(10).firstIndex(of: ";") else { return nil }
        let digits = text[text.index(text.startIndex, offsetBy: 2)..<semicolon]
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        guard let value, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, text.distance(from: text.startIndex, to: semicolon) + 1)
    }

    static let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", "：", "ㅣ", " / ", "--", " » "]

    /// `Headline - Site` or `Site | Headline` without the site: the part that is the visible
    /// heading, else the longest part when one part names the site (or, for `<title>`, always),
    /// else the title unchanged.
    static func trimSiteName(_ title: String, site: String?, heading: String?, longest: Bool = false) -> String {
        for separator in separators {
            let parts = split(title, at: separator).map { $0.trimmingWhitespace() }
            guard parts.count > 1 else { continue }
            if let heading, let part = parts.first(where: { $0 == heading }) { return part }
            let siteNamed = parts.contains { part in
                site.map { ByteSearch.contains($0.lowercased(), in: part.lowercased()) || ByteSearch.contains(part.lowercased(), in: $0.lowercased()) } ?? false
            }
            if siteNamed, let last = parts.last, site.map({ ByteSearch.contains(last.lowercased(), in: $0.lowercased()) || ByteSearch.contains($0.lowercased(), in: last.lowercased()) }) ?? false {
                return parts.dropLast().joined(separator: separator.trimmingWhitespace().isEmpty ? separator : separator)
            }
            if siteNamed || longest { return parts.max { $0.count < $1.count } ?? title }
        }
        return title
    }

    private static func split(_ text: String, at separator: String) -> [String] {
        let offsets = ByteSearch.offsets(of: separator, in: text)
        guard !offsets.isEmpty else { return [text] }
        let bytes = Array(text.utf8)
        var parts: [String] = []
        var start = 0
        for offset in offsets + [bytes.count] where offset >= start {
            parts.append(String(decoding: bytes[start..<offset], as: UTF8.self))
            start = offset + separator.utf8.count
        }
        return parts
    }
}
