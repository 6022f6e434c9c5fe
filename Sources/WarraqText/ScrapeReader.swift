import WarraqCore

/// Reads raw scrape dumps: copied page text with no markup, several articles to a file, ads,
/// tickers, captions printed twice. Yields one document per article, everything it drops kept in
/// `removed` with a reason and its line.
///
/// It streams: lines are read, joined, classified and assembled as they come, and an article is
/// yielded as soon as the lines after it show it has ended, so memory follows the longest
/// article, not the dump.
public struct ScrapeReader: DocumentReader {
    /// The format with the built-in profile.
    public static let format = format(profile: .builtIn)

    /// The format with a profile that user files have extended.
    public static func format(profile: ScrapeProfile) -> ReaderFormat {
        let classifier = BuiltOnFirstUse { unshared in LineClassifier(profile: unshared ? profile.unsharedCopy() : profile) }
        let recentTables = RecentLines.Pool()
        return ReaderFormat(
            name: "scrape",
            summary: "raw scrape dumps: articles, titles, dates, datelines, captions and boilerplate found",
            extensions: ["txt"],
            mediaTypes: ["text/x-scrape"],
            example: "warraq convert -f scrape dump.txt --profile mysite.yaml"
        ) { input, _ in try ScrapeReader(input, classifier: classifier.value, recentTables: recentTables) }
    }

    /// How many physical lines the wrap column is judged on before any is joined: a page dump
    /// is far shorter, so it is judged whole.
    static let wrapSample = 4096

    private let input: Input
    private let profile: ScrapeProfile
    private let classifier: LineClassifier
    private let sha256: String
    /// `input.stem`, which every document's id starts with: worked out once per input.
    private let stem: String
    private var source: DecodedLines
    private var joiner: WrapJoiner?
    /// Whether the dump's text is indented, so that lines at the margin are headings (judged on
    /// the sample, with the wrap column).
    private var indented = false
    /// Physical lines read before the wrap column is known: the input's first, so each one's
    /// number is its index plus one.
    private var sample: [Substring] = []
    private var assembler: ArticleAssembler
    /// Short lines classified lately, which a dump often repeats: taken from `recentTables` and
    /// given back there when the input ends.
    private var recent: RecentLines
    private let recentTables: RecentLines.Pool
    private var ready: [Draft] = []
    /// How many of `ready`'s drafts are made into documents: they are taken by index, as
    /// `remove(at: 0)` moves every draft after the first.
    private var taken = 0
    private var made = 0
    private var ended = false

    public init(_ input: Input, profile: ScrapeProfile = .builtIn) throws {
        try self.init(input, classifier: LineClassifier(profile: profile), recentTables: RecentLines.Pool())
    }

    /// A reader with a classifier already built, and the tables of lines it classified: a
    /// run's inputs share them.
    init(_ input: Input, classifier: LineClassifier, recentTables: RecentLines.Pool) throws {
        let replay = try InputReplay(input)
        self.input = input
        self.profile = classifier.profile
        self.classifier = classifier
        self.sha256 = replay.sha256
        self.stem = input.stem
        self.source = try DecodedLines(replay)
        self.assembler = ArticleAssembler(classifier: classifier)
        self.recentTables = recentTables
        self.recent = recentTables.take()
    }

    public mutating func next() throws -> Document? {
        if taken == ready.count {
            ready.removeAll(keepingCapacity: true)
            taken = 0
        }
        while ready.isEmpty, !ended { try readMore() }
        guard !ready.isEmpty else { return nil }
        made += 1
        // Swapped out first: a copy retains each of its strings and arrays, and taking it in
        // the call's arguments would copy the whole reader.
        var draft = Draft()
        swap(&draft, &ready[taken])
        taken += 1
        return Self.document(&draft, id: Self.id(stem: stem, number: made), path: input.path, sha256: sha256)
    }

    /// `stem#number`, appended in place: an interpolation sets up a buffer of its own.
    private static func id(stem: String, number: Int) -> String {
        var id = stem
        id.append("#")
        id.append(String(number))
        return id
    }

