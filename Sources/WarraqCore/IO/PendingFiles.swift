import Glibc
import Synchronization

/// The temporary files of output not yet committed, so that an interrupted run (Ctrl-C) can
/// remove them. Creating, committing and removing all take one lock, so an interruption finds
/// each file either still temporary (removed) or renamed to its final name (complete, kept).
public enum PendingFiles {
    static let paths = Mutex<Set<String>>([])

    /// Removes every pending temporary file and ends the process with `status`, holding the lock
    /// so that no file is created or committed meanwhile.
    public static func removeAllAndExit(_ status: Int32) -> Never {
        paths.withLock { paths -> Never in
            for path in paths { unlink(path) }
            _exit(status)
        }
    }
}
