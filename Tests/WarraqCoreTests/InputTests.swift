import Foundation
import Testing
import WarraqCore

@Suite("Inputs, lines, text decoding and hashing")
struct InputTests {
    @Test("lines: LF, CRLF, a missing final newline, and a line longer than the read buffer")
    func lines() throws {
        let long = String(repeating: "ب", count: 70_000)
        let url = FileManager.default.temporaryDirectory.appending(path: "warraq-lines-\(UUID()).txt")
        try Data("a\r\nb\n\n\(long)\nlast".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var reader = try Input.file(url.path).lines()
        var seen: [(Int, String)] = []
        while let line = try reader.next() { seen.append((line.number, line.text)) }
        #expect(seen.map(\.0) == [1, 2, 3, 4, 5])
        #expect(seen.map(\.1) == ["a", "b", "", long, "last"])
    }

    /// Lines are validated a buffered run at a time: the lines and the warning must be those
    /// of decoding the whole input at once, whatever falls where the reads split the input.
    @Test("decoded lines agree with decoding the whole input", arguments: [65_534, 65_535, 65_536, 65_537])
    func decodedLines(split: Int) throws {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("أول سطر\r\nb\rc\n".utf8)
        bytes += Array(repeating: UInt8(ascii: "x"), count: split - bytes.count) + Array("\r\n".utf8)
        bytes += Array("قبل ".utf8) + [0xD8] + Array("\nلاحق ".utf8) + [0xFF, 0x41] + Array("\n\n".utf8)
        bytes += Array(String(repeating: "ب", count: 70_000).utf8) + Array("\nlast".utf8)
        let url = FileManager.default.temporaryDirectory.appending(path: "warraq-decoded-\(UUID()).txt")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var lines = try DecodedLines(InputReplay(Input.file(url.path)))
        var seen: [String] = []
        while let (number, text) = try lines.next() {
            #expect(number == seen.count + 1)
            seen.append(String(text))
        }
        let whole = TextDecoding.decode(bytes)
        #expect(seen == whole.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        #expect(lines.takeProblems() == whole.problems)
    }

    @Test("a file is read whole, whatever its size", arguments: [0, 1, 65_536, 200_001])
    func readsFile(size: Int) throws {
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let url = FileManager.default.temporaryDirectory.appending(path: "warraq-read-\(UUID()).bin")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try Input.file(url.path).readAll() == bytes)
    }

    @Test("a pipe, which has no size to read ahead, is read whole")
    func readsPipe() throws {
        let bytes = Array(String(repeating: "سطر ", count: 5_000).utf8)
        let pipe = Pipe()
        try pipe.fileHandleForWriting.write(contentsOf: Data(bytes))
        try pipe.fileHandleForWriting.close()
        #expect(try Input.file("/dev/fd/\(pipe.fileHandleForReading.fileDescriptor)").readAll() == bytes)
    }

    @Test("a missing file is an input error, not a crash")
    func missingFile() {
        #expect(throws: InputError.self) { try Input.file("/nonexistent/warraq").readAll() }
    }

    @Test("ids and reader choice come from the file name", arguments: [
        ("dumps/002_c99.txt", "002_c99", "txt"), ("a/page.HTML.gz", "page", "html"), ("noext", "noext", nil),
    ])
    func names(path: String, stem: String, ext: String?) {
        #expect(Input.file(path).stem == stem)
        #expect(Input.file(path).formatExtension == ext)
    }

    @Test("text decoding drops a BOM, decodes UTF-16 and reports invalid UTF-8 with its offset")
    func decoding() {
        #expect(TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("سلام".utf8)).text == "سلام")
        #expect(TextDecoding.decode([0xFF, 0xFE, 0x41, 0x00, 0x33, 0x06]).text == "Aس")
        #expect(TextDecoding.decode([0xFE, 0xFF, 0x00, 0x41, 0x06, 0x33]).text == "Aس")
        let bad = TextDecoding.decode(Array("ab".utf8) + [0xFF] + Array("c".utf8))
        #expect(bad.text == "ab\u{FFFD}c")
        #expect(bad.problems == ["invalid UTF-8 at byte 2, replaced with U+FFFD"])
    }

