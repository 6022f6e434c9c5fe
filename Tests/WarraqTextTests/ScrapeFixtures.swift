import Foundation
import Testing
import WarraqCore
import WarraqTestSupport
@testable import WarraqText

/// Reads a fixture under Tests/Fixtures/scrape with the built-in profile.
func scrape(_ name: String, profile: ScrapeProfile = .builtIn) throws -> [Document] {
    var reader = try ScrapeReader(.file(fixture("scrape/\(name)").path), profile: profile)
    var documents: [Document] = []
    while let document = try reader.next() { documents.append(document) }
    return documents
}

/// The one document of a fixture that holds a single article; the test stops if it holds more or none.
func scrapeOne(_ name: String) throws -> Document {
    let documents = try scrape(name)
    try #require(documents.count == 1)
    return documents[0]
}

/// Word tokens (letters and digits), as the scorers count them.
func tokens(_ text: String) -> Set<String> {
    Set(Folding.fold(text).split { !$0.isLetter && !$0.isNumber }.map(String.init))
}

/// Every string of a document that accounts for an input line: metadata, body, related, removed.
func accountedText(_ document: Document) -> String {
    var parts = [document.title, document.subtitle, document.dateText, document.dateline?.text, document.publisher, document.section].compactMap { $0 }
    parts += document.authors + document.keywords
    for block in document.body { parts.append(block.plainText) }
    for item in document.related { parts += [item.title, item.section, item.author].compactMap { $0 } }
    parts += document.removed.map(\.text)
    return parts.joined(separator: "\n")
}

/// The lines of `name`, non-blank, whose words no document covering them accounts for.
func unaccountedLines(_ name: String) throws -> [String] {
    let documents = try scrape(name)
    let text = try String(contentsOf: fixture("scrape/\(name)"), encoding: .utf8)
    var missing: [String] = []
    for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let number = offset + 1
        let words = tokens(String(line))
        guard !words.isEmpty else { continue }
        let covering = documents.filter { document in
            document.origin?.lines.map { $0.first <= number && number <= $0.last } ?? false
        }
        let accounted = covering.reduce(into: Set<String>()) { $0.formUnion(tokens(accountedText($1))) }
        if covering.isEmpty || !words.isSubset(of: accounted) { missing.append("\(number): \(line)") }
    }
    return missing
}
