import WarraqCore
import WarraqText

/// Finds a page's article: every run of text is worth its size when it reads like prose (long
/// enough, few links, not page furniture), nothing when it is short, and costs twice its size
/// when it is furniture or a link list; the element whose subtree is worth most is the article. Its runs become blocks in document order; page furniture
/// inside it, and everything outside it, go to `removed` with a reason, and article links listed
/// beside it to `related`.
struct ContentExtractor {
    /// A run this long (non-space UTF-8 bytes) or longer can be prose.
    static let proseSize = 60
    /// Runs with more of their text in links than this are navigation.
    static let maximumLinkDensity = 0.5
    /// What furniture costs per byte, against what prose is worth.
    static let furnitureCost = 2.0
    /// A sibling of the best element that is worth this share of it (a twentieth) is part of the article too.
    static let siblingShare = 0.05
    /// A parent worth this share of the best element is taken as the best element's wrapper.
    static let wrapperShare = 0.9
    /// The article under the page's title heading needs this share of the best element's worth.
    static let titledShare = 0.2
    /// Where a short line can be article text.
    static let shortTextTags: Set<HTMLTag> = [.p, .li, .dd, .dt, .blockquote, .pre, .h1, .h2, .h3, .h4, .h5, .h6, .td, .th, .caption]

    let tree: HTMLTree
    let hints: ClassHints
    /// Phrases that make a short line furniture wherever it stands (`اقرأ أيضا`, `All rights reserved`).
    let phrases: LinePhrases
    /// The title, so that its heading is not repeated in the body.
    let title: String?

    private(set) var body: [Block] = []
    private(set) var removed: [Removal] = []
    private(set) var related: [RelatedItem] = []

    /// Per node: why its subtree is furniture (itself or an ancestor), as a place in `reasons`
    /// (-1 for none), and whether it is a caption. Inside furniture, whether a node is a caption
    /// is never asked. Numbers, so that the per-node arrays hold no references.
    private var furniture: [Int32] = []
    private var reasons: [RemovalReason] = []
    private var inCaption: [Bool] = []
    /// Per node, the size of its prose-like runs (see `proseSizes`).
    private var prose: [Int] = []
    /// The first `<h1>` or `<h2>` that shows the title.
    private let titleHeading: Int?

    init(tree: HTMLTree, hints: ClassHints, phrases: LinePhrases, title: String?) {
        self.tree = tree
        self.hints = hints
        self.phrases = phrases
        self.title = title
        titleHeading = title.flatMap { title in
            (0..<tree.count).first { [.h1, .h2].contains(tree.tags[$0]) && tree.text($0) == title }
        }
        guard let page = tree.nodes(.body).first ?? (tree.count > 0 ? 0 : nil) else { return }
        let runs = TextRun.runs(of: tree, in: page)
        prose = proseSizes(runs, page: page)
        judgeNodes()
        read(runs, article: bestContainer(runs, page: page))
    }

    // MARK: Judging

    private static let classAttribute = HTMLAttribute.number("class")!

    /// Per node, the size of the prose-like runs in its subtree, whatever the class names say.
    private func proseSizes(_ runs: [TextRun], page: Int) -> [Int] {
        var prose = [Int](repeating: 0, count: tree.count)
        for run in runs where run.size >= Self.proseSize && run.linkDensity <= Self.maximumLinkDensity { prose[run.owner] += run.size }
        for node in stride(from: tree.end(page) - 1, to: page, by: -1) { prose[tree.parent(node)] += prose[node] }
        return prose
    }

    /// Marks furniture and captions, judging each element outside furniture once: a
    /// furniture element's subtree is furniture whatever its elements say. A class name whose
    /// elements hold a quarter of the page's prose (`sidebar-grid` around each part of the
    /// article) is a layout name, and ignored; comments, consent notices and footers excepted.
    private static let unmaskable: [RemovalReason] = [.navigation, .related, .widget, .ad, .promo, .metadata, .boilerplate]

