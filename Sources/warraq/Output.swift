import Glibc

/// Writes a line to standard error.
func printError(_ message: String) {
    var line = Array(message.utf8)
    line.append(0x0A)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

/// `1 document`, `3 documents`: counts in the closing summaries.
func counted(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

/// True when the file descriptor is a terminal (progress lines, colours).
func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }
