import Glibc

/// This process's environment, read from `environ` (WarraqPlugins does without Foundation).
func currentEnvironment() -> [String: String] {
    var values: [String: String] = [:]
    var index = 0
    while let entry = environ[index] {
        let text = String(cString: entry)
        if let equals = text.firstIndex(of: "=") { values[String(text[..<equals])] = String(text[text.index(after: equals)...]) }
        index += 1
    }
    return values
}