    private mutating func judgeNodes() {
        furniture = [Int32](repeating: -1, count: tree.count)
        inCaption = [Bool](repeating: false, count: tree.count)
        let pageProse = prose.max() ?? 0
        var proseByClass: [String: Int]?
        var judge = ElementJudge(tree: tree, hints: hints)
        var node = 0
        while node < tree.count {
            guard tree.tags[node] != .text else {
                node += 1
                continue
            }
            let verdict = isTitleAncestor(node) ? .none : judge.verdict(node)
            if case .furniture(let reason) = verdict, !Self.unmaskable.contains(reason) || classProse(node, &proseByClass) * 4 < pageProse {
                markFurniture(node, reason)
                node = tree.end(node)
                continue
            }
            let parent = tree.parent(node)
            inCaption[node] = (parent >= 0 && inCaption[parent]) || verdict == .caption
            node += 1
        }
    }

    /// Comments, sidebars and menus never hold the page's title heading; their names on its
    /// ancestors are state flags (`comments-enabled`).
    private func isTitleAncestor(_ node: Int) -> Bool {
        guard let heading = titleHeading else { return false }
        return node < heading && heading < tree.end(node)
    }

    /// The prose of the elements with `node`'s class (an element inside another with the same
    /// class not counted again), or of `node` when no element with prose has it. The sizes per
    /// class are summed on the first call, for a page that has furniture to judge.
    private func classProse(_ node: Int, _ sizes: inout [String: Int]?) -> Int {
        if sizes == nil {
            var sums: [String: Int] = [:]
            sums.reserveCapacity(tree.count / 8)
            for node in 1..<max(tree.count, 1) where prose[node] > 0 {
                guard let names = tree.attributeIndex(node, Self.classAttribute) else { continue }
                if let parentNames = tree.attributeIndex(tree.parent(node), Self.classAttribute), tree.attributeValuesEqual(names, parentNames) { continue }
                sums[tree.attributeValue(names), default: 0] += prose[node]
            }
            sizes = sums
        }
        return sizes![tree.attribute(node, Self.classAttribute) ?? ""] ?? prose[node]
    }

    /// Marks the elements of `node`'s subtree furniture for `reason`.
    private mutating func markFurniture(_ node: Int, _ reason: RemovalReason) {
        let code: Int32
        if let known = reasons.firstIndex(of: reason) {
            code = Int32(known)
        } else {
            code = Int32(reasons.count)
            reasons.append(reason)
        }
        for inner in node..<tree.end(node) where tree.tags[inner] != .text { furniture[inner] = code }
    }

    private func furnitureReason(_ node: Int) -> RemovalReason? {
        let code = furniture[node]
        return code < 0 ? nil : reasons[Int(code)]
    }

    private func isHeading(_ run: TextRun) -> Bool { tree.tags[run.owner].headingLevel != nil }

    /// What a run adds to the score of the elements around it.
    private func worth(_ run: TextRun) -> Double {
        if furniture[run.owner] >= 0 { return -Double(run.size) * Self.furnitureCost }
        if run.linkDensity > Self.maximumLinkDensity { return -Double(run.size) * Self.furnitureCost }
        if inCaption[run.owner] || isHeading(run) || run.size < Self.proseSize { return 0 }
        return Double(run.size - 2 * run.linkSize)
    }

    /// The element whose runs are worth most together, with those of its siblings that add
    /// prose (an article split by ad slots into several containers, a standfirst beside the
    /// body), and the zero-worth ones between them (subheadings, captions): node ranges in
    /// document order.
    private func bestContainer(_ runs: [TextRun], page: Int) -> [Range<Int>] {
        var score = [Double](repeating: 0, count: tree.count)
        for run in runs { score[run.owner] += worth(run) }
        var best = page
        for node in stride(from: tree.end(page) - 1, to: page, by: -1) {
            score[tree.parent(node)] += score[node]
        }
        for node in page..<tree.end(page) where tree.tags[node] != .text && score[node] > score[best] { best = node }
        if let titled = titledContainer(score: score, best: best), titled != best { return [titled..<tree.end(titled)] }
        // A wrapper that costs little (a hidden label beside the text) is where siblings are.
        while best != page, tree.parent(best) != page, score[tree.parent(best)] >= score[best] * Self.wrapperShare {
            best = tree.parent(best)
        }
        let parent = tree.parent(best)
        guard best != page, parent >= 0 else { return [best..<tree.end(best)] }
        // Siblings worth a share of the best element join it; a sibling that costs more than
        // it adds is searched for such parts (a body container that also holds a paywall box).
        let threshold = score[best] * Self.siblingShare
        var parts: [Int] = []
        func gather(_ node: Int) {
            if node == best || score[node] >= threshold {
                parts.append(node)
                return
            }
            var child = node + 1
            while child < tree.end(node) {
                if tree.tags[child] != .text, prose[child] > 0 { gather(child) }
                child = tree.end(child)
            }
        }
        gather(parent)
        return parts.map { $0..<tree.end($0) }
    }

