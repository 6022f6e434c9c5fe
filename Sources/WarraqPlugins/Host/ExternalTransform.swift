import WarraqCore

/// A transform plugin over one stream: each document is sent as a line and answered by one
/// line, a JSON array of zero or more documents. At the end of the stream the plugin may print
/// more arrays (documents it held back) before it exits.
struct ExternalTransform: DocumentTransform {
    private let process: PluginProcess
    private var failure: PluginError?

    init(_ run: PluginRun, report: @escaping @Sendable (Diagnostic) -> Void) throws(PluginError) {
        let program = run.description.program
        process = try run.start(input: .pipe) { line in
            report(relayedDiagnostic(line, from: program, path: program.path))
        }
    }

    mutating func apply(_ document: Document) throws -> [Document] {
        if let failure { throw PluginError(failure.plugin, "failed earlier, document \(document.id) not transformed") }
        do {
            var line: [UInt8] = []
            DocumentLines.encode(document, into: &line)
            try process.send(line)
            guard let answer = try process.readLine() else {
                throw process.failure("ended without answering document \(document.id)")
            }
            return try answerDocuments(answer, for: "document \(document.id)")
        } catch let error as PluginError {
            process.terminate()
            failure = error
            throw error
        }
    }

    mutating func finish() throws -> [Document] {
        // A failure was reported when it happened, with the document it stopped at.
        guard failure == nil else { return [] }
        do {
            try process.closeInput()
            var held: [Document] = []
            while let answer = try process.readLine() {
                held += try answerDocuments(answer, for: "the end of the stream")
            }
            try process.finish()
            return held
        } catch {
            process.terminate()
            failure = error
            throw error
        }
    }

    private func answerDocuments(_ line: ArraySlice<UInt8>, for what: String) throws(PluginError) -> [Document] {
        do { return try DocumentLines.decodeAnswer(line) } catch {
            throw PluginError(process.plugin, "answer to \(what): \(error)")
        }
    }
}
