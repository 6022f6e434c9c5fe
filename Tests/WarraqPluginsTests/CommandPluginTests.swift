import Foundation
import Testing
import WarraqTestSupport

/// Plugins/WarraqConvert, the SwiftPM command plugin, run on a fixture package that depends on
/// this one.
@Suite("swift package warraq-convert", .serialized)
struct CommandPluginTests {
    @Test("converts each target's files into one file per target, with the writer asked for")
    func convertsFixturePackage() throws {
        let output = try makeTemporaryDirectory()
        var environment = ProcessInfo.processInfo.environment
        environment["WARRAQ_EXECUTABLE"] = warraqExecutable.path
        let result = try SwiftPM.run([
            "package", "--package-path", fixture("plugin-package").path,
            "--scratch-path", packageRoot.appending(path: ".build/examples/plugin-package").path,
            "warraq-convert", "--output", output.path, "-t", "yaml",
        ], environment: environment)
        #expect(result.status == 0, "\(result.stdoutText)\n\(result.stderr)")
        #expect(result.stdoutText.contains("warraq-convert: Articles → \(output.path)/Articles.yaml"))
        let yaml = try String(contentsOf: output.appending(path: "Articles.yaml"), encoding: .utf8)
        let ids = yaml.split(separator: "\n").filter { $0.hasPrefix("id: ") }
        #expect(ids == ["id: feed#1", "id: feed#2", "id: feed#3", "id: d#1", "id: d#2"])
    }

    @Test("an unknown target is an error")
    func unknownTarget() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["WARRAQ_EXECUTABLE"] = warraqExecutable.path
        let result = try SwiftPM.run([
            "package", "--package-path", fixture("plugin-package").path,
            "--scratch-path", packageRoot.appending(path: ".build/examples/plugin-package").path,
            "warraq-convert", "--target", "Nope",
        ], environment: environment)
        #expect(result.status != 0)
        #expect(result.stderr.contains("no target called 'Nope' in ArticleFixtures"))
    }
}
