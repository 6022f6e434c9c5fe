import Glibc

/// Writes a line to standard error.
func printError(_ message: String) {
    var line = Array(message.utf8)
    line.append(0x0A)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

/// True when the file descriptor is a terminal (progress lines, colours).
func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }
