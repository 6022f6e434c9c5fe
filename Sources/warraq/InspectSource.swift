import WarraqCore

/// The source a report section shows: the file whose lines the documents' line numbers count.
/// For a dump that is the input itself; for JSON Lines or YAML written by `convert`, the files
/// named in the documents' `origin.path`, read again when they can be.
struct InspectSource {
    var path: String
    var format: String
    /// Nil when no line can be shown: compressed bytes, a reader that records no line ranges,
    /// or an origin file that is gone.
    var lines: [String]?
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
                return InspectSource(path: origin, format: format, lines: nil, documents: documents)
            }
            if origin == path { return InspectSource(path: origin, format: format, lines: lines(of: bytes), documents: documents) }
            let source = try? Input.file(origin).readAll()
            return InspectSource(path: origin + " (from " + path + ")", format: format, lines: source.flatMap(lines), documents: documents)
        }
    }

    /// The lines as every reader numbers them; nil for gzip-compressed bytes.
    private static func lines(of bytes: [UInt8]) -> [String]? {
        if bytes.starts(with: [0x1F, 0x8B]) { return nil }
        var reader = LineReader(bytes: bytes)
        var lines: [String] = []
        while let line = try? reader.next() { lines.append(line.text) }
        return lines
    }
}