    public mutating func takeDiagnostics() -> [Diagnostic] {
        source.takeProblems().map { Diagnostic(path: input.path, $0, severity: .warning) }
    }

    /// Reads input lines until an article is finished or the input ends.
    private mutating func readMore() throws {
        guard let (number, line) = try source.next() else {
            if joiner == nil { startJoining() }
            if let logical = joiner?.finish() { addScrapeLines(of: logical) }
            handOn(assembler.finish())
            ended = true
            // Its lines all read, the table goes on to the next input (an empty one stays, to
            // keep nothing in two places).
            var table = RecentLines()
            swap(&table, &recent)
            recentTables.give(table)
            return
        }
        if var joiner {
            self.joiner = nil
            if let logical = joiner.push(line, width: WrapJoiner.width(line), number: number) {
                addScrapeLines(of: logical)
                handOn(assembler.takeArticles())
            }
            self.joiner = joiner
        } else {
            sample.append(line)
            if sample.count == Self.wrapSample { startJoining() }
        }
    }

    /// Puts finished drafts in `ready`, taking their array when `ready` is empty, as it nearly
    /// always is: appending would copy each draft, retaining all it holds, and free the source.
    private mutating func handOn(_ drafts: consuming [Draft]) {
        if ready.isEmpty { ready = drafts } else { ready += drafts }
    }

    /// Judges the wrap column on the sample, then joins the sample's lines.
    private mutating func startJoining() {
        let widths = sample.map(WrapJoiner.width)
        var joiner = WrapJoiner(column: WrapJoiner.wrapColumn(sample, widths: widths))
        indented = MarginHeadings.isIndented(sample, widths: widths)
        for index in sample.indices {
            if let logical = joiner.push(sample[index], width: widths[index], number: index + 1) {
                addScrapeLines(of: logical)
            }
        }
        ready += assembler.takeArticles()
        sample = []
        self.joiner = joiner
    }

    /// Hands the assembler one logical line's scrape lines: the ad markers and link numbers
    /// taken out of it, then its text (a link list's address line is navigation as it stands).
    /// Added one by one, not gathered in an array first: most logical lines make one. A line
    /// read lately (`recent`) is not classified again.
    private mutating func addScrapeLines(of logical: LogicalLine) {
        defer { assembler.endInputLine() }
        // Taken out once: each use of the logical line's fields would copy it.
        let (lines, raw) = (logical.lines, logical.raw)
        let atMargin = indented && !MarginHeadings.startsWithSpace(raw)
        let place = RecentLines.place(of: raw)
        if let place, let known = recent.line(at: place, raw) {
            assembler.add(ScrapeLine(lines: lines, text: known.text, raw: raw, kind: known.kind, wordCount: known.wordCount, atMargin: atMargin))
            return
        }
        // The fold counts the words and, while the raw text is the line as read, tells its
        // spacing; a marker taken out may widen a gap.
        let spaced = FoldedSpaces(raw)
        var text = spaced.text
        var wordCount = spaced.words
        var rawText = raw
        // At most this many wide gaps (see `TextShape.wideGaps`) in the raw text, when known:
        // the fold counts them in a line spaced by ASCII spaces alone; a single-spaced line has none.
        let spacedGaps = spaced.wideGaps
        var wideGapsAtMost = spacedGaps ?? (spaced.wasSingleSpaced ? 0 : nil)
        // Whether the line makes no scrape line but the one of its text, which is then kept.
        var alone = true
        let adMarkers = holdsAdMarkerLead(text) ? profile.adMarkers : []
        for marker in adMarkers {
            // Searched once: the places found are those spaced. An empty marker, which a
            // profile may hold, is found nowhere and counts as found.
            let found = ByteSearch.offsets(of: marker, in: text)
            guard !found.isEmpty || marker.isEmpty else { continue }
            assembler.add(ScrapeLine(lines: lines, text: marker, raw: Substring(marker), kind: .boilerplate(.ad)))
            alone = false
            let spaced = FoldedSpaces(Self.spacing(marker, at: found, in: text[...]))
            (text, wordCount) = (spaced.text, spaced.words)
            let inRaw = ByteSearch.offsets(of: marker, in: rawText)
            rawText = Self.spacing(marker, at: inRaw, in: rawText)
            // A marker made a space joins the white space on either side into one run: each
            // adds one gap at most.
            wideGapsAtMost = wideGapsAtMost.map { $0 + inRaw.count }
        }
        if let (bare, markers) = LinkMarkers.stripped(text) {
            assembler.add(ScrapeLine(lines: lines, text: markers, raw: Substring(markers), kind: .boilerplate(.navigation)))
            alone = false
            let spaced = FoldedSpaces(Substring(bare))
            text = spaced.text
            wordCount = spaced.words
            rawText = Substring(LinkMarkers.stripped(String(rawText))?.text ?? String(rawText))
            // A link number is glued to the word after it: taken out of a line spaced by ASCII
            // spaces alone, it leaves the gaps as they were.
            if spacedGaps == nil { wideGapsAtMost = nil }
        }
        guard !text.isEmpty else { return }
        if LinkMarkers.isAddressLine(text) {
            assembler.add(ScrapeLine(lines: lines, text: text, raw: rawText, kind: .boilerplate(.navigation), wordCount: wordCount))
            return
        }
        let folded = classifier.fold(text, wordCount: wordCount)
        let kind = classifier.classify(text: text, wordCount: wordCount, folded: folded, raw: rawText, wideGapsAtMost: wideGapsAtMost)
        if alone, let place { recent.keep(RecentLines.Line(raw: String(raw), text: text, wordCount: wordCount, kind: kind), at: place) }
        assembler.add(ScrapeLine(lines: lines, text: text, raw: rawText, kind: kind, wordCount: wordCount, atMargin: atMargin))
    }

