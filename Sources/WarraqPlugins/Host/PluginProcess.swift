import Glibc
import Synchronization
import WarraqCore

/// One running plugin program with its three pipes, driven by a single `poll` loop.
///
/// Every wait (for an answer, for room in the stdin pipe, for the end) also drains stdout and
/// stderr, so a plugin that writes a lot to either never blocks on a full pipe while we block on
/// it. A wait that sees no progress on stdin or stdout for `timeout` seconds kills the plugin.
///
/// Used by one thread at a time; `TransformProcessPool` hands an idle one over under its lock.
final class PluginProcess: @unchecked Sendable {
    /// Where the plugin's standard input comes from.
    enum StandardInput {
        /// A pipe that `send` writes to.
        case pipe
        /// A file opened for the plugin (a reader's input).
        case file(String)
        /// Our own standard input.
        case inherit
    }

    let plugin: PluginProgram
    private let pid: pid_t
    private var stdinFD: Int32
    private var stdoutFD: Int32
    private var stderrFD: Int32
    private var pending: [UInt8] = []
    private var pendingOffset = 0
    private var closeInputWhenSent = false
    private var output: [UInt8] = []
    private var outputOffset = 0
    private var errorText: [UInt8] = []
    private var status: Int32?
    private let timeout: Double
    private let onStderrLine: (String) -> Void
    /// When set, stdout bytes go here as they arrive instead of being kept for `readLine`.
    var forwardOutput: (([UInt8]) throws -> Void)?
    /// The last lines the plugin wrote to stderr that were not JSON, for error messages.
    private(set) var lastErrorLines: [String] = []

    init(
        _ plugin: PluginProgram, arguments: [String] = [], environment: [String: String] = [:],
        input: StandardInput, timeout: Double, onStderrLine: @escaping (String) -> Void
    ) throws(PluginError) {
        self.plugin = plugin
        self.timeout = timeout
        self.onStderrLine = onStderrLine
        // Pipes are made and the child spawned under one lock: our ends are close-on-exec, and no
        // other plugin may be spawned between `pipe` and `fcntl`, or it would inherit them (and a
        // plugin whose stdin another process holds open never sees the end of its input).
        let spawned = try Self.spawnLock.withLock { _ throws(PluginError) in
            try Self.spawn(plugin, arguments: arguments, environment: environment, input: input)
        }
        self.pid = spawned.pid
        self.stdinFD = spawned.stdin
        self.stdoutFD = spawned.stdout
        self.stderrFD = spawned.stderr
        for fd in [stdinFD, stdoutFD, stderrFD] where fd >= 0 {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
    }

    private static let spawnLock = Mutex(())

    private static func makePipe() -> [Int32]? {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return nil }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return fds
    }

