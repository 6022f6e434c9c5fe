import WarraqCore

/// Splits a dump's classified lines into articles.
///
/// A heading line after body text starts a new article; the last heading before the first
/// paragraph is the title, an earlier one the section. After a related label, headings are
/// related-article titles, until one is followed by at least two paragraphs: that is an article.
/// Every line lands in exactly one document: in its body or metadata, its related list or its
/// removed list.
///
/// Lines stream through: each is judged once `LineEchoes.window` lines after it have come (or
/// the dump has ended), and only that many are kept on either side. A finished draft goes on
/// to `ThinArticles`, which hands back the articles it is sure of.
struct ArticleAssembler {
    private var lines = LineWindow()
    /// The position of the next line to judge.
    private var nextPosition = 0
    private let datelines: DatelineParser
    private let dates: NewsDateParser
    private let furniture: HeadlineFurniture
    /// The last draft is the article still open; earlier ones are passed on to `thin`.
    private var drafts: [Draft] = []
    private var thin = ThinArticles()
    /// What has been gathered for an article whose first paragraph has not come yet.
    private var pending = Draft()
    /// Lines before an article's first paragraph: its title among them, and before the first
    /// article also short paragraphs (notices, teasers) too slight to open one.
    private var heads: [ScrapeLine] = []
    /// Positions of heads printed again elsewhere in the dump: likely titles.
    private var echoedHeads: Set<Int> = []
    /// Positions of heads that may be echoed but have not been looked at yet. An echo only
    /// decides between headings when an article opens, and most open after a single one, so
    /// it is looked for then; the window keeps the lines these need.
    private var unjudgedEchoes: [Int] = []
    /// A date line held until its article's title is known, with its date and the text of it.
    private typealias HeldDate = (line: ScrapeLine, match: NewsDateParser.Match, dateText: String)
    private var heldDates: [HeldDate] = []
    private var lastCaption: String?
    /// Input lines of headings at the margin of an indented dump (`MarginHeadings`), from the
    /// first line of the articles not yet handed on.
    private var marginLines: Set<Int> = []
    private var inRelated = false
    private var relatedItemsInBlock = 0
    private var expectingLead = false
    private var lastRelatedTitleWords = 0
    private var lastRelatedCaption: String?
    /// The position of the first scrape line of the input line being added.
    private var inputLineStart = 0

    /// How many paragraphs after a heading in a related block make it an article instead.
    static let articleParagraphs = 2
    /// The narrowest paragraph (in columns) that opens the first article; shorter ones before it
    /// are notices and teasers.
    static let openingWidth = 80
    /// How many of the last headings before an article's text may be its title when one of them
    /// is echoed elsewhere.
    static let titleReach = 4
    /// How many paragraphs into an article a byline's date is still the article's.
    static let bylineParagraphs = 3
    /// How many lines a date may stand from the title and still be the article's date.
    static let dateDistance = 3
    /// How many lines after a head its echo is looked for at the latest, so that the window
    /// need not keep the lines around it for long.
    static let echoDelay = 1024

    init(classifier: LineClassifier) {
        datelines = classifier.datelines
        dates = classifier.dates
        furniture = HeadlineFurniture(classifier: classifier)
    }

    /// Takes a scrape line made from the input line being added (ad markers first, then its text).
    mutating func add(_ line: consuming ScrapeLine) {
        if line.atMargin { marginLines.insert(line.number) }
        line.position = lines.end
        line.firstPosition = inputLineStart
        let echo = LineEchoes.key(line)
        lines.append(line, echo: echo)
    }

    /// Ends the input line's scrape lines: the lines that have enough after them now are judged.
    mutating func endInputLine() {
        inputLineStart = lines.end
        while nextPosition + LineEchoes.window <= lines.end { takeNext() }
    }

    /// Articles finished since the last call, in order.
    mutating func takeArticles() -> [Draft] {
        var articles = thin.takeArticles()
        for index in articles.indices { finish(&articles[index]) }
        if let last = articles.last?.lines?.last { marginLines = marginLines.filter { $0 > last } }
        return articles
    }

