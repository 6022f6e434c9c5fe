import WarraqCore
import WarraqXML

/// The source a report section shows: the file whose lines the documents' line numbers count.
/// For a dump that is the input itself; for JSON Lines or YAML written by `convert`, the files
/// named in the documents' `origin.path`, read again when they can be.
struct InspectSource {
    var path: String
    var format: String
    /// Nil when no line can be shown: compressed bytes that do not inflate, a reader that
    /// records no line ranges, or an origin file that is gone.
    var lines: [String]?
    /// Why the lines are missing, or why they may not be the documents' lines.
    var note: String?
    var documents: [Document]

    static func group(_ documents: [Document], readFrom path: String, bytes: [UInt8], reader: String) -> [InspectSource] {
        var order: [String] = []
        var byOrigin: [String: [Document]] = [:]
        for document in documents {
            let origin = document.origin?.path ?? path
            if byOrigin[origin] == nil { order.append(origin) }
            byOrigin[origin, default: []].append(document)
        }
        if order.isEmpty { order = [path] }
        return order.map { origin in
            let documents = byOrigin[origin] ?? []
            let format = documents.first?.origin?.format ?? reader
            guard documents.isEmpty || documents.contains(where: { $0.origin?.lines != nil }) else {
                return InspectSource(path: origin, format: format, note: "The \(format) reader records no line ranges, so its source lines are not shown.", documents: documents)
            }
            if origin == path { return source(origin, format, bytes, documents) }
            let name = origin + " (from " + path + ")"
            guard let bytes = try? Input.file(origin).readAll() else {
                return InspectSource(path: name, format: format, note: "The source file cannot be read from here, so its lines are not shown.", documents: documents)
            }
            var shown = source(name, format, bytes, documents)
            if let recorded = documents.first?.origin?.sha256, recorded != SHA256.hex(bytes) {
                shown.note = "The source file has changed since these documents were made (its SHA-256 differs): the line marks may be off."
            }
            return shown
        }
    }

    private static func source(_ path: String, _ format: String, _ bytes: [UInt8], _ documents: [Document]) -> InspectSource {
        guard let lines = lines(of: bytes) else {
            return InspectSource(path: path, format: format, note: "The input is compressed and does not inflate, so its source lines are not shown.", documents: documents)
        }
        return InspectSource(path: path, format: format, lines: lines, documents: documents)
    }

    /// The lines as every reader numbers them, a gzip-compressed page's once inflated (the HTML
    /// reader numbers the inflated page's lines); nil for gzip bytes that do not inflate.
    private static func lines(of bytes: [UInt8]) -> [String]? {
        guard let text = Gzip.isCompressed(bytes) ? try? Gzip.decompress(bytes) : bytes else { return nil }
        var reader = LineReader(bytes: text)
        var lines: [String] = []
        while let line = try? reader.next() { lines.append(line.text) }
        return lines
    }
}
