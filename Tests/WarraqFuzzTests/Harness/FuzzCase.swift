import WarraqTestSupport

/// One generated input: which reader gets it and its bytes, made from a seed and an index alone.
public struct FuzzCase: Sendable {
    public var index: UInt64
    public var reader: String
    public var strategy: String
    public var bytes: [UInt8]
}

/// Makes cases: random bytes, and fixtures with bits flipped, cut short, spliced into each other,
/// one slice repeated many times, or hostile tokens (bad UTF-8, BOMs, NULs, entity bombs) pushed in.
public struct FuzzCaseMaker: Sendable {
    public let corpus: FuzzCorpus
    public let seed: UInt64
    /// The largest input made; a seed is cut to a window of this size first.
    public let maximumSize: Int

    public init(corpus: FuzzCorpus, seed: UInt64, maximumSize: Int) {
        self.corpus = corpus
        self.seed = seed
        self.maximumSize = max(16, maximumSize)
    }

    /// Readers take turns, so any count of cases spreads evenly over them.
    public func make(_ index: UInt64) -> FuzzCase {
        var rng = SplitMix64(seed: seed, index: index)
        let reader = FuzzTargets.readers[Int(index % UInt64(FuzzTargets.readers.count))].name
        let own = corpus.seeds[reader] ?? []
        let pool = own.isEmpty || rng.chance(1, in: 8) ? corpus.all : own
        var strategy: String
        var bytes: [UInt8]
        if pool.isEmpty || rng.chance(1, in: 8) {
            strategy = "random"
            bytes = randomBytes(&rng)
        } else {
            bytes = window(pool[rng.below(pool.count)], &rng)
            let steps = 1 + rng.below(3)
            var names: [String] = []
            for _ in 0..<steps {
                let (name, mutated) = mutate(bytes, pool: pool, &rng)
                names.append(name)
                bytes = mutated
            }
            strategy = names.joined(separator: "+")
        }
        if bytes.count > maximumSize { bytes.removeLast(bytes.count - maximumSize) }
        return FuzzCase(index: index, reader: reader, strategy: strategy, bytes: bytes)
    }

    private func window(_ bytes: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        guard bytes.count > maximumSize else { return bytes }
        // Half the time from the start, where a document's first lines and headers are.
        let start = rng.chance(1, in: 2) ? 0 : rng.below(bytes.count - maximumSize + 1)
        return Array(bytes[start..<(start + maximumSize)])
    }

    private func randomBytes(_ rng: inout SplitMix64) -> [UInt8] {
        let count = rng.below(maximumSize + 1)
        if rng.chance(1, in: 2) { return (0..<count).map { _ in UInt8(truncatingIfNeeded: rng.next()) } }
        // Mostly structure: the bytes every format's syntax is made of.
        return (0..<count).map { _ in Self.structure[rng.below(Self.structure.count)] }
    }

    private func mutate(_ bytes: [UInt8], pool: [[UInt8]], _ rng: inout SplitMix64) -> (String, [UInt8]) {
        var bytes = bytes
        switch rng.below(6) {
        case 0:
            guard !bytes.isEmpty else { return ("flip", bytes) }
            for _ in 0...rng.below(8) { bytes[rng.below(bytes.count)] ^= 1 << UInt8(rng.below(8)) }
            return ("flip", bytes)
        case 1:
            return ("truncate", Array(bytes.prefix(rng.below(bytes.count + 1))))
        case 2:
            let other = pool[rng.below(pool.count)]
            let cut = rng.below(bytes.count + 1), from = rng.below(other.count + 1)
            return ("splice", Array(bytes[..<cut]) + other[from...])
        case 3:
            guard !bytes.isEmpty else { return ("repeat", bytes) }
            let start = rng.below(bytes.count)
            let slice = bytes[start..<min(bytes.count, start + 1 + rng.below(64))]
            let times = max(2, (maximumSize - bytes.count) / max(1, slice.count))
            let at = rng.below(bytes.count + 1)
            bytes.insert(contentsOf: Array(repeatElement(slice, count: times).joined()), at: at)
            return ("repeat", bytes)
        case 4:
            for _ in 0...rng.below(4) {
                let token = Self.tokens[rng.below(Self.tokens.count)]
                bytes.insert(contentsOf: token, at: rng.below(bytes.count + 1))
            }
            return ("tokens", bytes)
        default:
            guard !bytes.isEmpty else { return ("delete", bytes) }
            let start = rng.below(bytes.count)
            bytes.removeSubrange(start..<min(bytes.count, start + 1 + rng.below(32)))
            return ("delete", bytes)
        }
    }

    static let structure: [UInt8] = Array("<>/=\"'&;!-?[]{}:,#*|~.\\ \t\n\r\n\n0123456789aeE".utf8) + [0, 0xFF, 0xD8, 0xA7, 0xD9, 0x84, 0xEF, 0xBB, 0xBF]

    static let tokens: [[UInt8]] = [
        [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0], [0x0D], [0x0D, 0x0A], [0x0A, 0x0A],
        [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x80, 0xAE], [0xE2, 0x80, 0xA8], [0x1F, 0x8B, 0x08],
        Array("<!DOCTYPE x [<!ENTITY a \"&b;&b;&b;&b;\"><!ENTITY b \"lol\">]>&a;".utf8),
        Array("<!ENTITY x SYSTEM \"file:///etc/passwd\">&x;".utf8),
        Array("<![CDATA[".utf8), Array("]]>".utf8), Array("<!--".utf8), Array("-->".utf8), Array("</p>".utf8),
        Array("<p>".utf8), Array("<div>".utf8), Array("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"".utf8),
        Array("<meta charset=\"windows-1256\">".utf8), Array("<meta charset=\"utf-16\">".utf8), Array("&#0;".utf8), Array("&#x110000;".utf8),
        Array("{\"id\":\"".utf8), Array("\\u0000".utf8), Array("\\ud800".utf8), Array("\\udc00\\ud800".utf8), Array("1e999999".utf8),
        Array("-0.0e-0".utf8), Array("[[[[[[[[[[[[[[[[".utf8), Array("{\"a\":{\"a\":{\"a\":".utf8),
        Array("\n---\n".utf8), Array("\n...\n".utf8), Array("*a".utf8), Array("&a ".utf8), Array("!!binary ".utf8), Array("? ".utf8),
        Array("- ".utf8), Array(": ".utf8), Array("\t".utf8), Array("%YAML 1.1\n".utf8),
        Array("# ".utf8), Array("> ".utf8), Array("| ".utf8), Array("```".utf8), Array("[x](".utf8),
        Array("موسكو-سانا\n".utf8), Array("تاريخ النشر: ".utf8), Array("12 يناير 2024".utf8), Array("2024-13-45T25:61".utf8),
        Array("(رويترز) -".utf8), Array("http://".utf8), Array("pic.twitter.com/".utf8), Array("\u{200F}\u{202B}\u{FEFF}".utf8),
    ]
}

extension RandomNumberGenerator {
    /// A number in `0..<bound` (0 when `bound` is 0).
    mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }
    mutating func chance(_ hits: Int, in tries: Int) -> Bool { below(tries) < hits }
}
