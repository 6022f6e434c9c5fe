import WarraqCore

/// Picks a finished article's headline again, from where its running text starts. A text
/// browser's page dump opens with furniture (menus, notices, teasers, share bars) that can open
/// the article or crowd its title out; what stays true of every page is that the headline is the
/// widest heading-shaped line shortly before the text, and that breadcrumbs and share lines
/// ("Share this story: …") repeat it inside longer lines. Whatever body came before the new
/// headline is furniture and goes to `removed`; the old title line too.
enum HeadlineJudge {
    /// How many input lines before the running text the headline is looked for.
    static let reach = 40
    /// The narrowest paragraph, in columns, that running text is made of.
    static let textWidth = 80
    /// Candidates narrower than this are labels, not headlines.
    static let narrowest = 12
    /// The most words a headline has.
    static let mostWords = 30
    /// The narrowest candidate that a breadcrumb or share line can hold.
    static let heldWidth = 15
    /// The narrowest line whose repeat inside a longer line says it is the headline: a
    /// narrower one is a name (a site's, a section's) printed in footers and bylines too.
    static let echoWidth = 30
    /// Two prints of one line this close together are a photo and its caption.
    static let captionGap = 3

    /// Removal reasons under which a headline can have been put away: lines judged to be
    /// navigation, layout or teasers before the article's text was found. (A list: comparing
    /// four short strings is cheaper than hashing one for a set.)
    private static let candidateReasons: [RemovalReason] = [.navigation, .duplicate, .boilerplate, .related]

    private enum Source: Equatable {
        case title, body(Int), removed(Int)
    }

    private struct Candidate {
        var source: Source
        var text: String
        var lines: LineRange
        var width: Int
    }

    /// The draft with its best headline as title, when that is another line than its title.
    static func retitled(_ draft: consuming Draft, margin: Set<Int> = [], furniture: HeadlineFurniture) -> Draft {
        let bylines = self.bylines(draft, dates: furniture.dates)
        guard let start = textStart(draft, bylines: bylines) else { return draft }
        // With no other line to choose, the choice is not made: the title, a candidate in most
        // articles, is judged only when another line is one (in few).
        var found = others(draft, before: start, furniture: furniture)
        guard !found.isEmpty else { return draft }
        if let line = draft.titleLine, let claim = draft.claimed.first(where: { $0.lines?.first == line }),
           let title = candidate(.title, claim.text, claim.lines, before: start, furniture: furniture) {
            found.insert(title, at: 0)
        }
        let candidates = aboveByline(found, in: draft, bylines: bylines, before: start)
        guard candidates.contains(where: { $0.source != .title }) else { return draft }
        guard let best = pick(candidates, in: draft, margin: margin), best.source != .title else { return draft }
        return retitle(draft, to: best)
    }