    /// When the page shows its title as a heading outside the best element, the article under
    /// that heading, if it has prose of its own: pages that append the next article below
    /// the first.
    private func titledContainer(score: [Double], best: Int) -> Int? {
        guard let heading = titleHeading else { return nil }
        var node = tree.parent(heading)
        while node > 0 {
            if node <= best, best < tree.end(node) { return nil }
            if score[node] >= score[best] * Self.titledShare { return node }
            node = tree.parent(node)
        }
        return nil
    }

    // MARK: Reading

    private mutating func read(_ runs: [TextRun], article parts: [Range<Int>]) {
        // The functions below read this copy: reading `self.tree` from them copies it per call.
        let tree = tree
        func isInside(_ run: TextRun) -> Bool { parts.contains { $0.contains(run.owner) } }
        let article = parts.first?.lowerBound ?? 0
        let proseRuns = runs.indices.filter { isInside(runs[$0]) && worth(runs[$0]) > 0 }
        let firstProse = proseRuns.first ?? runs.count
        let lastProse = proseRuns.last ?? -1
        // Room for every run from the start: growing the set would hash each kept text again.
        var seen: Set<HashedText> = []
        seen.reserveCapacity(runs.count + 1)
        if let title { seen.insert(HashedText(title)) }
        var pendingHeading: (block: Block, text: String, size: Int, nodes: Range<Int>)?
        var figure: (node: Int, caption: [String])?
        var list: (node: Int, items: [ListItem])?
        var table: Int?
        // Removed texts one after another with one reason, joined by line breaks.
        var outside: (reason: RemovalReason, text: RemovedText, lines: LineRange?)?

        func flushList() {
            if let open = list { body.append(.list(ListBlock(ordered: tree.tags[open.node] == .ol, items: open.items))) }
            list = nil
        }
        func flushFigure() {
            if let open = figure {
                let caption = open.caption.joined(separator: " ")
                body.append(.figure(Figure(caption: caption.isEmpty ? nil : caption, src: imageSource(in: open.node))))
            }
            figure = nil
        }
        func flushOutside() {
            if let open = outside { removed.append(Removal(text: open.text.string, reason: open.reason, lines: open.lines)) }
            outside = nil
        }
        /// Removed runs one after another with one reason are one item, with the page lines
        /// of their nodes.
        func remove(_ reason: RemovalReason, _ nodes: Range<Int>, _ add: (inout RemovedText) -> Void) {
            if outside?.reason != reason { flushOutside() }
            let lines = tree.lines(of: nodes)
            if outside == nil { outside = (reason, RemovedText(), lines) }
            add(&outside!.text)
            if let lines { outside!.lines = outside!.lines.map { $0.union(lines) } ?? lines }
        }
        func remove(_ run: TextRun, _ reason: RemovalReason) { remove(reason, run.first..<run.end) { $0.add(run, in: tree) } }
        func remove(_ text: String, _ reason: RemovalReason, _ nodes: Range<Int>) { remove(reason, nodes) { $0.add(text) } }
        func emit(_ block: Block) {
            if let heading = pendingHeading {
                body.append(heading.block)
                pendingHeading = nil
            }
            body.append(block)
        }

        for (index, run) in runs.enumerated() {
            let inside = isInside(run)
            if let open = table, run.owner < tree.end(open) { continue }
            let nodes = run.first..<run.end
            guard inside else {
                remove(run, furnitureReason(run.owner) ?? (run.linkDensity > Self.maximumLinkDensity ? .navigation : .boilerplate))
                continue
            }
            if let reason = furnitureReason(run.owner) {
                if reason == .related { collectRelated(run) }
                remove(run, reason)
                continue
            }
            if run.linkDensity > Self.maximumLinkDensity {
                collectRelated(run)
                remove(run, .navigation)
                continue
            }
            let (text, inlines) = run.content(in: tree)
            let hashed = HashedText(text)
            if seen.contains(hashed) {
                // A heading just above the title heading is its kicker or section label.
                if text == title, let kicker = pendingHeading {
                    remove(kicker.text, .metadata, kicker.nodes)
                    pendingHeading = nil
                }
                remove(text, .duplicate, nodes)
                continue
            }
            if let reason = phrases.reason(text) {
                remove(text, reason, nodes)
                continue
            }
            if inCaption[run.owner] {
                let holder = captionHolder(run.owner)
                if figure?.node != holder {
                    flushList()
                    flushFigure()
                    figure = (holder, [])
                }
                figure!.caption.append(text)
                flushOutside()
                continue
            }
            flushFigure()
            // Short lines before the article's first paragraph or after its last are bylines,
            // dates and labels.
            if !isHeading(run), run.size < Self.proseSize, index < firstProse || index > lastProse {
                remove(text, .metadata, nodes)
                continue
            }
            // A short line of its own (not a paragraph, item or heading) inside the article is a
            // label, a date or a widget's caption.
            if run.size < Self.proseSize, !Self.shortTextTags.contains(tree.tags[run.owner]) {
                remove(text, NewsDateParser.standard.parse(text) == nil ? .boilerplate : .metadata, nodes)
                continue
            }
            if isDateLine(run, text) {
                remove(text, .metadata, nodes)
                continue
            }
            // Kept text ends the removal before it, whose lines must not span it.
            flushOutside()
            seen.insert(hashed)
            if let dataTable = dataTable(around: run.owner, within: article) {
                flushList()
                table = dataTable
                emit(.table(Table(rows: rows(of: dataTable))))
                continue
            }
            let tag = tree.tags[run.owner]
            if let level = tag.headingLevel {
                flushList()
                // A heading with nothing under it is a label, unless it is a sentence as long as
                // prose (a standfirst set as a heading; headlines end without a full stop).
                if let heading = pendingHeading {
                    if heading.size >= Self.proseSize, heading.text.utf8.last == UInt8(ascii: ".") {
                        body.append(heading.block)
                    } else {
                        remove(heading.text, .boilerplate, heading.nodes)
                        flushOutside()
                    }
                }
                pendingHeading = (.heading(Heading(level: level, text: text, inlines: inlines)), text, run.size, nodes)
                continue
            }
            if tag == .li || tag == .dd || tag == .dt, let holder = listHolder(run.owner) {
                if list?.node != holder { flushList() }
                if list == nil {
                    if let heading = pendingHeading { body.append(heading.block); pendingHeading = nil }
                    list = (holder, [])
                }
                list!.items.append(ListItem(text: text, inlines: inlines))
                continue
            }
            flushList()
            if isInQuote(run.owner, within: article) {
                emit(.quote(Quote(text: text, inlines: inlines)))
            } else {
                emit(.paragraph(Paragraph(text: text, inlines: inlines)))
            }
        }
        flushList()
        flushFigure()
        if let heading = pendingHeading { remove(heading.text, .boilerplate, heading.nodes) }
        flushOutside()
    }

