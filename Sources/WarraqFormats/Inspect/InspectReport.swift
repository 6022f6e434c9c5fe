import WarraqCore

/// The `inspect` report: for each input, a header card (reader, size, hash, counts by reason),
/// then each document's source lines beside the document as the `html` writer shows it, every
/// line marked with what became of it. Written input by input, so a batch is never held whole;
/// the overview of all inputs comes last in the file and is shown first (CSS `order`).
public struct InspectReport {
    private struct Tally {
        var path: String
        var anchor: String
        var documents: Int
        var map: SourceLineMap?
        var items: [RemovalReason: Int]
    }

    private var tallies: [Tally] = []
    /// Source lines per `content-visibility` chunk: the browser lays out only chunks in view.
    private static let chunkSize = 400

    public init() {}

    public func begin(into out: inout HTMLOutput) {
        HTMLPage.begin(title: "Warraq inspect report", into: &out)
        out.raw("<main class=\"report\">\n")
    }

    /// One input: `lines` are its source lines, nil when they cannot be shown; `note` says why,
    /// or anything else the reader of the report should know about them.
    public mutating func add(path: String, format: String, lines: [String]?, note: String? = nil, documents: [Document], into out: inout HTMLOutput) {
        let anchor = "i\(tallies.count + 1)"
        let map = lines.map { SourceLineMap(lines: $0, documents: documents) }
        var items: [RemovalReason: Int] = [:]
        for document in documents { for removal in document.removed { items[removal.reason, default: 0] += 1 } }
        tallies.append(Tally(path: path, anchor: anchor, documents: documents.count, map: map, items: items))

        out.open("section", [("class", "input"), ("id", anchor)])
        out.raw("\n<div class=\"card\">")
        out.element("h2", [("dir", "auto")], text: path)
        out.raw("<dl class=\"meta\">")
        out.element("dt", text: "reader")
        out.element("dd", text: format)
        if let lines {
            out.element("dt", text: "lines")
            out.element("dd", text: String(lines.count))
        }
        out.element("dt", text: "documents")
        out.element("dd", text: String(documents.count))
        if let sha = documents.lazy.compactMap({ $0.origin?.sha256 }).first {
            out.element("dt", text: "sha256")
            out.element("dd", [("dir", "ltr")], text: sha)
        }
        out.raw("</dl>\n")
        if let map { tally(map, into: &out) }
        if let note { out.element("p", [("class", "note")], text: note) }
        counts(items: items, lines: map?.removedLinesByReason ?? [:], into: &out)
        documentIndex(documents, anchor: anchor, into: &out)
        out.raw("</div>\n")

        var shown = Set<Int>()
        if let lines, let map {
            for segment in Self.segments(documents, lineCount: lines.count) {
                if let index = segment.document {
                    shown.insert(index)
                    out.open("div", [("class", "pair"), ("id", "\(anchor)-d\(index + 1)-pair")])
                    sourceLines(segment.lines, lines: lines, map: map, anchor: anchor, into: &out)
                    view(documents[index], index: index, anchor: anchor, into: &out)
                    out.raw("</div>\n")
                } else {
                    sourceLines(segment.lines, lines: lines, map: map, anchor: anchor, into: &out)
                }
            }
        }
        for index in documents.indices where !shown.contains(index) { view(documents[index], index: index, anchor: anchor, into: &out) }
        out.raw("</section>\n")
    }