    @Test("UTF-8 validity is judged as String(validating:) judges it, ASCII runs of any length around the rest")
    func utf8Validity() {
        let ascii = Array("0123456789abcdef".utf8)
        let cases: [[UInt8]] = [
            [], ascii, Array("سلام".utf8), ascii + Array("كلمة".utf8) + ascii, [0xFF], ascii + [0xC3], [0xC3] + ascii,
            [0xE2, 0x82] + ascii, [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], Array("😀".utf8) + ascii + Array("é".utf8),
        ]
        for bytes in cases {
            #expect(TextDecoding.isValidUTF8(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }

    @Test("UTF-8 validity of every lead and second byte, cut short or not, is String(validating:)'s")
    func utf8ValidityOfEverySequenceStart() {
        let edges: [UInt8] = [0x41, 0x80, 0xC0]
        for lead in UInt8(0x80)...0xFF {
            for second in UInt8.min...UInt8.max {
                for third in edges {
                    for fourth in edges {
                        let bytes = [UInt8(ascii: "a"), lead, second, third, fourth]
                        for end in [3, bytes.count] where TextDecoding.isValidUTF8(Array(bytes[..<end])) != (String(validating: bytes[..<end], as: UTF8.self) != nil) {
                            Issue.record("\(bytes[..<end])")
                        }
                    }
                }
            }
        }
    }

    @Test("SHA-256 matches the FIPS 180-4 examples")
    func sha256() {
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        var split = SHA256()
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        split.update(Array(million[..<333]))
        split.update(Array(million[333...]))
        #expect(split.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("options: unknown keys are usage errors naming the owner")
    func options() {
        let options = FormatOptions(parsing: "threshold=0.9,ascii")
        #expect(options["threshold"] == "0.9")
        #expect(options["ascii"] == "true")
        #expect(throws: UsageError("dedupe has no option 'ascii' (known: threshold)")) {
            try options.validate(against: [FormatOption("threshold", "how alike")], for: "dedupe")
        }
    }
}

@Suite("Byte-level fast paths of inputs agree with the slow rules")
struct InputFastPathTests {
    @Test("UTF-8 validity across the validator's 16-byte blocks is String(validating:)'s, and so is the string")
    func validationAcrossBlocks() {
        let pieces: [[UInt8]] = [[], [0x41], Array("ب".utf8), Array("€".utf8), Array("😀".utf8), [0x80], [0xC3], [0xE2, 0x82], [0xF0, 0x9F], [0xED, 0xA0, 0x80], [0xFF]]
        let tails: [[UInt8]] = [[], Array("كلمة".utf8), Array(repeating: 0x61, count: 20)]
        for lead in 0...17 {
            for first in pieces {
                for second in pieces {
                    for tail in tails {
                        // The pieces land on every side of the 16-byte block edges.
                        let bytes = Array(repeating: 0x20, count: lead) + first + Array("ن".utf8) + second + tail
                        let string = bytes.withUnsafeBufferPointer(UTF8Validation.string(validating:))
                        #expect(string == String(validating: bytes, as: UTF8.self), "\(bytes)")
                        #expect(bytes.withUnsafeBufferPointer(UTF8Validation.check).ascii == bytes.allSatisfy { $0 < 0x80 }, "\(bytes)")
                    }
                }
            }
        }
    }

    @Test("two-byte text checked 16 bytes at a time is valid exactly when String(validating:) says so")
    func validationOfTwoByteBlocks() {
        let text = Array("في القاهرة، قال مصدر إن Наука и Ελλάδα 2024 — خبر".utf8)
        let replacements: [[UInt8]] = [[0x80], [0xBF], [0xC0], [0xC1], [0xC2], [0xD8], [0xDF], [0xE0], [0xE2, 0x80], [0xF0], [0xFF], [0x20], [0xD8, 0xA8]]
        for index in text.indices {
            for replacement in replacements {
                for cut in [text.count, index + replacement.count + 1] {
                    let bytes = Array((text[..<index] + replacement + text[(index + 1)...]).prefix(cut))
                    let string = bytes.withUnsafeBufferPointer(UTF8Validation.string(validating:))
                    #expect(string == String(validating: bytes, as: UTF8.self), "\(bytes)")
                }
            }
        }
    }

    @Test("stem and extension of ASCII and other paths are those of splitting by Character")
    func pathPieces() {
        let paths = ["a/002_x.txt.gz", "page.HTML", "/", "", ".", "..", "a//b/", ".hidden", "x/.a.b.gz", "a.gz", "b.c.gz", "dir.d/file",
                     "دليل/خبر.txt", "e\u{301}.txt", "a/\u{301}b.txt", "a.\u{301}b", "x\r\ny.txt"]
        for path in paths {
            let input = Input.file(path)
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let stem = name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? name
            #expect(input.stem == (stem.isEmpty ? name : stem), "\(path)")
            var parts = name.lowercased().split(separator: ".").map(String.init)
            if parts.last == "gz", parts.count > 2 { parts.removeLast() }
            #expect(input.formatExtension == (parts.count > 1 ? parts.last : nil), "\(path)")
        }
    }
}
