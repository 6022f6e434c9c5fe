import WarraqCore

/// Writes a document's `teiHeader`: what it is, where it came from, how Warraq read it, and the
/// text that was removed from it (as `note type="removed"`, so nothing is lost).
struct TEIHeaderWriter {
    let document: Document
    /// The document's `xml:id`, which its removals' ids extend.
    let id: String
    /// The document's language tag (`TEILanguage.tag`), or nil.
    let language: String?
    let writer: XMLTextWriter

    static let availability = "Converted by Warraq for research; rights remain with the original publisher."

    func write() throws(WriterError) {
        try writer.start("teiHeader")
        try writer.start("fileDesc")
        try titleStatement()
        try writer.start("publicationStmt")
        try writer.element("distributor", "Warraq")
        try writer.start("availability")
        try writer.element("p", Self.availability)
        try writer.end()
        try writer.end()
        try removedNotes()
        try sourceDescription()
        try writer.end()
        try encodingDescription()
        try profileDescription()
        try writer.end()
    }

    private func titleStatement() throws(WriterError) {
        try writer.start("titleStmt")
        try writer.element("title", document.title ?? "[untitled]")
        if let subtitle = document.subtitle { try writer.element("title", subtitle, ["type": "sub"]) }
        for author in document.authors { try writer.element("author", author) }
        try writer.end()
    }

    private func removedNotes() throws(WriterError) {
        guard !document.removed.isEmpty else { return }
        try writer.start("notesStmt")
        for (index, removal) in document.removed.enumerated() {
            try writer.element("note", removal.text, [
                "type": "removed",
                "subtype": TEINames.token(removal.reason.rawValue),
                "xml:id": TEINames.removalID(id, index),
                "n": removal.lines.map { "\($0.first)-\($0.last)" },
            ])
        }
        try writer.end()
    }

    private func sourceDescription() throws(WriterError) {
        try writer.start("sourceDesc")
        try writer.start("bibl")
        if let title = document.title { try writer.element("title", title) }
        if let subtitle = document.subtitle { try writer.element("title", subtitle, ["type": "sub"]) }
        for author in document.authors { try writer.element("author", author) }
        if let publisher = document.publisher { try writer.element("publisher", publisher) }
        if document.date != nil || document.dateText != nil {
            try writer.element("date", document.dateText ?? document.date ?? "", ["when": TEIDate.when(document.date)])
        }
        if let url = document.url { try writer.element("ref", url, ["target": TEIPointer.uri(url)]) }
        if let origin = document.origin {
            try writer.element("idno", origin.path, ["type": "file"])
            if let lines = origin.lines {
                try writer.empty("citedRange", ["unit": "line", "from": String(lines.first), "to": String(lines.last)])
            }
            if let sha256 = origin.sha256 { try writer.element("idno", sha256, ["type": "sha256"]) }
        }
        try writer.end()
        try writer.end()
    }

    private func encodingDescription() throws(WriterError) {
        try writer.start("encodingDesc")
        try writer.start("appInfo")
        try writer.start("application", ["ident": "warraq", "version": TEIWriter.warraqVersion])
        try writer.element("label", "Warraq")
        try writer.element("desc", document.origin.map { "Read with the \($0.format) reader." } ?? "Read by Warraq; the reader is not recorded.")
        try writer.end()
        try writer.end()
        try writer.end()
    }

    private func profileDescription() throws(WriterError) {
        guard language != nil || !document.keywords.isEmpty || document.section != nil else { return }
        try writer.start("profileDesc")
        if let language {
            try writer.start("langUsage")
            try writer.element("language", language, ["ident": language])
            try writer.end()
        }
        if !document.keywords.isEmpty || document.section != nil {
            try writer.start("textClass")
            if !document.keywords.isEmpty {
                try writer.start("keywords")
                for keyword in document.keywords { try writer.element("term", keyword) }
                try writer.end()
            }
            if let section = document.section {
                try writer.start("keywords", ["n": "section"])
                try writer.element("term", section)
                try writer.end()
            }
            try writer.end()
        }
        try writer.end()
    }
}