    private static func spawn(
        _ plugin: PluginProgram, arguments: [String], environment: [String: String], input: StandardInput
    ) throws(PluginError) -> (pid: pid_t, stdin: Int32, stdout: Int32, stderr: Int32) {
        var stdinPipe: [Int32] = [-1, -1]
        guard let stdoutPipe = makePipe(), let stderrPipe = makePipe() else {
            throw PluginError(plugin, "cannot make pipes: \(systemErrorMessage())")
        }
        if case .pipe = input {
            guard let fds = makePipe() else { throw PluginError(plugin, "cannot make pipes: \(systemErrorMessage())") }
            stdinPipe = fds
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        switch input {
        case .pipe: posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        case .file(let path): posix_spawn_file_actions_addopen(&actions, 0, path, O_RDONLY, 0)
        case .inherit: break
        }
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)
        // We ignore SIGPIPE, and block SIGINT, SIGTERM and SIGHUP for the thread that takes them
        // (`Interrupts`); the plugin inherits neither, so Ctrl-C and `kill` reach it.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let merged = currentEnvironment().merging(environment) { $1 }
        let argv = ([plugin.path] + arguments).map { strdup($0) } + [nil]
        let envp = merged.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, plugin.path, &actions, &attributes, argv, envp)
        for fd in [stdinPipe[0], stdoutPipe[1], stderrPipe[1]] where fd >= 0 { close(fd) }
        guard spawned == 0 else {
            for fd in [stdinPipe[1], stdoutPipe[0], stderrPipe[0]] where fd >= 0 { close(fd) }
            throw PluginError(plugin, "cannot run: \(systemErrorMessage(spawned))")
        }
        return (pid, stdinPipe[1], stdoutPipe[0], stderrPipe[0])
    }

    deinit {
        if status == nil {
            Glibc.kill(pid, SIGKILL)
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
        }
        for fd in [stdinFD, stdoutFD, stderrFD] where fd >= 0 { close(fd) }
    }

    /// Queues bytes for the plugin's stdin and waits until the pipe took them.
    func send(_ bytes: [UInt8]) throws(PluginError) {
        guard stdinFD >= 0 else { throw failure("stopped reading its input") }
        pending.append(contentsOf: bytes)
        try pump { $0.pendingOffset == $0.pending.count || $0.stdinFD < 0 }
        if stdinFD < 0 { throw failure("stopped reading its input") }
    }

    /// Ends the plugin's stdin once everything queued has been written.
    func closeInput() throws(PluginError) {
        closeInputWhenSent = true
        try pump { $0.stdinFD < 0 }
    }

    /// The next line of stdout without its newline, or nil at the end of stdout.
    func readLine() throws(PluginError) -> ArraySlice<UInt8>? {
        var searched = outputOffset
        while true {
            if let newline = output[searched...].firstIndex(of: 0x0A) {
                let line = output[outputOffset..<newline]
                outputOffset = newline + 1
                if outputOffset > 1 << 20 { compactOutput() }
                return line
            }
            searched = output.count
            if stdoutFD < 0 {
                guard outputOffset < output.count else { return nil }
                defer { outputOffset = output.count }
                return output[outputOffset...]
            }
            let before = output.count
            try pump { $0.output.count > before || $0.stdoutFD < 0 }
        }
    }

    /// The next line if it arrives within `seconds`; `.late` leaves the plugin running.
    func readLine(within seconds: Double) throws(PluginError) -> TimedLine {
        if let line = try bufferedLine() { return .line(line) }
        let end = Self.now() + seconds
        while stdoutFD >= 0 {
            let before = output.count
            let waited = try pump(until: { $0.output.count > before || $0.stdoutFD < 0 }, softDeadline: end)
            if let line = try bufferedLine() { return .line(line) }
            if !waited { return .late }
        }
        return try readLine().map { .line($0) } ?? .end
    }

    enum TimedLine {
        case line(ArraySlice<UInt8>)
        case end
        case late
    }

    /// A complete line that has already arrived, without waiting for one.
    func bufferedLine() throws(PluginError) -> ArraySlice<UInt8>? {
        while stdoutFD >= 0, try readStdout() {}
        guard let newline = output[outputOffset...].firstIndex(of: 0x0A) else { return nil }
        let line = output[outputOffset..<newline]
        outputOffset = newline + 1
        if outputOffset > 1 << 20 { compactOutput() }
        return line
    }

    /// Waits for stdout and stderr to end and the process to exit; a non-zero exit is an error.
    func finish() throws(PluginError) {
        if stdinFD >= 0 { try closeInput() }
        try pump { $0.stdoutFD < 0 && $0.stderrFD < 0 }
        guard let code = exitWithin(seconds: timeout) else {
            throw PluginError(plugin, "closed its output but did not exit (see --plugin-timeout)")
        }
        guard code == 0 else { throw failure(code > 128 ? "was killed by signal \(code - 128)" : "exited with status \(code)") }
    }

    /// Kills the plugin (a failure elsewhere, or the user gave up on the stream).
    func terminate() {
        guard status == nil else { return }
        Glibc.kill(pid, SIGKILL)
        _ = waitForExit()
    }

    /// An error naming the plugin, with what it last said on stderr and how it ended, if it did.
    func failure(_ what: String) -> PluginError {
        var message = what
        if status == nil, stdoutFD < 0 || stdinFD < 0, let code = exitWithin(seconds: 1), code != 0 {
            message += code > 128 ? " (killed by signal \(code - 128))" : " (exit status \(code))"
        }
        if let last = lastErrorLines.last { message += "; it said: \(last)" }
        return PluginError(plugin, message)
    }

    /// The exit status if the plugin ends within the grace period; else it is killed and nil.
    private func exitWithin(seconds: Double) -> Int32? {
        let end = Self.now() + seconds
        // A plugin that closed its output exits within microseconds: check often at first.
        var pause: UInt32 = 20
        repeat {
            var raw: Int32 = 0
            if waitpid(pid, &raw, WNOHANG) == pid {
                status = Self.exitCode(raw)
                return status
            }
            usleep(pause)
            pause = min(pause * 2, 10_000)
        } while Self.now() < end
        terminate()
        return nil
    }

    private static func exitCode(_ raw: Int32) -> Int32 {
        (raw & 0x7F) == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
    }

    @discardableResult
    private func waitForExit() -> Int32 {
        if let status { return status }
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
        let code = Self.exitCode(raw)
        status = code
        return code
    }

    private func compactOutput() {
        output.removeFirst(outputOffset)
        outputOffset = 0
    }

    /// Runs the poll loop until `done` holds; throws when nothing moves for `timeout` seconds.
    /// Returns false, instead, when `softDeadline` passes first.
    @discardableResult
    private func pump(until done: (PluginProcess) -> Bool, softDeadline: Double? = nil) throws(PluginError) -> Bool {
        var lastProgress = Self.now()
        while !done(self) {
            if let softDeadline, Self.now() >= softDeadline { return false }
            if pendingOffset == pending.count, closeInputWhenSent, stdinFD >= 0 {
                close(stdinFD)
                stdinFD = -1
                continue
            }
            var fds: [pollfd] = []
            if stdinFD >= 0, pendingOffset < pending.count { fds.append(pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0)) }
            if stdoutFD >= 0 { fds.append(pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0)) }
            if stderrFD >= 0 { fds.append(pollfd(fd: stderrFD, events: Int16(POLLIN), revents: 0)) }
            if fds.isEmpty { return true }
            var remaining = timeout - (Self.now() - lastProgress)
            if remaining <= 0 {
                terminate()
                throw PluginError(plugin, "stopped answering (no output for \(Self.seconds(timeout)); see --plugin-timeout)")
            }
            if let softDeadline { remaining = min(remaining, max(softDeadline - Self.now(), 0.001)) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining * 1000, 3_600_000).rounded(.up)))
            if ready < 0 {
                if errno == EINTR { continue }
                throw PluginError(plugin, "poll failed: \(systemErrorMessage())")
            }
            for entry in fds where entry.revents != 0 {
                if entry.fd == stdinFD {
                    if try writePending() { lastProgress = Self.now() }
                } else if entry.fd == stdoutFD {
                    if try readStdout() { lastProgress = Self.now() }
                } else if entry.fd == stderrFD {
                    readStderr()
                }
            }
        }
        return true
    }

    /// Writes what the stdin pipe takes; true when something was written.
    private func writePending() throws(PluginError) -> Bool {
        let n = pending.withUnsafeBytes { write(stdinFD, $0.baseAddress! + pendingOffset, $0.count - pendingOffset) }
        if n < 0 {
            if errno == EAGAIN || errno == EINTR { return false }
            // EPIPE: the plugin closed its stdin or exited; what it did is told by its output and status.
            close(stdinFD)
            stdinFD = -1
            return true
        }
        pendingOffset += n
        if pendingOffset == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingOffset = 0
        }
        return n > 0
    }

    private func readStdout() throws(PluginError) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let n = chunk.withUnsafeMutableBytes { read(stdoutFD, $0.baseAddress!, $0.count) }
        if n < 0 { return false }
        if n == 0 {
            close(stdoutFD)
            stdoutFD = -1
            return true
        }
        chunk.removeLast(chunk.count - n)
        if let forwardOutput {
            do { try forwardOutput(chunk) } catch {
                terminate()
                throw PluginError(plugin, "its output could not be written: \(error)", cause: error)
            }
        } else {
            output.append(contentsOf: chunk)
        }
        return true
    }

    private func readStderr() {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let n = chunk.withUnsafeMutableBytes { read(stderrFD, $0.baseAddress!, $0.count) }
        if n < 0 { return }
        if n == 0 {
            close(stderrFD)
            stderrFD = -1
            if !errorText.isEmpty { relay(errorText[...]) }
            errorText.removeAll()
            return
        }
        errorText.append(contentsOf: chunk[..<n])
        var start = 0
        while let newline = errorText[start...].firstIndex(of: 0x0A) {
            relay(errorText[start..<newline])
            start = newline + 1
        }
        errorText.removeFirst(start)
    }

    private func relay(_ line: ArraySlice<UInt8>) {
        let text = String(decoding: line, as: UTF8.self)
        guard !text.allSatisfy(\.isWhitespace) else { return }
        if !text.hasPrefix("{") {
            lastErrorLines.append(text)
            if lastErrorLines.count > 3 { lastErrorLines.removeFirst() }
        }
        onStderrLine(text)
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
