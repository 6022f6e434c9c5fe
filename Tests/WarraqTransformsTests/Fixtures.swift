import Foundation
import WarraqCore
import WarraqTestSupport

/// The documents of one of our JSON Lines fixtures in `Tests/Fixtures/transforms`.
func fixtureDocuments(_ name: String) throws -> [Document] {
    let text = try String(contentsOf: fixture("transforms/\(name)"), encoding: .utf8)
    return try text.split(separator: "\n").map { try Document(json: try JSONParser.parse(String($0))) }
}

func paragraph(_ text: String) -> Block { .paragraph(Paragraph(text: text)) }

/// Runs a transform over documents as the pipeline does: each in order, then the end of stream.
func run(_ transform: some DocumentTransform, _ documents: [Document]) throws -> (kept: [Document], setAside: [SetAsideDocument], notes: [String]) {
    var transform = transform
    var kept: [Document] = []
    for document in documents { kept += try transform.apply(document) }
    kept += try transform.finish()
    return (kept, transform.takeSetAside(), transform.takeNotes())
}
