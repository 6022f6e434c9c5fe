import Glibc
import Synchronization

/// A value a format needs on every input (compiled phrase lists, parsers), built on a thread's
/// first input and kept for that thread's later ones. Every run builds the registry, so building
/// it there would cost runs that never use the format; building it per input costs many-file
/// runs; and one value shared by parallel workers makes their cores fight over its reference
/// counts, since each lookup in its lists retains their storage.
///
/// The first thread gets `build(false)`; each other thread gets `build(true)`, which should
/// return a value sharing no storage with the first.
public final class BuiltOnFirstUse<Value: Sendable>: Sendable {
    private let build: @Sendable (_ unshared: Bool) -> Value
    private let built = Mutex<(values: [pthread_t: Value], started: Int)>(([:], 0))

    public init(_ build: @escaping @Sendable (_ unshared: Bool) -> Value) { self.build = build }

    public var value: Value {
        let thread = pthread_self()
        var unshared = false
        let found = built.withLock { built -> Value? in
            if let value = built.values[thread] { return value }
            unshared = built.started > 0
            built.started += 1
            return nil
        }
        if let found { return found }
        // Built outside the lock, so that workers starting together build their copies at once.
        let value = build(unshared)
        built.withLock { $0.values[thread] = value }
        return value
    }
}
