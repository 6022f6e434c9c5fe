import WarraqCore

/// `PROGRAM --describe`: runs the plugin once, alone, and reads what it says it is.
public enum PluginHandshake {
    public static func describe(_ program: PluginProgram, timeout: Double) throws(PluginError) -> PluginDescription {
        var said: [String] = []
        let process = try PluginProcess(program, arguments: ["--describe"], input: .pipe, timeout: timeout) { said.append($0) }
        try process.closeInput()
        var text: [UInt8] = []
        while let line = try process.readLine() { text += line + [0x0A] }
        try process.finish()
        let json: JSONValue
        do { json = try JSONParser.parse(text) } catch {
            throw PluginError(program, "--describe did not print one JSON object: \(error)")
        }
        do { return try PluginDescription(json: json, program: program) } catch {
            throw PluginError(program, "--describe: \(error)")
        }
    }
}