    /// Ends the dump: judges the lines left and returns the last articles.
    mutating func finish() -> [Draft] {
        while nextPosition < lines.end { takeNext() }
        finishDrafts()
        handOn(keeping: 0)
        var articles = thin.finish()
        for index in articles.indices { finish(&articles[index]) }
        return articles
    }

    /// An article as it leaves: its headline judged again, a date near it found, the page after
    /// its text removed. Judged in place: a draft copied retains every string and array it holds.
    private func finish(_ draft: inout Draft) {
        draft = HeadlineJudge.retitled(consume draft, margin: marginLines, furniture: furniture)
        HeadlineDate.date(&draft, dates: dates)
        ArticleTail.trim(&draft)
    }

    /// Moves the drafts but the last `kept` on to `thin` (`removeFirst` would copy each out).
    private mutating func handOn(keeping kept: Int) {
        while drafts.count > kept { thin.add(drafts.remove(at: 0)) }
    }

    private mutating func takeNext() {
        take(nextPosition)
        nextPosition += 1
        while let oldest = unjudgedEchoes.first, oldest + Self.echoDelay < nextPosition {
            unjudgedEchoes.removeFirst()
            if LineEchoes.isEchoed(oldest, in: lines) { echoedHeads.insert(oldest) }
        }
        lines.forget(before: min(nextPosition, unjudgedEchoes.first ?? nextPosition) - LineEchoes.window)
        handOn(keeping: 1)
    }

    private var started: Bool { !heads.isEmpty || drafts.isEmpty }

    /// The draft that takes removals and metadata now.
    private mutating func withCurrent(_ body: (inout Draft) -> Void) {
        if started || drafts.isEmpty {
            body(&pending)
        } else {
            body(&drafts[drafts.count - 1])
        }
    }

    /// Removes the line at `index` (its text, or `text` when given).
    private mutating func remove(_ index: Int, _ reason: RemovalReason, text: String? = nil) {
        let text = text ?? lines[index].text
        let range = lines[index].lines
        withCurrent { $0.remove(text, reason, lines: range) }
    }

    /// Judges the line at `index`, read where it lies in the window (a copy of a line retains
    /// each of its strings) but where a rare kind takes it whole.
    private mutating func take(_ index: Int) {
        switch lines[index].kind {
        case .boilerplate(let reason):
            remove(index, reason)
        case .relatedLabel:
            remove(index, .navigation)
            if !drafts.isEmpty {
                inRelated = true
                relatedItemsInBlock = 0
                expectingLead = false
            }
        // A labelled line becomes a field; the line itself, label and all, is kept as `metadata`.
        case .keywords(let words):
            withCurrent { $0.keywords += words }
            remove(index, .metadata)
        case .publisher(let name):
            withCurrent { $0.publisher = $0.publisher ?? name }
            remove(index, .metadata)
        case .author(let name):
            withCurrent { $0.authors.append(name) }
            remove(index, .metadata)
        case .labeledDate(let match, let text):
            withCurrent { draft in
                draft.date = draft.date ?? match.iso
                draft.dateText = draft.dateText ?? text
            }
            remove(index, .metadata)
        case .date(let match, let dateText, let rest):
            if let rest { remove(index, .navigation, text: rest) }
            if drafts.isEmpty || started {
                heldDates.append((lines[index], match, dateText))
            } else {
                remove(index, .boilerplate, text: dateText)
            }
        case .dateline(let dateline):
            if inRelated {
                remove(index, .related)
            } else {
                let line = lines[index]
                withCurrent { draft in
                    if draft.dateline == nil {
                        draft.dateline = dateline
                        draft.claim(line.text, lines: line.lines)
                    } else {
                        draft.remove(line.text, .duplicate, lines: line.lines)
                    }
                }
            }
        case .caption(let caption, let credit):
            let text = lines[index].text
            if inRelated {
                lastRelatedCaption = text
                remove(index, .related)
            } else if let lastCaption, TextShape.same(lastCaption, text) {
                remove(index, .duplicate)
            } else {
                lastCaption = text
                let range = lines[index].lines
                withCurrent { $0.append(.figure(Figure(caption: caption, credit: credit)), lines: range) }
            }
        case .embedLink(let url):
            embed(index, url: url)
        case .bylineDate(let match, let dateText):
            if !takeBylineDate(lines[index], iso: match.iso, dateText: dateText) { heading(index) }
        case .heading where LineEchoes.isLayout(index, in: lines):
            remove(index, .boilerplate)
        case .heading:
            heading(index)
        case .paragraph:
            paragraph(index)
        }
    }

