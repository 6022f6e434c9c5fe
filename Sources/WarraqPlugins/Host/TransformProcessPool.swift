import Synchronization

/// Idle processes of one per-document transform plugin, kept between the inputs of a run so
/// that a batch of many small files starts the plugin once per worker, not once per file.
/// A per-document transform holds nothing back, so an input is done once its documents are
/// answered; the process sees the end of its stdin only when the run closes the pool.
final class TransformProcessPool: Sendable {
    private let idle = Mutex<[PluginProcess]>([])

    /// Every pool made in this process, closed together at the end of a run.
    private static let all = Mutex<[TransformProcessPool]>([])

    init() { Self.all.withLock { $0.append(self) } }

    func take() -> PluginProcess? { idle.withLock { $0.popLast() } }

    func give(_ process: PluginProcess) { idle.withLock { $0.append(process) } }

    /// Ends every idle process of every pool: each must print nothing more and exit 0.
    static func closeAll() -> [PluginError] {
        let processes = all.withLock { pools in pools.flatMap { pool in pool.idle.withLock { list in defer { list.removeAll() }; return list } } }
        var failures: [PluginError] = []
        for process in processes {
            do throws(PluginError) {
                try process.closeInput()
                if let line = try process.readLine(), line.contains(where: { $0 > 0x20 }) {
                    process.terminate()
                    throw PluginError(process.plugin, "printed more after its input ended, but it describes itself as perDocument (set \"perDocument\": false to hold documents back)")
                }
                try process.finish()
            } catch {
                failures.append(error)
            }
        }
        return failures
    }
}
