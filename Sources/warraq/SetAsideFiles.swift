import ArgumentParser
import WarraqCore

/// Where documents set aside by transforms go: one JSON Lines file per channel
/// (`--duplicates`, `--rejected`), each line the reason, the kept document's id and the document.
struct SetAsideFiles {
    private var sinks: [String: AtomicFileSink] = [:]
    /// Documents set aside on a channel no file was given for, to warn about at the end.
    private(set) var unkept: [String: Int] = [:]

    init(_ paths: [String: String], overwrite: Bool) throws(OutputError) {
        for (channel, path) in paths { sinks[channel] = try AtomicFileSink(path: path, overwrite: overwrite) }
    }

    mutating func write(_ item: SetAsideDocument) throws {
        guard sinks[item.channel] != nil else {
            unkept[item.channel, default: 0] += 1
            return
        }
        // Written straight to bytes, as JSON Lines output is: no tree of the document is built.
        var bytes: [UInt8] = []
        var line = JSONObjectWriter()
        line.add("reason", item.reason)
        line.add("kept", item.keptID)
        line.add("document", value: item.document)
        line.finish(into: &bytes)
        bytes.append(0x0A)
        // In place: a copy of the sink taken out of the dictionary would share its buffer, and
        // every write would copy the buffer.
        try sinks[item.channel]!.write(bytes)
    }

    mutating func commit() throws {
        for channel in sinks.keys.sorted() { try sinks[channel]!.commit() }
    }

    mutating func abandon() {
        for channel in sinks.keys.sorted() { sinks[channel]!.abandon() }
    }
}
