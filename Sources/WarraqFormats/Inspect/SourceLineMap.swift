import WarraqCore

/// What became of each line of an input, told from the documents read from it.
///
/// Documents say which lines they came from (`origin.lines`) and which they dropped
/// (`removed[].lines`), but not which lines made which block. So: a line in a removal's range
/// is removed with its reason; any other non-blank line in a document's range was kept, and
/// is matched to the title, dateline, date, a body block, a related item or a metadata field
/// by its text (the line equals the field, lies inside it, as a wrapped line lies inside its
/// paragraph, or holds it, as a line holds a dateline and the paragraph after it). A kept line
/// whose text matches nothing stays kept, with no part named. Counts of kept and removed lines
/// are exact; the part a kept line is matched to is a best guess.
public struct SourceLineMap: Sendable {
    /// Where in a document a kept line went.
    public enum Part: Sendable, Equatable {
        case title, subtitle, date, dateline
        /// A body block, by index, with its type (`paragraph`, `figure`…).
        case block(Int, String)
        case related(Int)
        /// A metadata field (`keywords`, `publisher`…).
        case metadata(String)
    }

    public enum Fate: Sendable, Equatable {
        case blank
        /// In a removal's range of document `document` (0-based in the input); a line removed
        /// as `metadata` names the field it went into, when its text shows which.
        case removed(document: Int, reason: RemovalReason, field: Part?)
        /// In document `document`'s range and not removed; `parts` is empty when no field matched.
        case kept(document: Int, parts: [Part])
        /// Not blank, in no document's range and no removal: text lost, which readers must not do.
        case unaccounted
    }

    /// One per input line: `fates[0]` is line 1.
    public private(set) var fates: [Fate]

    public init(lines: [String], documents: [Document]) {
        fates = lines.map { $0.foldingWhitespace().isEmpty ? .blank : .unaccounted }
        let count = fates.count
        func clamped(_ range: LineRange) -> ClosedRange<Int>? {
            let first = max(range.first, 1), last = min(range.last, count)
            return first <= last ? (first - 1)...(last - 1) : nil
        }
        for (index, document) in documents.enumerated() {
            let matcher = PartMatcher(document)
            for removal in document.removed {
                guard let range = removal.lines.flatMap(clamped) else { continue }
                for line in range {
                    let field = removal.reason == .metadata ? matcher.field(lines[line].foldingWhitespace()) : nil
                    fates[line] = .removed(document: index, reason: removal.reason, field: field)
                }
            }
        }
        for (index, document) in documents.enumerated() {
            guard let range = document.origin?.lines.flatMap(clamped) else { continue }
            var matcher = PartMatcher(document)
            for line in range where fates[line] == .unaccounted {
                fates[line] = .kept(document: index, parts: matcher.match(lines[line].foldingWhitespace()))
            }
        }
    }

    public var kept: Int { fates.count { if case .kept = $0 { true } else { false } } }
    public var removed: Int { fates.count { if case .removed = $0 { true } else { false } } }
    public var blank: Int { fates.count { $0 == .blank } }
    public var unaccounted: Int { fates.count { $0 == .unaccounted } }

    /// Removed lines by reason.
    public var removedLinesByReason: [RemovalReason: Int] {
        var counts: [RemovalReason: Int] = [:]
        for case .removed(_, let reason, _) in fates { counts[reason, default: 0] += 1 }
        return counts
    }
}

/// Finds the part of one document a line's text went into. Body blocks are searched near the
/// last block matched first, since lines come in block order, so a long document costs a few
/// comparisons per line rather than one per block.
struct PartMatcher {
    private struct Target {
        var part: SourceLineMap.Part
        var text: String
    }

    private var head: [Target] = []
    private var body: [Target] = []
    private var tail: [Target] = []
    private var exact: [String: [Int]] = [:]
    private var cursor = 0
    private var datelineText: String?

    /// Body blocks searched around the last match before searching them all.
    private static let window = 12
    /// Bodies longer than this are not searched in full for a line outside the window.
    private static let fullSearchLimit = 256
    /// A field must be this long (UTF-8 bytes) to be found inside a longer line.
    private static let shortestInside = 8

