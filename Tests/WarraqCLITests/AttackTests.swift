import Foundation
import Testing
import WarraqTestSupport

/// Hostile input: external entities, entity bombs and document ids that try to leave the output
/// directory. No XML or HTML path loads a DTD, an external entity or anything from the network.
@Suite("Attacks", .serialized)
struct AttackTests {
    /// Runs warraq while watching a FIFO that an external entity points at: true when warraq
    /// opened it (a writer can open a FIFO without blocking only while a reader has it open).
    static func opensFIFO(_ fifo: String, _ arguments: [String]) throws -> (opened: Bool, status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = warraqExecutable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var stdout = Data(), stderr = Data()
        DispatchQueue.global().async(group: group) { stdout = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { stderr = err.fileHandleForReading.readDataToEndOfFile() }
        var opened = false
        while process.isRunning {
            let fd = open(fifo, O_WRONLY | O_NONBLOCK)
            if fd >= 0 {
                opened = true
                _ = "EXPANDED-ENTITY\n".withCString { write(fd, $0, 16) }
                close(fd)
            }
            usleep(1_000)
        }
        group.wait()
        return (opened, process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    static func hostileFiles() throws -> (directory: URL, fifo: String) {
        let directory = try makeTemporaryDirectory("warraq-attack")
        let fifo = directory.appending(path: "entity.fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        return (directory, fifo)
    }

    /// An external entity at the FIFO and one at /etc/passwd, declared and used.
    static func xxe(_ fifo: String, root: String) -> String {
        """
        <?xml version="1.0"?>
        <!DOCTYPE \(root) [
          <!ENTITY watched SYSTEM "file://\(fifo)">
          <!ENTITY passwd SYSTEM "file:///etc/passwd">
          <!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd">
          %remote;
        ]>
        """
    }

    /// Ten levels of ten references: a billion "lol"s when expanded.
    static func laughs(root: String) -> String {
        var entities = #"<!ENTITY lol0 "lol">"#
        for level in 1...9 {
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        return "<?xml version=\"1.0\"?>\n<!DOCTYPE \(root) [\(entities)]>\n"
    }

    static let anyDocumentSchema = """
        <element name="doc" xmlns="http://relaxng.org/ns/structure/1.0"><text/></element>
        """

    @Test("the HTML reader expands no entity and opens no external file")
    func html() throws {
        let (directory, fifo) = try Self.hostileFiles()
        let page = Self.xxe(fifo, root: "html") + "<html><body><article><p>قبل &watched; &passwd; بعد</p><p>" + String(repeating: "نص المقال. ", count: 30) + "</p></article></body></html>"
        let xxe = try write(Array(page.utf8), to: "xxe.html", in: directory)
        let bomb = try write(Array((Self.laughs(root: "html") + "<html><body><p>&lol9;</p><p>" + String(repeating: "نص. ", count: 60) + "</p></body></html>").utf8), to: "bomb.html", in: directory)
        let result = try Self.opensFIFO(fifo, ["convert", "--quiet", xxe, bomb])
        #expect(!result.opened)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("EXPANDED-ENTITY"))
        #expect(!result.stdout.contains("root:"))
        #expect(!result.stdout.contains("lollol"))
        #expect(result.stdout.utf8.count < 20_000)
        #expect(try jsonObjects(Data(result.stdout.utf8)).count == 2)
    }

    @Test("warraq validate expands no entity in the document and opens no external file")
    func validateDocument() throws {
        let (directory, fifo) = try Self.hostileFiles()
        let schema = try write(Array(Self.anyDocumentSchema.utf8), to: "doc.rng", in: directory)
        let xxe = try write(Array((Self.xxe(fifo, root: "doc") + "<doc>&watched;&passwd;</doc>\n").utf8), to: "xxe.xml", in: directory)
        let bomb = try write(Array((Self.laughs(root: "doc") + "<doc>&lol9;</doc>\n").utf8), to: "bomb.xml", in: directory)
        let result = try Self.opensFIFO(fifo, ["validate", "--schema", schema, xxe, bomb])
        #expect(!result.opened)
        #expect(result.status == 0 || result.status == 1)
        #expect(!result.stderr.contains("EXPANDED-ENTITY"))
        #expect(!result.stderr.contains("root:"))
        #expect(!result.stderr.contains("lollol"))
        #expect(result.stderr.utf8.count < 20_000)
    }

    @Test("a hostile RELAX NG schema expands no entity and opens no external file")
    func validateSchema() throws {
        let (directory, fifo) = try Self.hostileFiles()
        let body = #"<element name="doc" xmlns="http://relaxng.org/ns/structure/1.0"><choice><value>&watched;</value><value>&lol9;</value></choice></element>"#
        let xxe = Self.xxe(fifo, root: "element").replacingOccurrences(of: "]>", with: Self.laughs(root: "x").components(separatedBy: "[")[1])
        let schema = try write(Array((xxe + body).utf8), to: "evil.rng", in: directory)
        let document = try write(Array("<doc>EXPANDED-ENTITY</doc>\n".utf8), to: "doc.xml", in: directory)
        let result = try Self.opensFIFO(fifo, ["validate", "--schema", schema, document])
        #expect(!result.opened)
        #expect(result.status != 0, "a document matching only an expanded entity must not validate")
        #expect(!result.stderr.contains("root:"))
        #expect(!result.stderr.contains("lollol"))
        #expect(result.stderr.utf8.count < 20_000)
    }

    /// A TCP listener on a free local port that nobody should ever connect to.
    static func listener() throws -> (fd: Int32, port: UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && listen(fd, 8) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        try #require(bound)
        _ = fcntl(fd, F_SETFL, O_NONBLOCK)
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    @Test("a schema that includes or refers to a URL makes no network connection", arguments: ["include", "externalRef"])
    func schemaFetchesNothing(kind: String) throws {
        let directory = try makeTemporaryDirectory("warraq-attack")
        let (fd, port) = try Self.listener()
        defer { close(fd) }
        let ns = "http://relaxng.org/ns/structure/1.0"
        let schema = kind == "include"
            ? #"<grammar xmlns="\#(ns)"><include href="http://127.0.0.1:\#(port)/x.rng"/><start><element name="doc"><text/></element></start></grammar>"#
            : #"<element name="doc" xmlns="\#(ns)"><externalRef href="http://127.0.0.1:\#(port)/x.rng"/></element>"#
        let path = try write(Array(schema.utf8), to: "net.rng", in: directory)
        let document = try write(Array("<doc>x</doc>\n".utf8), to: "doc.xml", in: directory)
        let result = try warraq(["validate", "--schema", path, document])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Attempt to load network entity"), "\(result.stderr)")
        let connection = accept(fd, nil, nil)
        #expect(connection < 0, "warraq connected to 127.0.0.1:\(port)")
        if connection >= 0 { close(connection) }
    }

    @Test("a gzip bomb is refused once it inflates past 256 MB; the rest of the batch converts")
    func gzipBomb() throws {
        let directory = try makeTemporaryDirectory("warraq-attack")
        let bomb = directory.appending(path: "bomb.html.gz").path
        let made = try runProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", "head -c 300M /dev/zero | gzip -1 > \"$0\"", bomb])
        try #require(made.status == 0, "\(made.stderr)")
        let result = try warraq(["convert", bomb, fixture("html/article-ar.html.gz").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(bomb): gunzips to more than 256 MB (a gzip bomb?); not read"), "\(result.stderr)")
        #expect(try jsonObjects(result.stdout).count == 1)
    }

    @Test("document ids never name a file outside --output-dir, and never collide")
    func idsAsFileNames() throws {
        let work = try makeTemporaryDirectory("warraq-ids")
        let long = String(repeating: "ع", count: 300)
        let ids = [
            "../escape#1", "../../../../tmp/escape#2", "/etc/passwd", "..", ".", ".hidden", "a\\u0000b", "a/b", "a_b",
            "tab\\there", long + "1", long + "2", String(repeating: "x", count: 400), "C:\\\\x", "#",
        ]
        let lines = ids.map { #"{"id":"\#($0)","title":"t"}"# }.joined(separator: "\n") + "\n"
        let input = try write(Array(lines.utf8), to: "ids.jsonl", in: work)
        let out = work.appending(path: "out")
        let result = try warraq(["convert", input, "--output-dir", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).sorted() == ["ids.jsonl", "out"])
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(names.count == ids.count)
        var seen: Set<String> = []
        for name in names {
            #expect(!name.hasPrefix("."), "\(name)")
            #expect(!name.contains("/") && !name.contains("\0"))
            #expect(name.utf8.count <= 255)
            let documents = try jsonObjects(Data(contentsOf: out.appending(path: name)))
            if let id = documents.first?["id"] as? String { seen.insert(id) }
        }
        #expect(seen.count == ids.count, "every document in its own file")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/escape-2.jsonl"))
    }
}
