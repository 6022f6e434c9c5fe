import Testing
import WarraqCore
import WarraqPlugins

/// The handshake and the protocol's lines, in process.
@Suite("plugin protocol")
struct PluginDescriptionTests {
    let program = PluginProgram(path: "/bin/warraq-reader-csv", kind: .reader, name: "csv", source: "PATH")

    @Test("a description round-trips, with typed defaults")
    func roundTrip() throws {
        let text = #"{"protocol":1,"kind":"reader","name":"csv","summary":"CSV","extensions":[".CSV"],"options":[{"name":"limit","type":"integer","default":10},{"name":"strict","type":"boolean","default":false}]}"#
        let description = try PluginDescription(json: JSONParser.parse(text), program: program)
        #expect(description.extensions == ["csv"])
        #expect(description.options.map(\.defaultValue) == ["10", "false"])
        #expect(JSONWriter.string(description.json) == text.replacingOccurrences(of: ".CSV", with: "csv"))
    }

    @Test("the kind must match the program's name, the version ours, the default its type")
    func refusals() throws {
        func problem(_ text: String) -> String? {
            do { _ = try PluginDescription(json: JSONParser.parse(text), program: program) } catch { return "\(error)" }
            return nil
        }
        #expect(problem(#"{"protocol":1,"kind":"writer"}"#) == "kind: says it is a writer, but its name makes it a reader")
        #expect(problem(#"{"protocol":2,"kind":"reader"}"#) == "protocol: speaks protocol 2, this warraq speaks 1")
        #expect(problem(#"{"kind":"reader"}"#) == "protocol: speaks protocol (none), this warraq speaks 1")
        #expect(problem(#"{"protocol":1,"kind":"reader","options":[{"name":"n","type":"integer","default":"many"}]}"#) == "options[0].default: 'many' is not an integer")
        #expect(problem(#"{"protocol":1,"kind":"reader","colour":"red"}"#) == "unknown member 'colour'")
    }

    @Test("program names: kind from the prefix, a script's extension dropped, odd names refused")
    func programNames() {
        #expect(PluginProgram(path: "/p/warraq-transform-drop-short", source: "PATH")?.name == "drop-short")
        #expect(PluginProgram(path: "/p/warraq-reader-csv.py", source: "PATH")?.kind == .reader)
        #expect(PluginProgram(path: "/p/warraq-reader-csv.py", source: "PATH")?.name == "csv")
        #expect(PluginProgram(path: "/p/warraq-reader-", source: "PATH") == nil)
        #expect(PluginProgram(path: "/p/warraq-lint-x", source: "PATH") == nil)
        #expect(PluginProgram(path: "/p/warraq-writer-a b", source: "PATH") == nil)
    }

    @Test("a transform answer is an array of documents; anything else names what is wrong")
    func answers() throws {
        #expect(try DocumentLines.decodeAnswer(Array(#"[{"id":"a"},{"id":"b"}]"#.utf8)).map(\.id) == ["a", "b"])
        #expect(try DocumentLines.decodeAnswer(Array("[]".utf8)).isEmpty)
        #expect(throws: ProtocolViolation.self) { try DocumentLines.decodeAnswer(Array(#"{"id":"a"}"#.utf8)) }
        do { _ = try DocumentLines.decodeAnswer(Array(#"[{"id":"a"},{"title":"t"}]"#.utf8)) } catch {
            #expect(error.description == "answer[1] is not a Warraq document: missing required member 'id'")
        }
    }
}
