import WarraqCore
import WarraqPlugins

/// Removes the Arabic tatweel (ـ, U+0640), which pages use to stretch words, from titles and
/// paragraphs; the document keeps its text otherwise.
struct StripTatweel: DocumentTransform {
    static let format = TransformFormat(
        name: "strip-tatweel",
        summary: "removes the Arabic tatweel (ـ) from titles and paragraphs",
        example: "warraq convert --transform strip-tatweel dump.txt",
        isPerDocument: true
    ) { _ in StripTatweel() }

    mutating func apply(_ document: Document) throws -> [Document] {
        var document = document
        document.title = document.title.map(Self.strip)
        document.body = document.body.map { block in
            guard case .paragraph(var paragraph) = block else { return block }
            paragraph.text = Self.strip(paragraph.text)
            paragraph.inlines = paragraph.inlines?.map { Inline($0.kind, Self.strip($0.text), url: $0.url) }
            return .paragraph(paragraph)
        }
        return [document]
    }

    private static func strip(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\u{0640}" }))
    }
}

PluginMain.serve(StripTatweel.format)
