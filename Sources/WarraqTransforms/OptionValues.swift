import WarraqCore

/// Typed values of a transform's `key=value` options; a bad value is a usage error naming both.
extension FormatOptions {
    /// Checks the keys against the format's declared options, then reads the values.
    static func checked(_ options: FormatOptions, for format: TransformFormat) throws(UsageError) -> FormatOptions {
        try options.validate(against: format.options, for: "transform '\(format.name)'")
        return options
    }

    func bool(_ key: String, owner: String) throws(UsageError) -> Bool {
        switch self[key]?.lowercased() {
        case nil, "false", "no", "0": false
        case "true", "yes", "1": true
        case let value?: throw UsageError("transform '\(owner)': \(key)=\(value) is not true or false")
        }
    }

    func int(_ key: String, default fallback: Int, in range: ClosedRange<Int>, owner: String) throws(UsageError) -> Int {
        guard let text = self[key] else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw UsageError("transform '\(owner)': \(key)=\(text) is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func fraction(_ key: String, default fallback: Double, owner: String) throws(UsageError) -> Double {
        guard let text = self[key] else { return fallback }
        guard let value = Double(text), value > 0, value <= 1 else {
            throw UsageError("transform '\(owner)': \(key)=\(text) is not a number above 0 and at most 1")
        }
        return value
    }

    /// `ar+fa`: several values in one option (commas already separate options).
    func list(_ key: String) -> [String] {
        (self[key] ?? "").split(separator: "+").map { String($0).lowercased() }.filter { !$0.isEmpty }
    }
}