    /// A paragraph of at most twice a prose run's size that has a date in it and does not end a
    /// sentence: a dateline, `Published … Updated …`, `3. Mai 2024, 17:47 Lesedauer: 4 Minuten`.
    private func isDateLine(_ run: TextRun, _ text: String) -> Bool {
        run.size < 2 * Self.proseSize && !isHeading(run) && !Self.itemTags.contains(tree.tags[run.owner])
            && !(text.last.map(Self.sentenceEnds.contains) ?? false) && NewsDateParser.standard.parse(text) != nil
    }

    private static let itemTags: Set<HTMLTag> = [.li, .dd, .dt, .td, .th]
    private static let sentenceEnds: Set<Character> = [".", "!", "?", "؟", "。"]

    private func captionHolder(_ node: Int) -> Int {
        var holder = node
        var current = node
        while current >= 0, inCaption[current] {
            holder = current
            current = tree.parent(current)
        }
        return holder
    }

    private func listHolder(_ item: Int) -> Int? {
        let parent = tree.parent(item)
        return parent >= 0 && [.ul, .ol, .dl, .menu].contains(tree.tags[parent]) ? parent : nil
    }

    private func isInQuote(_ node: Int, within article: Int) -> Bool {
        var current = node
        while current > article {
            if tree.tags[current] == .blockquote { return true }
            current = tree.parent(current)
        }
        return false
    }

