import Testing
import WarraqFuzz

/// The bounded fuzz run of the test suite: 24,000 cases with a fixed seed, in slices that run in
/// parallel. `Scripts/fuzz` runs as many as asked, in child processes that may crash.
@Suite("Fuzzing every reader and the writers behind them")
struct FuzzTests {
    static let maker = FuzzCaseMaker(corpus: FuzzCorpus(), seed: 20_261_201, maximumSize: 256)
    static let slices = 12
    static let casesPerSlice: UInt64 = 2_000

    @Test("no case crashes, and JSONL and YAML output reads back as the document written", arguments: 0..<slices)
    func slice(_ slice: Int) {
        var documents = 0
        let start = UInt64(slice) * Self.casesPerSlice
        for index in start..<(start + Self.casesPerSlice) {
            let fuzzCase = Self.maker.make(index)
            let outcome = FuzzExecutor.run(fuzzCase.bytes, reader: FuzzTargets.reader(named: fuzzCase.reader)!)
            documents += outcome.documents
            #expect(outcome.violations.isEmpty, "case \(index) (\(fuzzCase.reader), \(fuzzCase.strategy)): \(outcome.violations)")
        }
        // Mutations of accepted inputs must mostly stay readable, or the fuzzer only tests refusals.
        #expect(documents > Int(Self.casesPerSlice) / 4)
    }

    @Test("every reader gets cases it turns into documents")
    func coverage() {
        var documentsByReader: [String: Int] = [:]
        for index in UInt64(0)..<500 {
            let fuzzCase = Self.maker.make(index)
            documentsByReader[fuzzCase.reader, default: 0] += FuzzExecutor.run(fuzzCase.bytes, reader: FuzzTargets.reader(named: fuzzCase.reader)!).documents
        }
        for reader in FuzzTargets.readers { #expect(documentsByReader[reader.name, default: 0] > 0, "\(reader.name)") }
    }

    @Test("a case is the same bytes every time it is made")
    func replay() {
        let again = FuzzCaseMaker(corpus: Self.maker.corpus, seed: 20_261_201, maximumSize: 256)
        for index in [UInt64(0), 7, 12_345] { #expect(again.make(index).bytes == Self.maker.make(index).bytes) }
        #expect(FuzzCaseMaker(corpus: Self.maker.corpus, seed: 1, maximumSize: 256).make(7).bytes != Self.maker.make(7).bytes)
    }

    /// Inputs that once crashed or broke a promise: `Tests/Fixtures/fuzz/READER/NAME`.
    static let regressions: [String] = FuzzCorpus.files(under: FuzzCorpus.fixturesDirectory + "/fuzz")

    @Test("inputs the fuzzer once broke Warraq with still convert", arguments: regressions)
    func regression(_ path: String) throws {
        let reader = try #require(path.split(separator: "/").dropLast().last.map(String.init).flatMap(FuzzTargets.reader(named:)), "\(path) is not under a reader's directory")
        let outcome = FuzzExecutor.run(try #require(FuzzCorpus.read(path)), reader: reader)
        #expect(outcome.violations.isEmpty, "\(outcome.violations)")
    }
}