    /// The overview of every input, then the end of the page.
    public func finish(into out: inout HTMLOutput) {
        out.raw("<section class=\"overview card\">\n<h1>Warraq inspect report</h1>\n")
        let maps = tallies.compactMap(\.map)
        var items: [RemovalReason: Int] = [:]
        var lines: [RemovalReason: Int] = [:]
        for tally in tallies {
            items.merge(tally.items, uniquingKeysWith: +)
            lines.merge(tally.map?.removedLinesByReason ?? [:], uniquingKeysWith: +)
        }
        out.element("p", text: "\(tallies.count) \(tallies.count == 1 ? "input" : "inputs"), \(tallies.reduce(0) { $0 + $1.documents }) documents.")
        tally(kept: maps.reduce(0) { $0 + $1.kept }, removed: maps.reduce(0) { $0 + $1.removed },
              blank: maps.reduce(0) { $0 + $1.blank }, unaccounted: maps.reduce(0) { $0 + $1.unaccounted }, into: &out)
        counts(items: items, lines: lines, into: &out)
        out.raw("<p class=\"legend\">Each source line is marked with what became of it: <span class=\"badge kept\">kept</span> lines went into the document (the field or block named, found by its text), <span class=\"badge reason\">reason</span> lines were removed, and <span class=\"badge lost\">unaccounted</span> lines are in no document and no removal.</p>\n")
        out.raw("<table class=\"counts\"><tr><th>input</th><th>documents</th><th>kept</th><th>removed</th><th>unaccounted</th></tr>\n")
        for tally in tallies {
            out.raw("<tr><td>")
            out.element("a", [("href", "#" + tally.anchor), ("dir", "auto")], text: tally.path)
            out.raw("</td>")
            for value in [tally.documents, tally.map?.kept ?? 0, tally.map?.removed ?? 0, tally.map?.unaccounted ?? 0] {
                out.element("td", [("class", "n")], text: String(value))
            }
            out.raw("</tr>\n")
        }
        out.raw("</table>\n</section>\n</main>\n")
        HTMLPage.end(into: &out)
    }

    private func tally(_ map: SourceLineMap, into out: inout HTMLOutput) {
        tally(kept: map.kept, removed: map.removed, blank: map.blank, unaccounted: map.unaccounted, into: &out)
    }

    private func tally(kept: Int, removed: Int, blank: Int, unaccounted: Int, into out: inout HTMLOutput) {
        out.open("p", [("class", "tally")])
        out.element("span", [("class", "badge kept"), ("data-count", "kept")], text: "\(kept) kept")
        out.raw(" ")
        out.element("span", [("class", "badge reason"), ("data-count", "removed")], text: "\(removed) removed")
        out.raw(" ")
        out.element("span", [("class", "badge")], text: "\(blank) blank")
        if unaccounted > 0 {
            out.raw(" ")
            out.element("span", [("class", "badge lost")], text: "\(unaccounted) unaccounted")
        }
        out.raw(" lines</p>\n")
    }

    private func counts(items: [RemovalReason: Int], lines: [RemovalReason: Int], into out: inout HTMLOutput) {
        guard !items.isEmpty || !lines.isEmpty else { return }
        out.raw("<table class=\"counts reasons\"><tr><th>removed as</th><th>items</th><th>lines</th></tr>\n")
        for reason in Set(items.keys).union(lines.keys).sorted() {
            out.open("tr", [("data-reason", reason.rawValue)])
            out.raw("<td>")
            out.element("span", [("class", "badge reason")], text: reason.rawValue)
            out.raw("</td>")
            out.element("td", [("class", "n")], text: String(items[reason] ?? 0))
            out.element("td", [("class", "n")], text: String(lines[reason] ?? 0))
            out.raw("</tr>\n")
        }
        out.raw("</table>\n")
    }

    private func documentIndex(_ documents: [Document], anchor: String, into out: inout HTMLOutput) {
        guard !documents.isEmpty else { return }
        out.raw("<ol class=\"documents\">")
        for (index, document) in documents.enumerated() {
            out.raw("<li>")
            out.element("a", [("href", "#\(anchor)-d\(index + 1)"), ("dir", "auto")], text: document.title ?? document.id)
            if let range = document.origin?.lines {
                out.raw(" ")
                out.element("a", [("class", "lines"), ("href", "#\(anchor)-L\(range.first)")], text: "lines \(range.first)–\(range.last)")
            }
            out.raw("</li>")
        }
        out.raw("</ol>\n")
    }

