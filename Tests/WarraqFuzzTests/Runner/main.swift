import Glibc
import WarraqFuzz

/// `warraq-fuzz`: runs fuzz cases in child processes, a batch per child, so that a crash or a
/// hang costs one case, not the run. A crashing input is saved under `--crashes DIR/READER/` for
/// `Tests/Fixtures/fuzz/`. `Scripts/fuzz` builds it in release mode and runs it.
struct Settings {
    var cases: UInt64 = 1_000_000
    var seed: UInt64 = 20_261_201
    var start: UInt64 = 0
    var maximumSize = 1_024
    var batch: UInt64 = 5_000
    var workers = 1
    var timeout: Double = 10
    var crashes = ".build/fuzz-crashes"

    init(_ arguments: [String]) {
        var rest = arguments.makeIterator()
        while let flag = rest.next() {
            guard let value = rest.next() else { Self.usage("\(flag) needs a value") }
            switch flag {
            case "--cases": cases = Self.number(value, flag)
            case "--seed": seed = Self.number(value, flag)
            case "--start": start = Self.number(value, flag)
            case "--max-size": maximumSize = Int(Self.number(value, flag))
            case "--batch": batch = max(1, Self.number(value, flag))
            case "--workers": workers = max(1, Int(Self.number(value, flag)))
            case "--timeout": timeout = Double(value) ?? { Self.usage("--timeout takes seconds") }()
            case "--crashes": crashes = value
            default: Self.usage("unknown option \(flag)")
            }
        }
    }

    static func number(_ text: String, _ flag: String) -> UInt64 {
        guard let n = UInt64(text.replacingUnderscores()) else { usage("\(flag) takes a whole number") }
        return n
    }

    static func usage(_ problem: String) -> Never {
        printError("warraq-fuzz: \(problem)\nusage: warraq-fuzz [--cases N] [--seed S] [--start I] [--max-size BYTES] [--batch N] [--workers N] [--timeout SECONDS] [--crashes DIR]")
        exit(2)
    }
}

extension String {
    func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}

