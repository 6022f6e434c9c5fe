import WarraqCore
import WarraqYAML

/// CommonMark: the metadata as a YAML front matter block (quoted by the YAML writer's rules), the
/// title as `#`, then the body. Text is escaped so that a renderer gives back exactly the text;
/// right-to-left text is written as it is, with no direction marks added.
///
/// Each document is a complete Markdown file. A stream of several is their concatenation, so a
/// renderer shows only the first front matter as such: use `--output-dir` for one file each.
public struct MarkdownWriter: DocumentWriter {
    public static let format = WriterFormat(
        name: "markdown",
        summary: "CommonMark with YAML front matter; renders back to the extracted text",
        extensions: ["md", "markdown"],
        mediaTypes: ["text/markdown"],
        example: "warraq convert -t markdown dump.txt --output-dir articles/"
    ) { _ in MarkdownWriter() }

    public init() {}

    public mutating func write(_ document: Document, into out: inout [UInt8]) throws {
        var text = "---\n"
        var metadata = document
        metadata.body = []
        text += String(decoding: try YAMLWriter.block(metadata.json), as: UTF8.self)
        text += "---\n"
        if let title = document.title { text += "\n# " + MarkdownEscaping.escape(title) + "\n" }
        for block in document.body { text += "\n" + render(block, indent: "") }
        out += Array((text + "\n").utf8)
    }

    private func render(_ block: Block, indent: String) -> String {
        switch block {
        case .heading(let heading):
            return indent + String(repeating: "#", count: min(heading.level + 1, 6)) + " " + MarkdownEscaping.escape(heading.text) + "\n"
        case .paragraph(let paragraph):
            return lines(MarkdownEscaping.escape(paragraph.text), prefix: indent)
        case .quote(let quote):
            var text = lines(MarkdownEscaping.escape(quote.text), prefix: indent + "> ")
            if let source = quote.source { text += indent + ">\n" + lines("— " + MarkdownEscaping.escape(source), prefix: indent + "> ") }
            return text
        case .list(let list):
            var text = ""
            for (index, item) in list.items.enumerated() {
                let marker = list.ordered ? "\(index + 1). " : "- "
                let continuation = indent + String(repeating: " ", count: marker.count)
                let escaped = MarkdownEscaping.escape(item.text).split(separator: "\n", omittingEmptySubsequences: false)
                text += indent + marker + (escaped.first.map(String.init) ?? "") + "\n"
                for line in escaped.dropFirst() { text += continuation + line + "\n" }
                for child in item.children { text += render(child, indent: continuation) }
            }
            return text
        case .figure(let figure):
            var text = ""
            if let src = figure.src {
                text += indent + "![" + MarkdownEscaping.escape(figure.caption ?? "") + "](<" + src.replacingBrackets() + ">)\n\n"
            }
            let caption = [figure.caption, figure.credit.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
            return text + lines("*" + MarkdownEscaping.escape(caption) + "*", prefix: indent)
        case .embed(let embed):
            let label = MarkdownEscaping.escape(embed.text ?? embed.url ?? "")
            guard let url = embed.url else { return lines(label, prefix: indent) }
            return lines("[" + label + "](<" + url.replacingBrackets() + ">)", prefix: indent)
        case .table(let table):
            let fence = String(repeating: "~", count: max(3, longestRun(of: "~", in: table.text) + 1))
            return indent + fence + "\n" + table.text + "\n" + indent + fence + "\n"
        }
    }

    /// Each line of `text` behind `prefix`, ended by a newline.
    private func lines(_ text: String, prefix: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 + "\n" }.joined()
    }

    private func longestRun(of character: Character, in text: String) -> Int {
        var longest = 0, run = 0
        for c in text {
            run = c == character ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}

private extension String {
    /// A link destination inside `<…>` may not hold `<`, `>` or a line break.
    func replacingBrackets() -> String {
        unicodeScalars.map { scalar in
            switch scalar {
            case "<": "%3C"
            case ">": "%3E"
            case "\n", "\r": "%0A"
            default: String(scalar)
            }
        }.joined()
    }
}
