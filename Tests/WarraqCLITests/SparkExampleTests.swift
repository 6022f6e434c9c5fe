import Foundation
import Testing
import WarraqTestSupport

/// `Examples/spark/warraq_spark.py`: warraq as the map step of a Spark job, in local mode.
/// Needs java and the venv's pyspark (Scripts/setup --test installs both).
@Suite("warraq as a Spark map step")
struct SparkExampleTests {
    @Test("Spark local[2] partitions, put together, are the single-process output document for document")
    func sparkLocal() throws {
        let available = try Client.tool("java") != nil && Client.python.map(hasPySpark) == true
        guard Client.shouldRun(available) else { return }
        try #require(available, "needs java and pyspark in the venv (Scripts/setup --test)")
        let python = try #require(Client.python)
        let work = FileManager.default.temporaryDirectory.appending(path: "warraq-spark-\(UUID())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let list = work.appending(path: "paths.txt")
        try Data(try corpus().map { $0 + "\n" }.joined().utf8).write(to: list)

        let single = try warraq(["convert", "--quiet", "-t", "jsonl", "--files-from", list.path])
        #expect(single.status == 0)

        let output = work.appending(path: "out")
        var environment = ProcessInfo.processInfo.environment
        environment["SPARK_LOCAL_IP"] = "127.0.0.1"
        let spark = try runProcess(python, [
            packageRoot.appending(path: "Examples/spark/warraq_spark.py").path, output.path,
            "--master", "local[2]", "--warraq", warraqExecutable.path, "--files-from", list.path,
        ], environment: environment)
        #expect(spark.status == 0, "\(spark.stderr)")

        let parts = try FileManager.default.contentsOfDirectory(atPath: output.path)
            .filter { $0.hasPrefix("part-") }.sorted()
            .map { try Data(contentsOf: output.appending(path: $0)) }
        #expect(parts.count == 2)
        #expect(parts.allSatisfy { !$0.isEmpty }, "each partition converted some of the inputs")
        let distributed = lines(parts.reduce(Data(), +))
        let expected = lines(single.stdout)
        #expect(distributed.count == expected.count)
        #expect(distributed == expected)
    }

    /// Scrape dumps and plain text of our fixtures, in name order.
    private func corpus() throws -> [String] {
        let scrape = try FileManager.default.contentsOfDirectory(atPath: fixture("scrape").path)
            .filter { $0.hasSuffix(".txt") }.sorted().map { fixture("scrape/\($0)").path }
        return scrape + ["a.text", "c.text", "sub/b.text"].map { fixture("cli/batch/\($0)").path }
    }

    private func lines(_ data: Data) -> [String] {
        String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    private func hasPySpark(_ python: URL) throws -> Bool {
        try runProcess(python, ["-c", "import pyspark"]).status == 0
    }
}
