import Foundation
import WarraqCore

/// Foundation's coders, to check that `Codable` agrees with the canonical form.
enum JSONEncoderShim {
    static func encode(_ document: Document) throws -> Data { try JSONEncoder().encode(document) }
}

enum JSONDecoderShim {
    static func decode(_ data: Data) throws -> Document { try JSONDecoder().decode(Document.self, from: data) }
}