    /// The table around a cell, when it holds data rather than layout: no tables inside, short
    /// cells, more than one row.
    private func dataTable(around node: Int, within article: Int) -> Int? {
        var current = node
        var table: Int?
        while current > article {
            if tree.tags[current] == .table { table = current; break }
            current = tree.parent(current)
        }
        guard let table else { return nil }
        let inner = (table + 1)..<tree.end(table)
        if inner.contains(where: { tree.tags[$0] == .table }) { return nil }
        let cells = inner.filter { tree.tags[$0] == .td || tree.tags[$0] == .th }
        let rows = inner.filter { tree.tags[$0] == .tr }.count
        guard rows >= 2, cells.count > rows, cells.allSatisfy({ tree.textSize[$0] < 300 }) else { return nil }
        return table
    }

    private func rows(of table: Int) -> [[String]] {
        tree.nodes(.tr, in: table).map { row in
            (row..<tree.end(row)).filter { tree.tags[$0] == .td || tree.tags[$0] == .th }.map { tree.text($0) }
        }.filter { !$0.isEmpty }
    }

    private func imageSource(in node: Int) -> String? {
        var holder = node
        if tree.tags[holder] == .figcaption, tree.parent(holder) >= 0, tree.tags[tree.parent(holder)] == .figure {
            holder = tree.parent(holder)
        }
        return tree.nodes(.img, in: holder).lazy.compactMap { tree.attribute($0, "src") ?? tree.attribute($0, "data-src") }.first
    }

    /// Links of a teaser list, whose text reads as a headline, become related items.
    private mutating func collectRelated(_ run: TextRun) {
        var links: [Int] = []
        for node in run.first..<run.end where tree.tags[node] == .text {
            var current = tree.parent(node)
            while current > run.owner, tree.tags[current] != .a { current = tree.parent(current) }
            if current > run.owner, links.last != current { links.append(current) }
        }
        for link in links {
            guard tree.textSize[link] >= 20, let url = tree.attribute(link, "href"), !url.hasPrefix("#") else { continue }
            if !related.contains(where: { $0.url == url }) { related.append(RelatedItem(title: tree.text(link), url: url)) }
        }
    }
}

/// Removed texts one after another, joined by line breaks: folded into one buffer, each after
/// a space (what folding puts between pieces), which becomes the line break when the text is
/// made. One buffer for them all, not one per removed run.
private struct RemovedText {
    private var folded = FoldedText()
    /// Where each piece's own bytes are in `folded`, without the space before it.
    private var pieces: [Range<Int>] = []

    mutating func add(_ run: TextRun, in tree: HTMLTree) { add { run.appendText(in: tree, to: &$0) } }

    /// Text folded already, which folding again leaves as it is.
    mutating func add(_ text: String) {
        let bytes = Array(text.utf8)
        add { folded in
            folded.space()
            folded.append(bytes, 0..<Int32(bytes.count))
        }
    }

    /// `append` puts a space before its text, as `FoldedText.space()` does.
    private mutating func add(_ append: (inout FoldedText) -> Void) {
        let before = folded.utf8.count
        append(&folded)
        let after = folded.utf8.count
        pieces.append((after > before && before > 0 ? before + 1 : before)..<after)
    }

    /// The pieces joined by line breaks, written straight into the string (which repairs what
    /// is not UTF-8, as `String(decoding:as:)` does).
    var string: String {
        let pieces = pieces
        return folded.utf8.withUnsafeBufferPointer { bytes in
            String(unsafeUninitializedCapacity: bytes.count + pieces.count) { out in
                var count = 0
                for (index, piece) in pieces.enumerated() {
                    if index > 0 {
                        out[count] = 0x0A
                        count += 1
                    }
                    guard !piece.isEmpty else { continue }
                    (out.baseAddress! + count).initialize(from: bytes.baseAddress! + piece.lowerBound, count: piece.count)
                    count += piece.count
                }
                return count
            }
        }
    }
}

/// Judges an element by its tag and the attributes that say what it is (`hidden`,
/// `aria-hidden`, class, id, role). What a class value says is kept by its bytes: pages repeat
/// their class names (`item`, `col-md-4`) on many elements, and a value kept costs a comparison
/// instead of a walk through the hints.
struct ElementJudge {
    private let tree: HTMLTree
    private let hints: ClassHints
    private var memo = [Kept](repeating: Kept(), count: ElementJudge.memoSize)

