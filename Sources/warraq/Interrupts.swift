import Glibc
import WarraqCore

/// Ctrl-C (SIGINT), SIGTERM and SIGHUP end a run cleanly: temporary output files are removed,
/// files already finished stay, and the exit status is 128 + the signal (130 for Ctrl-C), as
/// shells expect. The signals are blocked in every thread and taken by one waiting thread, so
/// the cleanup runs as ordinary code, not inside a signal handler.
enum Interrupts {
    /// Call first thing in `main`, before any other thread starts: threads inherit the mask.
    static func install() {
        var signals = handled
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        var thread = pthread_t()
        pthread_create(&thread, nil, { _ in
            var signals = Interrupts.handled
            var received: Int32 = 0
            sigwait(&signals, &received)
            PendingFiles.removeAllAndExit(128 + received)
        }, nil)
    }

    private static var handled: sigset_t {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, signal) }
        return signals
    }
}
