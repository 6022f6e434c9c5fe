import Glibc
import WarraqCore

/// What `convert` tells the user on standard error while a batch runs: problems as they come;
/// with `--verbose`, one line per input; and, when standard error is a terminal, a progress line
/// redrawn in place (files, documents, MB/s, time left) and erased at the end, unless the
/// documents themselves are being printed on that terminal. Nothing of it reaches standard
/// output, so the converted bytes never depend on it.
final class BatchStatus {
    private let paths: [String]
    /// Bytes of each input, 0 for standard input (its size is unknown); measured only when the
    /// progress line is shown, the one thing that reads them.
    private let sizes: [Int]
    private let totalBytes: Int
    private let verbose: Bool
    private let showsProgress: Bool
    private let start = ContinuousClock.now
    private var lastDraw: ContinuousClock.Instant?
    private var drawn = false
    private var previous: Pipeline.Summary?

    /// Redraws at most this often, so a fast batch does not spend its time on the terminal.
    private static let interval = Duration.milliseconds(100)

    /// `outputOnTerminal`: the documents go to standard output and that is a terminal too, where
    /// a progress line would be drawn into them.
    init(inputs: [Input], quiet: Bool, verbose: Bool, outputOnTerminal: Bool) {
        paths = inputs.map(\.path)
        self.verbose = verbose && !quiet
        showsProgress = !quiet && !outputOnTerminal && isTerminal(2)
        sizes = showsProgress ? inputs.map(Self.size(of:)) : []
        totalBytes = sizes.reduce(0, +)
    }

    private static func size(of input: Input) -> Int {
        guard case .file(let path) = input.source else { return 0 }
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    func report(_ diagnostic: Diagnostic) {
        erase()
        printError(diagnostic.description)
    }

    /// After each input: its line (verbose), then the progress line.
    func progress(_ summary: Pipeline.Summary) {
        if verbose, summary.inputs > previous?.inputs ?? 0, summary.inputs <= paths.count {
            erase()
            let documents = summary.documents - (previous?.documents ?? 0), removed = summary.removed - (previous?.removed ?? 0)
            let failed = summary.failedInputs > previous?.failedInputs ?? 0 ? ", failed" : ""
            printError("\(paths[summary.inputs - 1]): \(counted(documents, "document")), \(removed) removed\(failed)")
        }
        previous = summary
        guard showsProgress else { return }
        let now = ContinuousClock.now
        if let lastDraw, now - lastDraw < Self.interval, summary.inputs < paths.count { return }
        lastDraw = now
        let done = sizes.prefix(summary.inputs).reduce(0, +)
        let line = Self.line(files: summary.inputs, of: paths.count, documents: summary.documents, bytes: done, of: totalBytes, seconds: Self.seconds(now - start))
        writeError("\r\u{1B}[K" + line)
        drawn = true
    }

    /// Erases the progress line, before the closing summary.
    func finish() { erase() }

    private func erase() {
        guard drawn else { return }
        writeError("\r\u{1B}[K")
        drawn = false
    }

    /// `warraq: 12/40 files, 345 documents, 3.2 MB/s, ETA 0:07`.
    static func line(files: Int, of total: Int, documents: Int, bytes: Int, of totalBytes: Int, seconds: Double) -> String {
        var line = "warraq: \(files)/\(total) files, \(counted(documents, "document"))"
        guard seconds > 0, bytes > 0 else { return line }
        let rate = Double(bytes) / seconds
        // One decimal from 1 MB/s on, two below, so a slow or small batch does not read 0.0.
        let megabytes = rate >= 1e6 ? Double(Int(rate / 1e5)) / 10 : Double(Int(rate / 1e4)) / 100
        line += ", \(megabytes) MB/s"
        if totalBytes > bytes { line += ", ETA " + clock(Int((Double(totalBytes - bytes) / rate).rounded(.up))) }
        return line
    }

    /// `m:ss`, or `h:mm:ss` from an hour on.
    static func clock(_ seconds: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(m):\(two(s))"
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private func writeError(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }
}
