import WarraqCore

/// A writer plugin between the pipeline and the real output: the pipeline's JSON Lines go to
/// the plugin's stdin, the plugin's stdout goes to the sink. One process per output stream.
/// If the plugin fails, the real sink is abandoned, so no partial file is left under its name.
struct PluginOutputSink: ByteSink {
    private let process: PluginProcess
    private let target: SinkBox

    init(_ run: PluginRun, into sink: any ByteSink, report: @escaping @Sendable (Diagnostic) -> Void) throws(PluginError) {
        let program = run.description.program
        target = SinkBox(sink)
        process = try run.start(input: .pipe) { line in
            report(relayedDiagnostic(line, from: program, path: program.path))
        }
        process.forwardOutput = { [target] bytes in try target.sink.write(bytes) }
    }

    mutating func write(_ bytes: [UInt8]) throws {
        do { try process.send(bytes) } catch { throw failed(error) }
    }

    mutating func commit() throws {
        do { try process.finish() } catch { throw failed(error) }
        try target.sink.commit()
    }

    mutating func abandon() {
        process.terminate()
        target.sink.abandon()
    }

    private func failed(_ error: PluginError) -> any Error {
        process.terminate()
        target.sink.abandon()
        if let cause = error.cause { return cause }
        return OutputError(path: error.plugin.label, error.message)
    }
}

/// The real sink, shared between the sink and the closure that forwards the plugin's output.
final class SinkBox {
    var sink: any ByteSink
    init(_ sink: any ByteSink) { self.sink = sink }
}

/// What the pipeline renders for a writer plugin: the documents as protocol lines.
struct DocumentLineWriter: DocumentWriter {
    mutating func write(_ document: Document, into out: inout [UInt8]) throws {
        DocumentLines.encode(document, into: &out)
    }
}