func printError(_ text: String) {
    let line = Array((text + "\n").utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// What a child reports through its pipe: the case it starts, each broken promise, and the
/// documents read when the batch is done.
enum Record {
    static let starting: UInt64 = 1
    static let finished: UInt64 = 2
    static let brokenPromise: UInt64 = 3

    static func send(_ fd: Int32, _ tag: UInt64, _ a: UInt64, _ b: UInt64) {
        var words = [tag, a, b]
        _ = words.withUnsafeMutableBytes { write(fd, $0.baseAddress, $0.count) }
    }
}

/// A child running cases `next..<end`, and what the parent last heard from it.
struct Child {
    var pid: pid_t
    var fd: Int32
    var current: UInt64
    var end: UInt64
    var lastHeard: Double
    var buffer: [UInt8] = []
    var finished = false
}

/// The parent: hands out batches, watches its children, and keeps the tallies.
struct Fuzzer {
    let settings: Settings
    let maker: FuzzCaseMaker
    var children: [Child] = []
    var crashes = 0, hangs = 0, violations: UInt64 = 0, documents: UInt64 = 0

    init(_ settings: Settings) {
        self.settings = settings
        maker = FuzzCaseMaker(corpus: FuzzCorpus(), seed: settings.seed, maximumSize: settings.maximumSize)
    }

    /// Runs `first..<last` in this (child) process, reporting each case before it starts.
    func runBatch(_ first: UInt64, _ last: UInt64, reportingTo fd: Int32) -> Never {
        var documents: UInt64 = 0
        for index in first..<last {
            Record.send(fd, Record.starting, index, 0)
            let fuzzCase = maker.make(index)
            let outcome = FuzzExecutor.run(fuzzCase.bytes, reader: FuzzTargets.reader(named: fuzzCase.reader)!)
            documents += UInt64(outcome.documents)
            if !outcome.violations.isEmpty {
                Record.send(fd, Record.brokenPromise, index, 0)
                printError("warraq-fuzz: case \(index) (\(fuzzCase.reader), \(fuzzCase.strategy)): \(outcome.violations.joined(separator: "; "))")
            }
        }
        Record.send(fd, Record.finished, documents, 0)
        _exit(0)
    }

    func spawn(_ first: UInt64, _ last: UInt64) -> Child {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { Settings.usage("pipe failed") }
        let pid = fork()
        if pid == 0 {
            close(fds[0])
            runBatch(first, last, reportingTo: fds[1])
        }
        guard pid > 0 else { Settings.usage("fork failed") }
        close(fds[1])
        return Child(pid: pid, fd: fds[0], current: first, end: last, lastHeard: now())
    }

    /// Saves the input of a case that crashed or hung, for a regression fixture.
    func save(_ index: UInt64, _ what: String) {
        let fuzzCase = maker.make(index)
        let directory = "\(settings.crashes)/\(fuzzCase.reader)"
        for path in [settings.crashes, directory] { mkdir(path, 0o755) }
        let path = "\(directory)/\(what)-seed\(settings.seed)-case\(index)"
        if let file = fopen(path, "wb") {
            _ = fuzzCase.bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
            fclose(file)
        }
        printError("warraq-fuzz: \(what) in case \(index) (\(fuzzCase.reader), \(fuzzCase.strategy), \(fuzzCase.bytes.count) bytes) → \(path)")
    }

    /// Reads what a child sent; false at the end of its pipe.
    mutating func drain(_ child: inout Child) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 4_096)
        let n = chunk.withUnsafeMutableBytes { read(child.fd, $0.baseAddress, $0.count) }
        if n <= 0 { return false }
        child.buffer += chunk[0..<n]
        child.lastHeard = now()
        while child.buffer.count >= 24 {
            let words = child.buffer.prefix(24).withUnsafeBytes { raw in (0..<3).map { raw.load(fromByteOffset: $0 * 8, as: UInt64.self) } }
            child.buffer.removeFirst(24)
            if words[0] == Record.starting {
                child.current = words[1]
            } else if words[0] == Record.brokenPromise {
                violations += 1
            } else if words[0] == Record.finished {
                documents += words[1]
                child.finished = true
            }
        }
        return true
    }

    /// Reaps a child whose pipe closed or who hung; the rest of its batch goes to a new child.
    mutating func reap(_ child: Child, hung: Bool) {
        if hung { kill(child.pid, SIGKILL) }
        close(child.fd)
        var status: Int32 = 0
        waitpid(child.pid, &status, 0)
        let signalled = (status & 0x7F) != 0
        if child.finished && !signalled { return }
        if hung {
            hangs += 1
            save(child.current, "hang")
        } else {
            crashes += 1
            save(child.current, signalled ? "crash-signal\(status & 0x7F)" : "crash-exit\((status >> 8) & 0xFF)")
        }
        if child.current + 1 < child.end { children.append(spawn(child.current + 1, child.end)) }
    }

    mutating func run() {
        let end = settings.start + settings.cases
        var next = settings.start
        let began = now()
        var lastReport = began
        while next < end || !children.isEmpty {
            while children.count < settings.workers, next < end {
                let last = min(end, next + settings.batch)
                children.append(spawn(next, last))
                next = last
            }
            var polls = children.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
            _ = poll(&polls, nfds_t(polls.count), 200)
            var still: [Child] = []
            let running = children
            children = []
            for (i, var child) in running.enumerated() {
                if polls[i].revents != 0, !drain(&child) {
                    reap(child, hung: false)
                } else if now() - child.lastHeard > settings.timeout {
                    reap(child, hung: true)
                } else {
                    still.append(child)
                }
            }
            children += still
            if now() - lastReport > 30 {
                lastReport = now()
                printError("warraq-fuzz: \(Int(lastReport - began)) s, working below case \(next), \(crashes) crashes, \(hangs) hangs so far")
            }
        }
        let seconds = now() - began
        let rate = Double(settings.cases) / max(seconds, 1e-9)
        print("warraq-fuzz: \(settings.cases) cases (seed \(settings.seed), from \(settings.start), inputs ≤ \(settings.maximumSize) bytes, \(settings.workers) worker\(settings.workers == 1 ? "" : "s")) in \(Int(seconds)) s: \(Int(rate)) cases/s; \(crashes) crashes, \(hangs) hangs, \(violations) broken promises; \(documents) documents read")
        exit(crashes + hangs == 0 && violations == 0 ? 0 : 1)
    }
}

var fuzzer = Fuzzer(Settings(Array(CommandLine.arguments.dropFirst())))
fuzzer.run()
