import WarraqCore

/// Documents as the protocol carries them: one canonical JSON object per line.
public enum DocumentLines {
    /// The document's line, newline included.
    public static func encode(_ document: Document, into out: inout [UInt8]) {
        document.writeJSON(into: &out)
        out.append(0x0A)
    }

    /// A transform's answer: `[doc, …]` on one line, newline included.
    public static func encodeAnswer(_ documents: [Document], into out: inout [UInt8]) {
        JSONWriter.write(.array(documents.map(\.json)), into: &out)
        out.append(0x0A)
    }

    /// One document from one line; the error says what is wrong in the words of the protocol.
    public static func decode(_ line: some Collection<UInt8>) throws(ProtocolViolation) -> Document {
        do { return try Document(json: JSONParser.parse(line)) } catch let error as JSONParser.SyntaxError {
            throw ProtocolViolation("not JSON: \(error)")
        } catch {
            throw ProtocolViolation("not a Warraq document: \(error)")
        }
    }

    /// A transform's answer line: a JSON array of zero or more documents.
    public static func decodeAnswer(_ line: some Collection<UInt8>) throws(ProtocolViolation) -> [Document] {
        let value: JSONValue
        do { value = try JSONParser.parse(line) } catch {
            throw ProtocolViolation("answer is not JSON: \(error)")
        }
        guard let items = value.arrayValue else {
            throw ProtocolViolation("answer must be a JSON array of documents, not \(value.typeName)")
        }
        var documents: [Document] = []
        for (i, item) in items.enumerated() {
            do { documents.append(try Document(json: item)) } catch {
                throw ProtocolViolation("answer[\(i)] is not a Warraq document: \(error)")
            }
        }
        return documents
    }
}

/// A line that breaks the protocol (not JSON, not a document, not an array).
public struct ProtocolViolation: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
