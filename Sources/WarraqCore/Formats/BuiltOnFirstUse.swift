import Synchronization

/// A value a format needs on every input (compiled phrase lists, parsers), built on the run's
/// first input and shared by the others: every run builds the registry, so building it there
/// would cost runs that never use the format, and building it per input costs many-file runs.
public final class BuiltOnFirstUse<Value: Sendable>: Sendable {
    private let build: @Sendable () -> Value
    private let built = Mutex<Value?>(nil)

    public init(_ build: @escaping @Sendable () -> Value) { self.build = build }

    public var value: Value {
        built.withLock { built in
            if let built { return built }
            let value = build()
            built = value
            return value
        }
    }
}