    /// A class value's bytes in `attributeBytes` (none yet: -1) and what its words say.
    private struct Kept {
        var start: Int32 = -1
        var end: Int32 = -1
        var marks = HintTrie.Marks()
    }

    /// One slot per value of a hash's top byte.
    private static let memoSize = 256

    /// The attributes read, numbered once: a static read costs a `swift_once` check.
    private let names = ElementJudge.attributeNumbers
    private static let attributeNumbers = (class: HTMLAttribute.number("class")!, id: HTMLAttribute.number("id")!, role: HTMLAttribute.number("role")!,
                                hidden: HTMLAttribute.number("hidden")!, ariaHidden: HTMLAttribute.number("aria-hidden")!)

    init(tree: HTMLTree, hints: ClassHints) {
        self.tree = tree
        self.hints = hints
    }

    mutating func verdict(_ node: Int) -> ClassHints.Verdict {
        switch tree.tags[node] {
        case .nav, .menu: return .furniture(.navigation)
        case .footer: return .furniture(.footer)
        case .aside: return .furniture(.related)
        case .figure, .figcaption, .picture: return .caption
        // Page templates put every layout option in the body's class (`tdc-footer-template`).
        case .html, .body: return .none
        default: break
        }
        // The first of each attribute counts, as `HTMLTree.attribute` reads it.
        var judged: (class: Int?, id: Int?, role: Int?)
        var ariaHiddenSeen = false
        for index in tree.attributeIndices(node) {
            switch tree.attributeNames[index] {
            case names.hidden: return .furniture(.boilerplate)
            case names.ariaHidden where !ariaHiddenSeen:
                if tree.withAttributeValue(index, { $0.elementsEqual("true".utf8) }) { return .furniture(.boilerplate) }
                ariaHiddenSeen = true
            case names.class where judged.class == nil: judged.class = index
            case names.id where judged.id == nil: judged.id = index
            case names.role where judged.role == nil: judged.role = index
            default: break
            }
        }
        // Class, then id, then role: the order their judgements add up in.
        var judgement = ClassHints.Judgement()
        if let index = judged.class { judgement.add(hints.judgement(of: classMarks(index))) }
        if let index = judged.id { judgement.add(hints.judgement(of: marks(ofValue: index))) }
        if let index = judged.role { judgement.add(hints.judgement(of: marks(ofValue: index))) }
        return judgement.verdict
    }

    // The functions that read the tree and the hints in closures are not mutating: a closure
    // in a mutating one copies them (a retain and release of each of their arrays).

    /// What class value `index` says, from the memo when the value is kept there.
    private mutating func classMarks(_ index: Int) -> HintTrie.Marks {
        let (slot, kept) = keptMarks(index)
        if let kept { return kept }
        let marks = marks(ofValue: index)
        let range = tree.attributeRanges[index]
        memo[slot] = Kept(start: range.lowerBound, end: range.upperBound, marks: marks)
        return marks
    }

    /// The memo slot of value `index`, and what the value says if it is the one kept there.
    private func keptMarks(_ index: Int) -> (slot: Int, marks: HintTrie.Marks?) {
        let range = tree.attributeRanges[index]
        return tree.attributeBytes.withUnsafeBufferPointer { bytes in
            let value = UnsafeBufferPointer(rebasing: bytes[Int(range.lowerBound)..<Int(range.upperBound)])
            let slot = Self.slot(value)
            let kept = memo[slot]
            guard kept.start >= 0, ByteSearch.same(value, UnsafeBufferPointer(rebasing: bytes[Int(kept.start)..<Int(kept.end)])) else { return (slot, nil) }
            return (slot, kept.marks)
        }
    }

    private func marks(ofValue index: Int) -> HintTrie.Marks { tree.withAttributeValue(index) { hints.marks($0) } }

    /// A memo slot for a value, from its length and three of its bytes.
    private static func slot(_ value: UnsafeBufferPointer<UInt8>) -> Int {
        guard let first = value.first, let last = value.last else { return 0 }
        let hash = ((UInt32(truncatingIfNeeded: value.count) &* 31 &+ UInt32(first)) &* 31 &+ UInt32(value[value.count / 2])) &* 31 &+ UInt32(last)
        return Int((hash &* 0x9E37_79B1) >> 24)
    }
}
