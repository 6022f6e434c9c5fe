import Foundation
import Glibc
import Testing
import WarraqCore
import WarraqTestSupport

@Suite("Directory entries")
struct DirectoryEntryTests {
    @Test("every name but . and .., whole up to 255 bytes, with its type; nil for no directory")
    func entries() throws {
        let directory = try makeTemporaryDirectory("warraq-entries")
        let long = String(repeating: "ب", count: 127) + "x"
        let files = ["a.txt", "سمارت.txt", long, "z"]
        for name in files { try Data("x".utf8).write(to: directory.appending(path: name)) }
        try FileManager.default.createDirectory(at: directory.appending(path: "sub"), withIntermediateDirectories: false)
        let entries = try #require(DirectoryEntry.entries(of: directory.path))
        #expect(long.utf8.count == 255)
        #expect(entries.map(\.name).sorted() == (files + ["sub"]).sorted())
        let types = Dictionary(uniqueKeysWithValues: entries.map { ($0.name, Int32($0.type)) })
        #expect(types["sub"].map { $0 == DT_DIR || $0 == DT_UNKNOWN } == true)
        #expect(types["z"].map { $0 == DT_REG || $0 == DT_UNKNOWN } == true)
        #expect(DirectoryEntry.entries(of: directory.appending(path: "missing").path) == nil)
    }
}