    /// Whether the text has a byte some ad marker starts with, found by `memchr`. Taking a
    /// marker out only adds spaces, so a text without one never comes to hold a marker.
    private func holdsAdMarkerLead(_ text: String) -> Bool {
        UTF8Scalars.withBytes(text) { bytes in
            classifier.adMarkerLeads.contains { ByteSearch.first($0, in: bytes, from: 0, before: bytes.count) != nil }
        }
    }

    /// The text with each occurrence of `marker` (left to right, not overlapping) a space, given
    /// the byte offsets where it occurs. Built from slices of the text, which need no UTF-8
    /// validation, as a string rebuilt from bytes would.
    private static func spacing(_ marker: String, at offsets: [Int], in text: Substring) -> Substring {
        let utf8 = text.utf8
        var out = ""
        out.reserveCapacity(utf8.count)
        var copied = utf8.startIndex
        for offset in offsets {
            let start = utf8.index(utf8.startIndex, offsetBy: offset)
            guard start >= copied else { continue }
            out.append(contentsOf: text[copied..<start])
            out.append(" ")
            copied = utf8.index(start, offsetBy: marker.utf8.count)
        }
        out.append(contentsOf: text[copied...])
        return out[...]
    }

    /// The document of a finished draft, its fields moved out of it: read, each would be
    /// retained, and released again as the draft ends. Static, so that the reader, whose fields
    /// hold many references, is not copied for each document.
    private static func document(_ draft: inout Draft, id: String, path: String, sha256: String) -> Document {
        Document(
            id: id,
            title: draft.title.take(),
            date: draft.date.take(),
            dateText: draft.dateText.take(),
            dateline: draft.dateline.take(),
            authors: moved(&draft.authors),
            publisher: draft.publisher.take(),
            section: draft.section.take(),
            keywords: moved(&draft.keywords),
            origin: Origin(path: path, format: "scrape", lines: draft.lines, sha256: sha256),
            body: moved(&draft.body),
            related: moved(&draft.related),
            removed: moved(&draft.removed)
        )
    }

    /// The list, left empty behind.
    private static func moved<Element>(_ list: inout [Element]) -> [Element] {
        var taken: [Element] = []
        swap(&taken, &list)
        return taken
    }
}