    init(_ document: Document) {
        func add(_ part: SourceLineMap.Part, _ text: String?, to targets: inout [Target]) {
            guard let text = text?.foldingWhitespace(), !text.isEmpty else { return }
            targets.append(Target(part: part, text: text))
        }
        add(.title, document.title, to: &head)
        add(.subtitle, document.subtitle, to: &head)
        add(.date, document.dateText, to: &head)
        add(.dateline, document.dateline?.text, to: &head)
        datelineText = head.last(where: { $0.part == .dateline })?.text
        for (index, block) in document.body.enumerated() {
            let part = SourceLineMap.Part.block(index, block.typeName)
            switch block {
            case .figure(let figure):
                add(part, figure.caption, to: &body)
                add(part, figure.credit, to: &body)
            case .list(let list):
                for item in list.items { add(part, item.text, to: &body) }
            default:
                block.plainText.split(separator: "\n").forEach { add(part, String($0), to: &body) }
            }
        }
        for (index, item) in document.related.enumerated() { add(.related(index), item.title, to: &tail) }
        document.keywords.forEach { add(.metadata("keywords"), $0, to: &tail) }
        document.authors.forEach { add(.metadata("authors"), $0, to: &tail) }
        add(.metadata("publisher"), document.publisher, to: &tail)
        add(.metadata("section"), document.section, to: &tail)
        add(.metadata("url"), document.url, to: &tail)
        for (index, target) in body.enumerated() { exact[target.text, default: []].append(index) }
    }

    /// The parts `line` (white space folded) went into: one, or the dateline and the block it
    /// opens; none when nothing matches.
    mutating func match(_ line: String) -> [SourceLineMap.Part] {
        guard !line.isEmpty else { return [] }
        if let target = head.first(where: { $0.text == line }) ?? tail.first(where: { $0.text == line }) {
            return [target.part]
        }
        if let datelineText, let offset = ByteSearch.offsets(of: datelineText, in: line).first {
            var rest = Array(line.utf8)
            rest.removeSubrange(offset..<offset + datelineText.utf8.count)
            let after = String(decoding: rest, as: UTF8.self).foldingWhitespace()
            return [.dateline] + (after.isEmpty ? [] : matchBody(after))
        }
        let body = matchBody(line)
        if !body.isEmpty { return body }
        return (best(in: head, for: line) ?? best(in: tail, for: line)).map { [$0.part] } ?? []
    }

    /// The metadata field (date, keywords, publisher…) a line removed as metadata became.
    func field(_ line: String) -> SourceLineMap.Part? {
        guard !line.isEmpty else { return nil }
        let fields = head + tail
        return fields.first { $0.text == line }?.part
            ?? fields.first { ByteSearch.contains($0.text, in: line) || ByteSearch.contains(line, in: $0.text) }?.part
    }

    private mutating func matchBody(_ line: String) -> [SourceLineMap.Part] {
        if let hits = exact[line] { return found(hits.first { $0 >= cursor } ?? hits[0]) }
        let near = max(0, cursor - 1)..<min(body.count, cursor + Self.window)
        if let index = bestBody(in: near, for: line) { return found(index) }
        if body.count <= Self.fullSearchLimit, let index = bestBody(in: body.indices, for: line) {
            return found(index)
        }
        return []
    }

    private mutating func found(_ index: Int) -> [SourceLineMap.Part] {
        cursor = index
        return [body[index].part]
    }

    /// A body target holding the line (the line is part of it), else the longest the line holds.
    private func bestBody(in range: Range<Int>, for line: String) -> Int? {
        if let index = range.first(where: { ByteSearch.contains(line, in: body[$0].text) }) { return index }
        return range.filter { Self.holds(line, body[$0].text) }.max { body[$0].text.utf8.count < body[$1].text.utf8.count }
    }

    private func best(in targets: [Target], for line: String) -> Target? {
        targets.first { ByteSearch.contains(line, in: $0.text) }
            ?? targets.filter { Self.holds(line, $0.text) }.max { $0.text.utf8.count < $1.text.utf8.count }
    }

    private static func holds(_ line: String, _ text: String) -> Bool {
        text.utf8.count >= shortestInside && ByteSearch.contains(text, in: line)
    }
}