    private func view(_ document: Document, index: Int, anchor: String, into out: inout HTMLOutput) {
        let link = document.origin?.lines.map { (href: "#\(anchor)-L\($0.first)", label: "show the source lines") }
        out.raw("<div class=\"view\">")
        HTMLDocumentView(anchor: "\(anchor)-d\(index + 1)", sourceLink: link, listsRemoved: false).render(document, into: &out)
        out.raw("</div>\n")
    }

    private func sourceLines(_ range: Range<Int>, lines: [String], map: SourceLineMap, anchor: String, into out: inout HTMLOutput) {
        out.raw("<div class=\"src\">")
        for start in stride(from: range.lowerBound, to: range.upperBound, by: Self.chunkSize) {
            let end = min(start + Self.chunkSize, range.upperBound)
            out.raw("<div class=\"chunk\" style=\"contain-intrinsic-size: auto \((end - start) * 26)px\">\n")
            for line in start..<end { sourceLine(line, text: lines[line], fate: map.fates[line], anchor: anchor, into: &out) }
            out.raw("</div>")
        }
        out.raw("</div>\n")
    }

    private func sourceLine(_ line: Int, text: String, fate: SourceLineMap.Fate, anchor: String, into out: inout HTMLOutput) {
        let number = line + 1
        let id = "\(anchor)-L\(number)"
        switch fate {
        case .blank: out.open("div", [("class", "ln blank"), ("id", id)])
        case .unaccounted: out.open("div", [("class", "ln unaccounted"), ("id", id)])
        case .removed(let document, let reason, _):
            out.open("div", [("class", "ln removed"), ("id", id), ("data-doc", String(document + 1)), ("data-reason", reason.rawValue)])
        case .kept(let document, _):
            out.open("div", [("class", "ln kept"), ("id", id), ("data-doc", String(document + 1))])
        }
        out.element("a", [("class", "no"), ("href", "#" + id)], text: String(number))
        out.element("span", [("class", "tx"), ("dir", "auto")], text: text)
        out.raw("<span class=\"to\">")
        switch fate {
        case .blank: break
        case .unaccounted: out.element("span", [("class", "badge lost")], text: "unaccounted")
        case .removed(let document, let reason, let field):
            out.element("span", [("class", "badge reason")], text: reason.rawValue)
            if let field {
                out.raw(" ")
                badge(field, document: "\(anchor)-d\(document + 1)", into: &out)
            }
        case .kept(let document, let parts):
            if parts.isEmpty { out.element("span", [("class", "badge kept")], text: "kept") }
            for part in parts { badge(part, document: "\(anchor)-d\(document + 1)", into: &out) }
        }
        out.raw("</span></div>\n")
    }

    private func badge(_ part: SourceLineMap.Part, document: String, into out: inout HTMLOutput) {
        let label: String, target: String
        switch part {
        case .title: (label, target) = ("title", document)
        case .subtitle: (label, target) = ("subtitle", document)
        case .date: (label, target) = ("date", document)
        case .dateline: (label, target) = ("dateline", document)
        case .metadata(let field): (label, target) = (field, document)
        case .block(let index, let type): (label, target) = ("\(type) \(index + 1)", "\(document)-b\(index)")
        case .related(let index): (label, target) = ("related \(index + 1)", "\(document)-r\(index)")
        }
        out.element("a", [("class", "badge kept"), ("href", "#" + target)], text: label)
        out.raw(" ")
    }

    /// The input's lines cut into runs: each document's range (in line order), and the lines
    /// between them. 0-based, half-open.
    static func segments(_ documents: [Document], lineCount: Int) -> [(lines: Range<Int>, document: Int?)] {
        let placed = documents.indices
            .compactMap { index in documents[index].origin?.lines.map { (index, $0) } }
            .sorted { $0.1.first < $1.1.first }
        var segments: [(lines: Range<Int>, document: Int?)] = []
        var next = 0
        for (index, range) in placed {
            let first = max(range.first - 1, next), end = min(range.last, lineCount)
            guard first < end else { continue }
            if next < first { segments.append((next..<first, nil)) }
            segments.append((first..<end, index))
            next = end
        }
        if next < lineCount { segments.append((next..<lineCount, nil)) }
        return segments
    }
}