    /// Reads the line where it lies in the window, copied only into `heads`: a copy retains
    /// each of its strings.
    private mutating func heading(_ index: Int) {
        let text = lines[index].text
        if inRelated {
            if paragraphsAhead(index) >= Self.articleParagraphs {
                inRelated = false
                if relatedItemsInBlock == 0 {
                    drafts[drafts.count - 1].related.append(RelatedItem(title: TextShape.unquoted(text)))
                }
                heads = [lines[index]]
                unjudgedEchoes = []
                pending.afterRelatedLabel = true
            } else if expectingLead, lines[index].wordCount > lastRelatedTitleWords {
                // A teaser's lead runs longer than its title; a shorter line is the next title.
                expectingLead = false
                remove(index, .related)
            } else {
                relatedTitle(index)
            }
            return
        }
        // Asked of the heads where they lie: `contains(where:)` would copy each one out.
        if heads.indices.contains(where: { TextShape.same(heads[$0].text, text) }) {
            remove(index, .duplicate)
        } else if !started, drafts[drafts.count - 1].paragraphs > 0, !startsArticle(index) {
            drafts[drafts.count - 1].append(.heading(Heading(level: 2, text: text)), lines: lines[index].lines)
        } else {
            if case .heading = lines[index].kind {
                // Four headings after it, a head is out of the title's reach for good.
                if unjudgedEchoes.count == Self.titleReach { unjudgedEchoes.removeFirst() }
                unjudgedEchoes.append(index)
            }
            heads.append(lines[index])
        }
    }

    /// Takes a byline's date as the article's when it has none and its text has barely begun.
    private mutating func takeBylineDate(_ line: ScrapeLine, iso: String, dateText: String) -> Bool {
        var taken = false
        withCurrent { draft in
            guard draft.date == nil, draft.paragraphs <= Self.bylineParagraphs else { return }
            draft.date = iso
            draft.dateText = dateText
            draft.remove(line.text, .metadata, lines: line.lines)
            taken = true
        }
        return taken
    }

    /// Whether a heading after body text opens a new article rather than a section of this one.
    /// Feeds and multi-article pages show it: the last paragraph was a teaser cut with `…`, the
    /// heading is printed again (not on the very next line), or the next paragraph opens with an
    /// ad marker or a dateline.
    /// (A quoted heading is no sign: articles quote their speakers in section headings.)
    private func startsArticle(_ index: Int) -> Bool {
        // The window's lines are read where they lie: a copy retains each of a line's strings.
        let text = lines[index].text
        if case .paragraph(let last) = drafts[drafts.count - 1].body.last(where: { if case .paragraph = $0 { true } else { false } }),
           Self.isCut(last.text) {
            return true
        }
        for position in lines.positions((index + 1)..<(index + 13)) {
            // Printed twice in a row it is a photo's alt text and caption, as w3m prints both.
            if TextShape.same(lines[position].text, text) {
                if position == index + 1 { continue }
                return true
            }
            switch lines[position].kind {
            case .paragraph:
                let marked = lines.positions(lines[position].firstPosition..<position).contains { lines[$0].kind.isAdMarker }
                return marked || datelines.opening(lines[position].raw) != nil
            case .heading: return false
            default: continue
            }
        }
        return false
    }

    /// Whether a paragraph ends with `…` or `...`, a teaser's cut. Its last three bytes are
    /// tested first, and when the dots stand alone (see `TextShape.standsAlone`), as nearly
    /// always, they are the cut; only then is the text asked by `Character`, which may take
    /// the dots in with a sign prepended to them.
    static func isCut(_ text: String) -> Bool {
        let endsInDots: Bool? = UTF8Scalars.withBytes(text) { bytes in
            guard bytes.count >= 3 else { return false }
            let start = bytes.count - 3
            let last = (bytes[start], bytes[start + 1], bytes[start + 2])
            let ellipsis = last == (0xE2, 0x80, 0xA6)
            guard ellipsis || last == (0x2E, 0x2E, 0x2E) else { return false }
            return TextShape.standsAlone(bytes, at: start, length: ellipsis ? 3 : 1) ? true : nil
        }
        return endsInDots ?? (text.hasSuffix("…") || text.hasSuffix("..."))
    }

