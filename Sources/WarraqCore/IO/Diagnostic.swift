/// A problem with one input, printed as `path:line: message` so that editors and `grep` find it.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        /// The input, or part of it, was not converted.
        case error
        /// Converted, but something was repaired or guessed.
        case warning
    }

    public var path: String
    public var line: Int?
    public var message: String
    public var severity: Severity

    public init(path: String, line: Int? = nil, _ message: String, severity: Severity = .error) {
        self.path = path
        self.line = line
        self.message = message
        self.severity = severity
    }

    public var description: String {
        let place = line.map { "\(path):\($0)" } ?? path
        return severity == .warning ? "\(place): warning: \(message)" : "\(place): \(message)"
    }
}

/// An error that ends the reading of one input; the rest of the batch goes on.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int?
    public var message: String

    public init(line: Int? = nil, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { message }
}