    /// The first input line of the running text: the first wide paragraph with another one
    /// right after it, else the first wide paragraph; when a byline (an author or date line)
    /// follows that start within `reach` lines, after at most `noticeParagraphs` sentences, the
    /// first wide paragraph after the byline, if it is within `bylineGap` lines of it. The
    /// byline stands between a headline and its text, so wide lines before it are notices (an
    /// old-browser warning, a payment reminder) or the headline and standfirst themselves. A
    /// line with a link in it is no running text: lynx ends its dumps with a numbered list of
    /// every link's address.
    private static func textStart(_ draft: Draft, bylines: [Int]) -> Int? {
        // Judged as the search reaches them (the text mostly starts within the first blocks),
        // kept in a buffer of the call's own: 0 not yet, 1 narrow, 2 wide.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: draft.body.count) { judged in
            judged.initialize(repeating: 0)
            func isWide(_ index: Int) -> Bool {
                if judged[index] != 0 { return judged[index] == 2 }
                var wide = false
                if case .paragraph(let paragraph) = draft.body[index] {
                    wide = DisplayWidth.of(Substring(paragraph.text), upTo: textWidth) >= textWidth && !holdsLink(paragraph.text)
                }
                judged[index] = wide ? 2 : 1
                return wide
            }
            let run = draft.body.indices.first { isWide($0) && ((($0 + 1)..<min($0 + 3, draft.body.count)).contains(where: isWide)) }
            guard let first = run ?? draft.body.indices.first(where: isWide) else { return nil }
            let start = draft.bodyLines[first].first
            let byline = bylines.first { $0 > start && $0 <= start + reach }
            guard let byline, let after = draft.body.indices[first...].first(where: { draft.bodyLines[$0].first > byline && isWide($0) }) else { return start }
            let sentences = draft.body.indices[first..<after].count { isWide($0) && isSentence(draft.body[$0]) }
            let text = draft.bodyLines[after].first
            return sentences <= noticeParagraphs && text - byline <= bylineGap ? text : start
        }
    }

    /// The most paragraphs that end a sentence a notice before the byline runs to; more are
    /// the article's text, and the byline is another's (a teaser's, a page's).
    static let noticeParagraphs = 2
    /// The most input lines from a byline to the text it opens (a photo and its caption may
    /// stand between).
    static let bylineGap = 20

    private static func isSentence(_ block: Block) -> Bool {
        TextShape.endsSentence(TextShape.unquoted(block.plainText))
    }

    /// The line as a candidate, when it stands within reach before the text and is shaped
    /// like a headline.
    private static func candidate(_ source: Source, _ text: String, _ lines: LineRange?, before start: Int, furniture: HeadlineFurniture) -> Candidate? {
        guard let lines, lines.first < start, lines.first >= start - reach, TextShape.wordCount(text) <= mostWords else { return nil }
        let width = DisplayWidth.of(Substring(text))
        guard width >= narrowest, isHeadlineShaped(text), !furniture.holds(text) else { return nil }
        return Candidate(source: source, text: text, lines: lines, width: width)
    }

    /// The candidates but the title, in order: the body's, then the removed lines'.
    private static func others(_ draft: Draft, before start: Int, furniture: HeadlineFurniture) -> [Candidate] {
        var found: [Candidate] = []
        func consider(_ source: Source, _ text: String, _ lines: LineRange?) {
            if let candidate = candidate(source, text, lines, before: start, furniture: furniture) { found.append(candidate) }
        }
        // Blocks and removals are read where they lie, their line first: a page's link lists
        // make thousands of them, few within reach of the text.
        let near = (start - reach)..<start
        for index in draft.body.indices where near.contains(draft.bodyLines[index].first) {
            switch draft.body[index] {
            case .heading(let heading): consider(.body(index), heading.text, draft.bodyLines[index])
            case .paragraph(let paragraph): consider(.body(index), paragraph.text, draft.bodyLines[index])
            default: continue
            }
        }
        for index in draft.removed.indices {
            guard let line = draft.removed[index].lines?.first, near.contains(line), candidateReasons.contains(draft.removed[index].reason) else { continue }
            consider(.removed(index), draft.removed[index].text, draft.removed[index].lines)
        }
        return found
    }

    /// The candidates above the byline nearest before the text, when that byline stands within
    /// `bylineGap` lines of the text and a candidate short enough to be a heading within as many
    /// lines above it (a ticker above a page's date is no such one): a headline stands above its
    /// byline, and what comes between the byline and the text is a photo's caption or an advert. A byline with no candidate near above it heads the article
    /// (`Section | Site | date`), headline after; one far above the text is the page's.
    private static func aboveByline(_ candidates: [Candidate], in draft: Draft, bylines: [Int], before start: Int) -> [Candidate] {
        guard let byline = bylines.last(where: { $0 < start && $0 >= start - bylineGap }) else { return candidates }
        let above = candidates.filter { $0.lines.last < byline }
        let headed = above.contains { byline - $0.lines.last <= bylineGap && TextShape.wordCount($0.text) <= LineClassifier.headingWords }
        return headed ? above : candidates
    }

    /// The input lines, in order, of the article's bylines: the lines it took its date and
    /// dateline from, and the lines kept as its metadata that hold a date (an author's name
    /// with the day, `Published May 25, 2026`).
    /// Gathered in one array: filtering and mapping each list made six for every article.
    private static func bylines(_ draft: Draft, dates: NewsDateParser) -> [Int] {
        var lines: [Int] = []
        for claim in draft.claimed where claim.text == draft.dateText || claim.text == draft.dateline?.text {
            if let line = claim.lines?.first { lines.append(line) }
        }
        for removal in draft.removed where removal.reason == .metadata && dates.parse(removal.text) != nil {
            if let line = removal.lines?.first { lines.append(line) }
        }
        lines.sort()
        return lines
    }

    /// Not a sentence, a list item, a browser placeholder, a credited caption, a link or a rule.
    private static func isHeadlineShaped(_ text: String) -> Bool {
        guard let first = text.utf8.first, first != UInt8(ascii: "[") else { return false }
        let unquoted = TextShape.unquoted(text)
        guard !TextShape.endsSentence(unquoted), unquoted.utf8.last != UInt8(ascii: ":"), !ListMarker.starts(Substring(text)) else { return false }
        return !LineClassifier.isCaption(text) && !hasCreditTail(text) && !holdsLink(text) && !hasRule(text)
    }

    /// The most words a photo credit after a caption's last sentence has (`Foto: Rescue Photo`).
    static let creditWords = 5

    /// Whether a sentence is followed by a short labelled credit: `… the search. Photo: A. Name`.
    private static func hasCreditTail(_ text: String) -> Bool {
        UTF8Scalars.withBytes(text) { bytes in
            guard bytes.count > 2, let stop = (0..<(bytes.count - 1)).last(where: { bytes[$0] == UInt8(ascii: ".") && bytes[$0 + 1] == 0x20 }) else { return false }
            let tail = bytes[(stop + 2)...]
            guard let colon = tail.firstIndex(of: UInt8(ascii: ":")) else { return false }
            let spaces = tail.reduce(0) { $1 == 0x20 ? $0 + 1 : $0 }
            return spaces < creditWords && tail[..<colon].reduce(0) { $1 == 0x20 ? $0 + 1 : $0 } < 2
        }
    }

    private static func holdsLink(_ text: String) -> Bool { ByteSearch.contains("://", in: text) }

    /// Whether the text holds a rule drawn with characters: one mark, not a letter or digit,
    /// three times in a row (`━━━`, `———`, `***`). Runs are found on bytes; only a run's
    /// character is looked up.
    private static func hasRule(_ text: String) -> Bool {
        UTF8Scalars.withBytes(text) { bytes in
            var run = 0
            var previous: UInt32 = .max
            var index = 0
            while index < bytes.count {
                let (value, length) = UTF8Scalars.decode(bytes, at: index)
                index += length
                run = value == previous ? run + 1 : 0
                previous = value
                if run >= 2, let scalar = Unicode.Scalar(value), isMark(scalar) { return true }
            }
            return false
        }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.properties.isAlphabetic && !scalar.properties.isWhitespace && scalar.properties.numericType == nil
    }

    /// The widest candidate, a line printed again inside a longer one first, then one short
    /// enough to be a heading (a longer one is often a standfirst with its stop missing). A
    /// line that holds another candidate is a breadcrumb or share line around the headline, and
    /// a line printed twice in a row is a caption under its photo: neither is the headline.
    private static func pick(_ candidates: [Candidate], in draft: Draft, margin: Set<Int>) -> Candidate? {
        var best: (candidate: Candidate, rank: (Bool, Bool, Bool, Int))?
        lazy var blockTexts = plainTexts(draft)
        for candidate in candidates {
            let holdsOther = candidates.contains { other in
                other.width >= heldWidth && other.text.utf8.count < candidate.text.utf8.count && ByteSearch.contains(other.text, in: candidate.text)
            }
            let captioned = candidates.contains { other in
                other.lines != candidate.lines && abs(other.lines.first - candidate.lines.first) <= captionGap
                    && (other.text.hasPrefix(candidate.text) || candidate.text.hasPrefix(other.text))
            }
            guard !holdsOther, !captioned else { continue }
            let echoed = candidate.width >= echoWidth && isPrinted(candidate.text, in: draft, blockTexts: blockTexts)
            let rank = (margin.contains(candidate.lines.first), echoed, TextShape.wordCount(candidate.text) <= LineClassifier.headingWords, candidate.width)
            if let current = best, !precedes(current.rank, rank) { continue }
            best = (candidate, rank)
        }
        return best?.candidate
    }

    /// Whether one of the draft's texts (its blocks', removals' and claims'), longer than
    /// `text`, holds it; `blockTexts` are the texts of its blocks but headings and paragraphs.
    /// Read where they lie: a page's link lists make thousands of them, and gathering them
    /// into one array cost more than the search.
    private static func isPrinted(_ text: String, in draft: Draft, blockTexts: [String]) -> Bool {
        let needle = ByteSearch.Needle(text)
        let length = text.utf8.count
        func holds(_ other: String) -> Bool { other.utf8.count > length && needle.occurs(in: other) }
        return draft.body.contains { block in
            switch block {
            case .heading(let heading): holds(heading.text)
            case .paragraph(let paragraph): holds(paragraph.text)
            default: false
            }
        } || blockTexts.contains(where: holds) || draft.removed.contains { holds($0.text) } || draft.claimed.contains { holds($0.text) }
    }

    /// The plain texts of the draft's blocks but headings and paragraphs (figures, embeds):
    /// made once for all the candidates asked about, as each is joined from parts.
    private static func plainTexts(_ draft: Draft) -> [String] {
        draft.body.compactMap { block in
            switch block {
            case .heading, .paragraph: nil
            default: block.plainText
            }
        }
    }

    /// Whether rank `a` is below `b`: false before true, narrower before wider.
    private static func precedes(_ a: (Bool, Bool, Bool, Int), _ b: (Bool, Bool, Bool, Int)) -> Bool {
        if a.0 != b.0 { return b.0 }
        if a.1 != b.1 { return b.1 }
        if a.2 != b.2 { return b.2 }
        return a.3 < b.3
    }

    private static func retitle(_ draft: consuming Draft, to best: Candidate) -> Draft {
        if let line = draft.titleLine, let index = draft.claimed.firstIndex(where: { $0.lines?.first == line }) {
            let old = draft.claimed.remove(at: index)
            draft.removed.append(Removal(text: old.text, reason: .navigation, lines: old.lines))
        }
        switch best.source {
        case .removed(let index):
            draft.removed.remove(at: index)
        case .body(let index):
            draft.body.remove(at: index)
            draft.bodyLines.remove(at: index)
        case .title:
            break
        }
        // What the body held before the headline is the page's, not the article's.
        while let first = draft.bodyLines.first, first.first < best.lines.first {
            let block = draft.body.removeFirst()
            draft.bodyLines.removeFirst()
            if case .paragraph = block { draft.paragraphs -= 1 }
            draft.removed.append(Removal(text: block.plainText, reason: .boilerplate, lines: first))
        }
        draft.removed.sort { ($0.lines?.first ?? 0) < ($1.lines?.first ?? 0) }
        draft.title = TextShape.unquoted(best.text)
        draft.titleLine = best.lines.first
        draft.claimed.append(Removal(text: best.text, reason: .metadata, lines: best.lines))
        return draft
    }
}
