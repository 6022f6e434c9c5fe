import Glibc
import WarraqCore

/// A reader plugin over one input: one process reads the whole input on its stdin and writes
/// one JSON document per line.
struct ExternalReader: DocumentReader {
    private let process: PluginProcess
    private let diagnostics = DiagnosticBuffer()
    private var outputLine = 0
    private var ended = false

    init(_ run: PluginRun, input: Input) throws {
        if case .file(let path) = input.source, access(path, R_OK) != 0 { throw InputError(systemErrorMessage()) }
        let standardInput: PluginProcess.StandardInput = switch input.source {
        case .file(let path): .file(path)
        case .standardInput: .inherit
        case .bytes: .pipe
        }
        let program = run.description.program
        process = try run.start(input: standardInput, inputName: input.path) { [diagnostics] line in
            diagnostics.items.append(relayedDiagnostic(line, from: program, path: input.path))
        }
        if case .bytes(let bytes) = input.source {
            try process.send(bytes)
            try process.closeInput()
        }
    }

    mutating func next() throws -> Document? {
        guard !ended else { return nil }
        do {
            while let line = try process.readLine() {
                outputLine += 1
                guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
                do { return try DocumentLines.decode(line) } catch {
                    process.terminate()
                    ended = true
                    throw PluginError(process.plugin, "output line \(outputLine): \(error)")
                }
            }
            ended = true
            try process.finish()
            return nil
        } catch let error as PluginError {
            ended = true
            throw InputError(error.description)
        }
    }

    mutating func takeDiagnostics() -> [Diagnostic] {
        defer { diagnostics.items.removeAll() }
        return diagnostics.items
    }
}

/// Diagnostics a plugin's stderr relay collects until the pipeline takes them.
final class DiagnosticBuffer {
    var items: [Diagnostic] = []
}