    private mutating func relatedTitle(_ position: Int) {
        let text = lines[position].text, range = lines[position].lines
        var title = TextShape.unquoted(text)
        var section: String?
        if let caption = lastRelatedCaption, let split = Self.sectionLabel(caption: caption, title: title) {
            section = split.section
            title = split.title
        }
        lastRelatedCaption = nil
        lastRelatedTitleWords = lines[position].wordCount
        let index = drafts.count - 1
        if drafts[index].related.contains(where: { $0.title == title }) {
            drafts[index].remove(text, .duplicate, lines: range)
        } else {
            drafts[index].related.append(RelatedItem(title: title, section: section))
            drafts[index].take(range)
            relatedItemsInBlock += 1
        }
        expectingLead = true
    }

    /// The most words a section label printed before a teaser's caption and title has.
    static let sectionWords = 3

    /// A section label printed before both the teaser's caption and its title, and the title
    /// after it, when at least three words are left. Only the first words are split off to be
    /// compared (a caption runs on), and the whole title only when they share a label.
    static func sectionLabel(caption: String, title: String) -> (section: String, title: String)? {
        let compared = sectionWords + 1
        let captionWords = caption.split(separator: " ", maxSplits: compared).prefix(compared)
        let titleLead = title.split(separator: " ", maxSplits: compared).prefix(compared)
        let shared = zip(captionWords, titleLead).prefix { $0 == $1 }.count
        guard (1...sectionWords).contains(shared) else { return nil }
        let titleWords = title.split(separator: " ")
        guard titleWords.count - shared >= 3 else { return nil }
        return (titleWords.prefix(shared).joined(separator: " "), titleWords.dropFirst(shared).joined(separator: " "))
    }

    /// Paragraphs after a heading before the next heading that is not its echo, counted up to
    /// `articleParagraphs` within the lines the window holds.
    private func paragraphsAhead(_ index: Int) -> Int {
        let title = lines[index].text
        var count = 0
        for position in lines.positions((index + 1)..<lines.end) {
            switch lines[position].kind {
            case .paragraph:
                count += 1
                if count == Self.articleParagraphs { return count }
            case .heading where !TextShape.same(lines[position].text, title): return count
            case .relatedLabel: return count
            default: continue
            }
        }
        return count
    }

    private mutating func paragraph(_ position: Int) {
        if inRelated {
            expectingLead = false
            remove(position, .related)
            return
        }
        var text = lines[position].text
        if drafts.isEmpty, DisplayWidth.of(Substring(text), upTo: Self.openingWidth) < Self.openingWidth {
            heads.append(lines[position])
            return
        }
        if started { startArticle() }
        var words = lines[position].wordCount
        let range = lines[position].lines
        let index = drafts.count - 1
        if drafts[index].paragraphs == 0, drafts[index].dateline == nil, let (dateline, rawRest) = datelines.opening(lines[position].raw),
           case let rest = FoldedTail.of(rawRest, in: text, words: words), !rest.text.isEmpty {
            drafts[index].dateline = dateline
            drafts[index].claim(dateline.text, lines: range)
            (text, words) = rest
        }
        drafts[index].appendParagraph(text, words: words, lines: range)
        drafts[index].paragraphs += 1
    }

    /// Opens an article: the last heading is its title, the first (when there are more) its
    /// section, headings between are navigation; a held date near the title is its date.
    /// The article is the draft gathered so far (`pending`, which holds no title, section or
    /// paragraph), taken over whole: what the heads and dates add follows in each of its lists,
    /// and a date held near the title comes before the one it gathered.
    private mutating func startArticle() {
        let title = titleHead()
        // Opened where it stays: a draft made aside and appended was copied, each of its strings
        // and arrays retained.
        drafts.append(Draft())
        swap(&drafts[drafts.count - 1], &pending)
        Self.open(&drafts[drafts.count - 1], heads: heads, title: title, heldDates: heldDates)
        // Emptied in place: the next article's heads fill the same storage.
        heads.removeAll(keepingCapacity: true)
        echoedHeads.removeAll(keepingCapacity: true)
        unjudgedEchoes.removeAll(keepingCapacity: true)
        heldDates.removeAll(keepingCapacity: true)
        lastCaption = nil
    }

