import Foundation
import Testing
import WarraqTestSupport

@Suite("warraq profiles")
struct ProfilesCommandTests {
    @Test("lists every built-in knowledge file a profile extends, the HTML hints too, then the user's profiles in load order")
    func listsBuiltInFiles() throws {
        let home = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let profile = fixture("scrape/site-profile.yaml").path
        let result = try warraq(["profiles", "--profile", profile], environment: ["XDG_CONFIG_HOME": home.path])
        #expect(result.status == 0)
        #expect(result.stdoutText.split(separator: "\n") == [
            "built-in     months.yaml",
            "built-in     scrape.yaml",
            "built-in     html-hints.yaml",
            "--profile    \(profile)",
        ])
    }
}
