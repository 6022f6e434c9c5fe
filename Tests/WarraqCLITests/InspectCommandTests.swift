import Foundation
import Testing
import WarraqTestSupport

/// `warraq inspect` end to end: the report is rendered by a real browser (headless chromium)
/// and its DOM is checked against the JSON Lines that `convert` writes for the same inputs.
@Suite("warraq inspect")
struct InspectCommandTests {
    let inputs = ["scrape/captions.txt", "scrape/mixed.txt", "scrape/teasers.txt", "scrape/page.txt", "inspect/markup.txt"]
        .map { fixture($0).path }

    @Test("in chromium: kept and removed lines as the JSONL says, every reason shown, dir set, a screenshot that shows something")
    func browser() throws {
        guard Client.shouldRun(Client.tool("chromium") != nil) else { return }
        let directory = try makeTemporaryDirectory("warraq-inspect")
        let report = directory.appending(path: "report.html")
        let run = try warraq(["inspect", "--quiet", "-o", report.path] + inputs)
        #expect(run.status == 0)
        #expect(run.stderr == "")

        let expected = try expectedCounts()
        let dom = try chromium(["--dump-dom", report.absoluteString], profile: directory).stdoutText
        #expect(occurrences(#"class="ln kept""#, in: dom) == expected.kept)
        #expect(occurrences(#"class="ln removed""#, in: dom) == expected.removed)
        #expect(expected.kept > 30 && expected.removed > 30)
        for reason in expected.reasons {
            #expect(dom.contains(#"data-reason="\#(reason)""#), "reason \(reason)")
        }
        // Every source line is one row whose text finds its own direction.
        #expect(occurrences(#"<span class="tx" dir="auto">"#, in: dom) == expected.lines)
        #expect(occurrences(#"<div class="ln "#, in: dom) == expected.lines)
        #expect(dom.contains(#"<article class="doc card""#) && dom.contains(#"dir="auto""#))
        // Markup in the source is text on the page, not markup.
        #expect(dom.contains("Copyright 2025 Harbour News &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!dom.contains("<script"))

        let shot = directory.appending(path: "report.png")
        _ = try chromium(["--screenshot=\(shot.path)", "--window-size=1280,1600", report.absoluteString], profile: directory)
        if Client.shouldRun(Client.python != nil) {
            let check = try runProcess(try #require(Client.python), [fixture("clients/check_png.py").path, shot.path])
            #expect(check.stdoutText.hasPrefix("ok 1280x1600 "), "\(check.stdoutText)\(check.stderr)")
        }
    }

    @Test("JSON Lines from convert are shown against the files their documents came from")
    func fromJSONL() throws {
        let directory = try makeTemporaryDirectory("warraq-inspect")
        let jsonl = directory.appending(path: "all.jsonl").path
        #expect(try warraq(["convert", "--quiet", "-o", jsonl] + inputs).status == 0)
        let direct = try warraq(["inspect", "--quiet"] + inputs)
        let again = try warraq(["inspect", "--quiet", jsonl])
        #expect(again.status == 0)
        let page = again.stdoutText
        #expect(occurrences(#"class="ln kept""#, in: page) == occurrences(#"class="ln kept""#, in: direct.stdoutText))
        #expect(occurrences(#"class="ln removed""#, in: page) == occurrences(#"class="ln removed""#, in: direct.stdoutText))
        #expect(page.contains("markup.txt (from \(jsonl))"))
    }

    @Test("a missing input is reported as path: message; the others still make the report (exit 1)")
    func partialFailure() throws {
        let result = try warraq(["inspect", inputs[1], "/nonexistent/dump.txt"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/dump.txt: no such file or directory\n"))
        #expect(result.stderr.hasSuffix("warraq: 1 of 2 inputs, 1 failed; 1 document\n"))
        #expect(result.stdoutText.hasSuffix("</html>\n"))
        #expect(occurrences(#"<section class="input""#, in: result.stdoutText) == 1)
    }

    @Test("the report and the html writer's page parse without a single error in html5lib's strict parser")
    func strictHTML() throws {
        guard Client.shouldRun(Client.python != nil) else { return }
        let directory = try makeTemporaryDirectory("warraq-inspect")
        let report = directory.appending(path: "report.html").path
        let page = directory.appending(path: "page.html").path
        #expect(try warraq(["inspect", "--quiet", "-o", report] + inputs).status == 0)
        #expect(try warraq(["convert", "--quiet", "-t", "html", "-o", page] + inputs).status == 0)
        for file in [report, page] {
            let check = try runProcess(try #require(Client.python), [fixture("clients/check_html.py").path, file])
            #expect(check.stdoutText.hasPrefix("ok "), "\(check.stdoutText)\(check.stderr)")
        }
    }

    @Test("an HTML page is shown line by line beside its document, each removed line marked with its reason")
    func htmlLines() throws {
        let result = try warraq(["inspect", "--quiet", fixture("html/removed-lines.html").path])
        #expect(result.status == 0)
        let page = result.stdoutText
        #expect(occurrences(#"<div class="ln "#, in: page) == 35)
        for (reason, lines) in [("navigation", 12...15), ("duplicate", 19...19), ("widget", 24...25), ("footer", 31...32)] {
            for line in lines { #expect(page.contains(#"<div class="ln removed" id="i1-L\#(line)" data-doc="1" data-reason="\#(reason)">"#)) }
        }
        #expect(occurrences(#"<div class="ln removed""#, in: page) == 9)
        #expect(occurrences(#"<article class="doc card""#, in: page) == 1)
    }

    @Test("a compressed HTML page is shown line by line, as the page it inflates to")
    func compressedHTML() throws {
        let compressed = try warraq(["inspect", "--quiet", fixture("html/removed-lines.html.gz").path])
        let plain = try warraq(["inspect", "--quiet", fixture("html/removed-lines.html").path])
        #expect(compressed.status == 0)
        // The same lines with the same marks: only the path differs.
        let lines = { (page: String) in page.split(separator: "\n").filter { $0.hasPrefix(#"<div class="ln "#) } }
        #expect(lines(compressed.stdoutText).count == 35)
        #expect(lines(compressed.stdoutText) == lines(plain.stdoutText))
    }

    @Test("a damaged compressed page is an input error, and its report says why there are no lines")
    func damagedCompressedHTML() throws {
        let directory = try makeTemporaryDirectory("warraq-inspect")
        let whole = try Data(contentsOf: fixture("html/removed-lines.html.gz"))
        let damaged = directory.appending(path: "damaged.html.gz")
        try whole.prefix(whole.count / 2).write(to: damaged)
        let result = try warraq(["inspect", "--quiet", damaged.path])
        #expect(result.status == 1)
        #expect(result.stdoutText.contains(#"<p class="note">The input is compressed and does not inflate, so its source lines are not shown.</p>"#))
        #expect(occurrences(#"<div class="ln "#, in: result.stdoutText) == 0)
    }

    /// Lines, kept lines and removed lines of `inputs` as the JSONL tells them: removed are the
    /// lines of any removal's range; kept the other non-blank lines of a document's range.
    private func expectedCounts() throws -> (lines: Int, kept: Int, removed: Int, reasons: Set<String>) {
        var lines = 0, kept = 0, removed = 0
        var reasons: Set<String> = []
        for input in inputs {
            // Split on bytes: "\r\n" is one Character, and mixed.txt has CRLF line ends.
            var sourceLines = try Data(contentsOf: URL(fileURLWithPath: input))
                .split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            if sourceLines.last == "" { sourceLines.removeLast() }
            lines += sourceLines.count
            let converted = try warraq(["convert", "--quiet", input])
            var removedLines: Set<Int> = []
            var documentLines: Set<Int> = []
            for line in converted.stdout.split(separator: UInt8(ascii: "\n")) {
                let document = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
                let origin = try #require(document["origin"] as? [String: Any])
                let range = try #require(origin["lines"] as? [Int])
                documentLines.formUnion(range[0]...range[1])
                for removal in document["removed"] as? [[String: Any]] ?? [] {
                    let range = try #require(removal["lines"] as? [Int])
                    removedLines.formUnion(range[0]...range[1])
                    reasons.insert(try #require(removal["reason"] as? String))
                }
            }
            removed += removedLines.count
            kept += documentLines.subtracting(removedLines).count { !sourceLines[$0 - 1].trimmingCharacters(in: .whitespaces).isEmpty }
        }
        return (lines, kept, removed, reasons)
    }

    private func chromium(_ arguments: [String], profile: URL) throws -> ProcessResult {
        let result = try runProcess(try #require(Client.tool("chromium")), [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--user-data-dir=\(profile.appending(path: "chromium").path)",
        ] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    private func occurrences(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}