    /// The head that is the title: the last heading, or when there are more, the last echoed one
    /// among the last `titleReach` (a lone heading is the title, echoed or not). Found walking
    /// back from the end, without gathering the headings in an array.
    private func titleHead() -> Int? {
        func isHeading(_ index: Int) -> Bool { if case .heading = heads[index].kind { true } else { false } }
        guard let last = heads.indices.last(where: isHeading) else { return nil }
        guard heads.indices[..<last].contains(where: isHeading) else { return last }
        var reached = 0
        for index in heads.indices.reversed() where isHeading(index) {
            if isEchoedHead(heads[index].position) { return index }
            reached += 1
            if reached == Self.titleReach { break }
        }
        return last
    }

    /// Fills an article's draft from the heads before its text (`title` the title's index)
    /// and the dates held near them. The heads are read where they lie: a copy retains each of
    /// a line's strings.
    private static func open(_ draft: inout Draft, heads: [ScrapeLine], title titleIndex: Int?, heldDates: [HeldDate]) {
        if let titleIndex {
            draft.title = TextShape.unquoted(heads[titleIndex].text)
            draft.titleLine = heads[titleIndex].number
            draft.claim(heads[titleIndex].text, lines: heads[titleIndex].lines)
            for index in 0..<titleIndex {
                if index == 0, heads[index].wordCount <= 5, case .heading = heads[index].kind {
                    draft.section = heads[index].text
                    draft.claim(heads[index].text, lines: heads[index].lines)
                } else {
                    draft.remove(heads[index].text, .navigation, lines: heads[index].lines)
                }
            }
        }
        // What stands between the title and the text (a standfirst, a kicker) is text too.
        for index in ((titleIndex ?? -1) + 1)..<heads.count {
            draft.appendParagraph(heads[index].text, words: heads[index].wordCount, lines: heads[index].lines)
        }
        let titlePosition = titleIndex.map { heads[$0].firstPosition } ?? heldDates.last?.line.firstPosition ?? 0
        // The held date nearest the title, if near enough, is the article's; others are the page's.
        func distance(_ line: ScrapeLine) -> Int { max(abs(line.firstPosition - titlePosition) - 1, 0) }
        let nearest = heldDates.indices.min { distance(heldDates[$0].line) < distance(heldDates[$1].line) }
        for index in heldDates.indices {
            if index == nearest, distance(heldDates[index].line) <= dateDistance {
                draft.date = heldDates[index].match.iso
                draft.dateText = heldDates[index].dateText
                draft.claim(heldDates[index].dateText, lines: heldDates[index].line.lines)
            } else {
                draft.remove(heldDates[index].dateText, .boilerplate, lines: heldDates[index].line.lines)
            }
        }
    }

    /// Whether the head at `position` is printed again, looked for now if it was not yet.
    private func isEchoedHead(_ position: Int) -> Bool {
        echoedHeads.contains(position) || (unjudgedEchoes.contains(position) && LineEchoes.isEchoed(position, in: lines))
    }

    /// A link to an embedded post: with the text glued to the previous paragraph (`".` then the
    /// tweet), one embed block.
    private mutating func embed(_ position: Int, url: String?) {
        guard !drafts.isEmpty, !started else {
            remove(position, .widget)
            return
        }
        let line = lines[position]
        let index = drafts.count - 1
        var text = line.text
        if let lastLine = drafts[index].bodyLines.last, lastLine.last < line.number,
           case .paragraph(let paragraph) = drafts[index].body.last,
           let split = Self.gluedTail(paragraph.text) {
            drafts[index].body[drafts[index].body.count - 1] = .paragraph(Paragraph(text: split.head))
            drafts[index].paragraphWords += TextShape.wordCount(split.head) - TextShape.wordCount(paragraph.text)
            text = split.tail + " " + text
        }
        drafts[index].append(.embed(Embed(text: text, url: url)), lines: line.lines)
    }

