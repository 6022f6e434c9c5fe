import Foundation
import Testing
import WarraqTestSupport

/// Dirty bytes: every reader repairs what it can and says so, refuses what it cannot with
/// `path:line: message`, and the rest of the batch converts.
@Suite("Bad bytes")
struct BadBytesTests {
    static let article = "عنوان الخبر\n\nالقاهرة (رويترز) - فقرة أولى طويلة بما يكفي لتكون فقرة في الخبر وفيها نص كثير.\n\nفقرة ثانية تكمل الخبر وتنتهي بنقطة واضحة في آخرها.\n"

    /// The documents an input gives, without what depends on its bytes (`origin`, `id`).
    static func content(_ path: String, reader: String) throws -> [NSDictionary] {
        let result = try warraq(["convert", "--quiet", "-f", reader, path])
        #expect(result.status == 0, "\(path): \(result.stderr)")
        return try jsonObjects(result.stdout).map {
            var document = $0
            document["origin"] = nil
            document["id"] = nil
            return document as NSDictionary
        }
    }

    @Test("invalid UTF-8 is repaired with U+FFFD and a warning naming the byte offset", arguments: ["txt", "text", "html", "yaml"])
    func invalidUTF8(ext: String) throws {
        let directory = try makeTemporaryDirectory("warraq-bytes")
        let text = switch ext {
        case "html": "<html><body><p>\(Self.article)</p></body></html>"
        case "yaml": "---\nid: y#1\ntitle: القاهرة (رويترز) -\n...\n"
        default: Self.article
        }
        var bytes = Array(text.utf8)
        let offset = bytes.firstIndex(of: UInt8(ascii: "(")).map { $0 + 1 }!
        bytes.insert(0xFF, at: offset)
        let path = try write(bytes, to: "bad.\(ext)", in: directory)
        let result = try warraq(["convert", path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("\(path): warning: invalid UTF-8 at byte \(offset), replaced with U+FFFD"), "\(result.stderr)")
        #expect(result.stdoutText.contains("(\u{FFFD}رويترز"))
    }

    @Test("invalid UTF-8 in a JSONL line is that line's error, the other lines convert")
    func invalidUTF8InJSONL() throws {
        let directory = try makeTemporaryDirectory("warraq-bytes")
        let bytes = Array(#"{"id":"ok#1"}"#.utf8) + [0x0A] + Array(#"{"id":"x#1","title":"a"#.utf8) + [0xFF] + Array("b\"}\n{\"id\":\"ok#2\"}\n".utf8)
        let path = try write(bytes, to: "bad.jsonl", in: directory)
        let result = try warraq(["convert", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path):2: not JSON: column 22: a string is not valid UTF-8"), "\(result.stderr)")
        #expect(try jsonObjects(result.stdout).map { $0["id"] as? String } == ["ok#1", "ok#2"])
    }

    @Test("CRLF, lone CR, a BOM and UTF-16 with a BOM read as the plain UTF-8 file does", arguments: ["scrape", "text"])
    func encodingsAndLineEnds(reader: String) throws {
        let directory = try makeTemporaryDirectory("warraq-bytes")
        let utf8 = Array(Self.article.utf8)
        let variants: [(String, [UInt8])] = [
            ("crlf", Array(Self.article.replacingOccurrences(of: "\n", with: "\r\n").utf8)),
            ("cr", Array(Self.article.replacingOccurrences(of: "\n", with: "\r").utf8)),
            ("bom", [0xEF, 0xBB, 0xBF] + utf8),
            ("utf16le", [0xFF, 0xFE] + Self.article.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
            ("utf16be", [0xFE, 0xFF] + Self.article.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }),
        ]
        let plain = try Self.content(try write(utf8, to: "plain.in", in: directory), reader: reader)
        #expect(plain.count == 1)
        #expect((plain.first?["body"] as? [Any])?.count ?? 0 >= 2, "the article's paragraphs are found")
        for (name, bytes) in variants {
            #expect(try Self.content(try write(bytes, to: "\(name).in", in: directory), reader: reader) == plain, "\(name)")
        }
    }

    @Test("a UTF-16 HTML page with a BOM and a windows-1256 page are decoded")
    func htmlEncodings() throws {
        let directory = try makeTemporaryDirectory("warraq-bytes")
        let page = try String(contentsOf: fixture("html/article-ar.html"), encoding: .utf8)
        let utf16 = try write([0xFF, 0xFE] + page.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, to: "utf16.html", in: directory)
        let result = try warraq(["convert", "--quiet", fixture("html/article-ar.html").path, utf16, fixture("html/windows-1256.html").path])
        #expect(result.status == 0)
        let titles = try jsonObjects(result.stdout).map { $0["title"] as? String }
        #expect(titles.count == 3)
        #expect(titles[0] != nil && titles[0] == titles[1])
        #expect(titles[2] == "أمطار غزيرة في العاصمة")
    }

    @Test("NUL bytes are kept where the format can hold them and dropped, with a warning, from TEI")
    func nulBytes() throws {
        let directory = try makeTemporaryDirectory("warraq-bytes")
        let path = try write(Array(Self.article.replacingOccurrences(of: "فقرة ثانية", with: "فقرة\0ثانية").utf8), to: "nul.txt", in: directory)
        let jsonl = try warraq(["convert", "--quiet", path])
        #expect(jsonl.status == 0)
        #expect(jsonl.stdoutText.contains(#"فقرة\u0000ثانية"#))
        let tei = try warraq(["convert", "-t", "tei", path])
        #expect(tei.status == 0)
        #expect(!tei.stdout.contains(0))
        #expect(tei.stdoutText.contains("فقرةثانية"))
        #expect(tei.stderr.contains("warning: document nul#1: dropped 1 character XML cannot hold"), "\(tei.stderr)")
    }

    @Test("an empty file: no document and no failure, except for HTML, which names the problem")
    func emptyFiles() throws {
        let directory = try makeTemporaryDirectory("warraq-bytes")
        let paths = try ["txt", "jsonl", "yaml", "html"].map { try write([], to: "empty.\($0)", in: directory) }
        let result = try warraq(["convert"] + paths)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").map(String.init) == [
            "\(paths[3]): empty file, not an HTML page",
            "warraq: 3 of 4 inputs converted, 1 failed; 0 documents, 0 removed items",
        ])
    }

    @Test("a 1 MB line without a break is read whole by the scrape and text readers", arguments: ["scrape", "text"])
    func longLine(reader: String) throws {
        let directory = try makeTemporaryDirectory("warraq-bytes")
        let line = String(repeating: "كلمة ", count: 100_000) + "النهاية."
        let path = try write(Array(line.utf8), to: "long.in", in: directory)
        let result = try warraq(["convert", "--quiet", "-f", reader, path])
        #expect(result.status == 0)
        let documents = try jsonObjects(result.stdout)
        let text = documents.flatMap { ($0["body"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String } }.joined()
        #expect(text.utf8.count >= line.utf8.count - 1, "no text is lost")
    }

    @Test("a page nested deeper than libxml2 reads is an error naming the line, not a crash or a silent loss", arguments: [300, 100_000])
    func deepHTML(depth: Int) throws {
        let directory = try makeTemporaryDirectory("warraq-bytes")
        let page = "<html><body>\n" + String(repeating: "<div>", count: depth) + "<p>" + Self.article + "</p>" + String(repeating: "</div>", count: depth) + "</body></html>"
        let path = try write(Array(page.utf8), to: "deep.html", in: directory)
        let result = try warraq(["convert", "--jobs", "2", path, path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path):2: libxml2 stopped reading the page here"), "\(result.stderr)")
        #expect(try jsonObjects(result.stdout).count == 2)
    }

    @Test("an unreadable file in a directory is an error for that file only")
    func unreadableFile() throws {
        let directory = try makeTemporaryDirectory("warraq-bytes")
        try write(Array(Self.article.utf8), to: "a.txt", in: directory)
        let locked = try write(Array(Self.article.utf8), to: "b.txt", in: directory)
        chmod(locked, 0)
        // root reads any file whatever its mode, so as root the test runs warraq as nobody.
        let asRoot = getuid() == 0
        let command = asRoot ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", warraqExecutable.path] : [warraqExecutable.path]
        let result = try runProcess(URL(fileURLWithPath: command[0]), Array(command.dropFirst()) + ["convert", directory.path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("\(locked): permission denied"), "\(result.stderr)")
        #expect(try jsonObjects(result.stdout).count == 1)
    }

    @Test("symbolic link loops end the walk with a message; the other files convert")
    func symlinkLoops() throws {
        let directory = try makeTemporaryDirectory("warraq-bytes")
        try write(Array(Self.article.utf8), to: "a.txt", in: directory)
        try FileManager.default.createSymbolicLink(atPath: directory.appending(path: "again").path, withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: directory.appending(path: "x.txt").path, withDestinationPath: "y.txt")
        try FileManager.default.createSymbolicLink(atPath: directory.appending(path: "y.txt").path, withDestinationPath: "x.txt")
        let result = try warraq(["convert", directory.path])
        #expect(result.status == 1)
        #expect(try jsonObjects(result.stdout).count == 1)
        #expect(result.stderr.contains("again: warning: directory already visited (a symbolic link loop?); skipped"), "\(result.stderr)")
        #expect(result.stderr.contains("x.txt: too many levels of symbolic links"))
        #expect(result.stderr.contains("y.txt: too many levels of symbolic links"))
    }
}
