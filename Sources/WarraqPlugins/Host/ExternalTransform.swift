import WarraqCore

/// A transform plugin over one stream: each document is sent as a line and answered by one
/// line, a JSON array of zero or more documents. At the end of the stream the plugin may print
/// more arrays (documents it held back) before it exits; a per-document one holds nothing back
/// and is kept running, in a pool, for the next input.
///
/// Documents are sent ahead of their answers, up to `window` of them, so that the plugin and
/// Warraq work at the same time instead of waiting for each other on every document. Answers
/// still come back in order, so the output does not depend on timing.
struct ExternalTransform: DocumentTransform {
    private static let window = 64
    private let process: PluginProcess
    /// Ids of the documents sent and not yet answered, oldest first.
    private var unanswered: [String] = []
    private var unansweredStart = 0
    private var failure: PluginError?

    /// Where a per-document transform's process goes back when its input is done.
    private let pool: TransformProcessPool?

    init(_ run: PluginRun, pool: TransformProcessPool?, report: @escaping @Sendable (Diagnostic) -> Void) throws(PluginError) {
        let program = run.description.program
        self.pool = pool
        if let idle = pool?.take() {
            process = idle
        } else {
            process = try run.start(input: .pipe) { line in
                report(relayedDiagnostic(line, from: program, path: program.path))
            }
        }
    }

    mutating func apply(_ document: Document) throws -> [Document] {
        if let failure { throw PluginError(failure.plugin, "failed earlier, document \(document.id) not transformed") }
        do {
            var line: [UInt8] = []
            DocumentLines.encode(document, into: &line)
            try process.send(line)
            unanswered.append(document.id)
            var answered: [Document] = []
            while unanswered.count - unansweredStart > Self.window { answered += try nextAnswer(waiting: true) ?? [] }
            while let more = try nextAnswer(waiting: false) { answered += more }
            return answered
        } catch {
            process.terminate()
            failure = error
            throw error
        }
    }

    mutating func finish() throws -> [Document] {
        // A failure was reported when it happened, with the document it stopped at.
        guard failure == nil else { return [] }
        do {
            var held: [Document] = []
            if let pool {
                // A plugin that answers only at the end of its input (buffered output) is told the
                // end here, and not kept; one that answers promptly serves the next input too.
                while let answer = try nextAnswer(waitingAtMost: Self.promptAnswer) { held += answer }
                if unansweredStart == unanswered.count {
                    pool.give(process)
                    return held
                }
            }
            try process.closeInput()
            while let answer = try nextAnswer(waiting: true) { held += answer }
            while let line = try process.readLine() {
                held += try answerDocuments(line, for: "the end of the stream")
            }
            try process.finish()
            return held
        } catch {
            process.terminate()
            failure = error
            throw error
        }
    }

    /// The answer to the oldest unanswered document; nil when none is unanswered, or when not
    /// `waiting` and its answer has not arrived yet.
    private mutating func nextAnswer(waiting: Bool) throws(PluginError) -> [Document]? {
        guard unansweredStart < unanswered.count else { return nil }
        let id = unanswered[unansweredStart]
        guard let line = waiting ? try process.readLine() : try process.bufferedLine() else {
            if waiting { throw process.failure("ended without answering document \(id)") }
            return nil
        }
        return try accept(line, for: id)
    }

    /// Seconds a kept process may take to answer the last documents of an input.
    private static let promptAnswer = 0.5

    /// The oldest unanswered document's answer if it comes within `seconds`, else nil.
    private mutating func nextAnswer(waitingAtMost seconds: Double) throws(PluginError) -> [Document]? {
        guard unansweredStart < unanswered.count else { return nil }
        let id = unanswered[unansweredStart]
        switch try process.readLine(within: seconds) {
        case .line(let line): return try accept(line, for: id)
        case .end: throw process.failure("ended without answering document \(id)")
        case .late: return nil
        }
    }

    private mutating func accept(_ line: ArraySlice<UInt8>, for id: String) throws(PluginError) -> [Document] {
        unansweredStart += 1
        if unansweredStart == unanswered.count {
            unanswered.removeAll(keepingCapacity: true)
            unansweredStart = 0
        }
        return try answerDocuments(line, for: "document \(id)")
    }

    private func answerDocuments(_ line: ArraySlice<UInt8>, for what: String) throws(PluginError) -> [Document] {
        do { return try DocumentLines.decodeAnswer(line) } catch {
            throw PluginError(process.plugin, "answer to \(what): \(error)")
        }
    }
}