    /// Splits `…الدستوري".الكرملين: …` after the last sentence end glued to a following letter.
    static func gluedTail(_ text: String) -> (head: String, tail: String)? {
        var best: String.Index?
        let utf8 = text.utf8
        // The stops are found on the bytes; only there are `Character`s looked at, and only
        // when the stop starts one (the `Character` before it does not take it in).
        for offset in stopOffsets(text) {
            let index = utf8.index(utf8.startIndex, offsetBy: offset)
            guard index > text.startIndex, TextShape.sentenceEnds.contains(text[index]) || TextShape.questionMarks.contains(text[index]) else { continue }
            let next = text.index(after: index)
            guard text.index(before: next) == index else { continue }
            // Not after a capital, so that "U.S.A" is not split.
            if next < text.endIndex, text[next].isLetter, !text[text.index(before: index)].isUppercase {
                best = next
            }
        }
        guard let best else { return nil }
        let tail = String(text[best...]).trimmingWhitespace()
        guard hasThreeWords(tail) else { return nil }
        return (String(text[..<best]).trimmingWhitespace(), tail)
    }

    /// Whether the trimmed text has three words, split at `Character`s that are a space.
    /// Told on the bytes when its first two spaces are a word apart and stand alone (see
    /// `TextShape.standsAlone`), as nearly always; a text with fewer spaces has fewer words.
    /// Only the first words are looked at: the tail of a long paragraph is not split whole.
    static func hasThreeWords(_ text: String) -> Bool {
        let onBytes: Bool? = UTF8Scalars.withBytes(text) { bytes in
            guard let first = ByteSearch.first(0x20, in: bytes, from: 0, before: bytes.count) else { return false }
            guard let second = ByteSearch.first(0x20, in: bytes, from: first + 1, before: bytes.count) else { return false }
            guard first > 0, second > first + 1, second < bytes.count - 1,
                  TextShape.standsAlone(bytes, at: first, length: 1), TextShape.standsAlone(bytes, at: second, length: 1) else { return nil }
            return true
        }
        return onBytes ?? (text.split(separator: " ", maxSplits: 2).count >= 3)
    }

    /// The byte offsets of the scalars that end a sentence or a question (`sentenceEnds` and
    /// `questionMarks` are single scalars) with something glued on: one followed by a space or
    /// by nothing has no letter after it to split at.
    private static func stopOffsets(_ text: String) -> [Int] {
        UTF8Scalars.withBytes(text) { bytes in
            var offsets: [Int] = []
            var offset = 0
            while offset < bytes.count {
                let (value, length) = UTF8Scalars.decode(bytes, at: offset)
                if TextShape.isSentenceEnd(value) || TextShape.isQuestionMark(value), offset + length < bytes.count, bytes[offset + length] != 0x20 { offsets.append(offset) }
                offset += length
            }
            return offsets
        }
    }

    /// Headings and dates never followed by a paragraph go to the last article as removed.
    private mutating func finishDrafts() {
        if drafts.isEmpty {
            guard !heads.isEmpty || pending.lines != nil || !heldDates.isEmpty else { return }
            var draft = Draft()
            for head in heads {
                draft.appendParagraph(head.text, words: head.wordCount, lines: head.lines)
            }
            for held in heldDates { draft.remove(held.dateText, .boilerplate, lines: held.line.lines) }
            draft.absorb(pending)
            drafts.append(draft)
            return
        }
        var last = drafts.removeLast()
        for head in heads { last.remove(head.text, .boilerplate, lines: head.lines) }
        for held in heldDates { last.remove(held.dateText, .boilerplate, lines: held.line.lines) }
        let body = pending.body
        for (block, line) in zip(body, pending.bodyLines) { last.remove(block.plainText, .boilerplate, lines: line) }
        pending.body = []
        pending.bodyLines = []
        pending.paragraphWords = 0
        last.absorb(pending)
        drafts.append(last)
    }
}

extension LineKind {
    var isAdMarker: Bool {
        if case .boilerplate(.ad) = self { return true }
        return false
    }
}
