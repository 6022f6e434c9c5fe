/// The frame every HTML page Warraq writes shares: one self-contained file, its style inline,
/// no scripts and nothing fetched, so it opens the same offline, in a mail or years later.
public enum HTMLPage {
    /// `<!DOCTYPE html>` through `<body>`.
    public static func begin(title: String, into out: inout HTMLOutput) {
        out.raw("<!DOCTYPE html>\n<html lang=\"und\">\n<head>\n<meta charset=\"utf-8\">\n")
        out.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        out.raw("<meta name=\"generator\" content=\"warraq\">\n")
        out.element("title", text: title)
        out.raw("\n<style>\n" + style + "</style>\n</head>\n<body>\n")
    }

    public static func end(into out: inout HTMLOutput) {
        out.raw("</body>\n</html>\n")
    }

    /// Latin text first in a sans stack; Arabic script in fonts made for it, before the generic
    /// ones whose Arabic is an afterthought. `dir="auto"` on every block lets each paragraph
    /// take the direction of its first strong letter, so mixed Arabic/Latin text reads right.
    static let style = """
    :root { --ink: #1d1d1f; --muted: #5f6368; --line: #d9dce1; --paper: #ffffff; --wash: #f5f6f8;
      --kept: #e7f5ea; --removed: #fdecea; --removed-ink: #a32117; --accent: #1a5fb4; }
    * { box-sizing: border-box; }
    body { margin: 0; padding: 1.5rem; background: var(--wash); color: var(--ink);
      font: 16px/1.6 system-ui, "Segoe UI", "Noto Sans", "Liberation Sans", Arial, "Noto Naskh Arabic", "DejaVu Sans", sans-serif; }
    :lang(ar), :lang(fa), :lang(ur), :dir(rtl) {
      font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Scheherazade New", "Geeza Pro", "Segoe UI", Tahoma, "DejaVu Sans", sans-serif; }
    a { color: var(--accent); }
    main.documents { max-width: 46rem; margin: 0 auto; }
    .card { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; margin: 0 0 1.25rem; }
    .card h1, .card h2 { margin: 0 0 .5rem; line-height: 1.3; }
    .subtitle { color: var(--muted); font-size: 1.1rem; margin: 0 0 .75rem; }
    dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0 0; font-size: .9rem; }
    dl.meta dt { color: var(--muted); }
    dl.meta dd { margin: 0; overflow-wrap: anywhere; unicode-bidi: plaintext; }
    article.doc > .body > * { margin: 0 0 .9rem; }
    article.doc blockquote { border-inline-start: 3px solid var(--line); padding-inline-start: 1rem; color: #333; }
    article.doc figure { margin-inline: 0; padding: .5rem; background: var(--wash); border-radius: 6px; }
    article.doc figcaption .credit { color: var(--muted); }
    article.doc pre.table { white-space: pre-wrap; font-size: .9rem; background: var(--wash); padding: .5rem; }
    article.doc .embed { border: 1px dashed var(--line); padding: .5rem; border-radius: 6px; }
    .related { font-size: .9rem; }
    .removed-list li { color: var(--removed-ink); }
    .badge { display: inline-block; font-size: .75rem; line-height: 1.4; padding: 0 .4rem; border-radius: 4px;
      background: var(--wash); border: 1px solid var(--line); color: var(--muted); white-space: nowrap; unicode-bidi: isolate; }
    .badge.reason { background: var(--removed); border-color: #f3b8b2; color: var(--removed-ink); }
    table.counts { border-collapse: collapse; font-size: .9rem; }
    table.counts th, table.counts td { border-bottom: 1px solid var(--line); padding: .1rem .75rem .1rem 0; text-align: start; }
    table.counts td.n { text-align: end; font-variant-numeric: tabular-nums; }
    section.input { margin-bottom: 2.5rem; }
    .src { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; overflow: hidden; font-size: .9rem; }
    .src .chunk { content-visibility: auto; contain-intrinsic-size: auto 12000px; }
    .src .head { padding: .4rem .75rem; background: var(--wash); border-top: 2px solid var(--accent); font-weight: 600; }
    .ln { display: grid; grid-template-columns: 4.5rem minmax(0, 1fr) minmax(9rem, 16rem); border-top: 1px solid #eef0f2; }
    .ln > * { padding: .1rem .5rem; }
    .ln .no { color: var(--muted); text-align: end; font-variant-numeric: tabular-nums; text-decoration: none; }
    .ln .tx { white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext; text-align: start; }
    .ln .to { font-size: .8rem; color: var(--muted); }
    .ln.kept { background: var(--kept); }
    .ln.removed { background: var(--removed); }
    .ln.removed .tx { color: var(--removed-ink); text-decoration: line-through; text-decoration-color: #e6a19a; }
    .ln.blank .tx { min-height: 1em; }
    .ln.unaccounted { background: #fff4ce; }
    .ln:target { outline: 2px solid var(--accent); }
    .badge.kept { background: var(--kept); border-color: #a8d5b2; color: #1e5b2c; text-decoration: none; }
    .badge.lost { background: #fff4ce; border-color: #e8c65a; color: #6b4e00; }
    main.report { display: flex; flex-direction: column; }
    main.report > .overview { order: -1; }
    .pair { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; align-items: start; margin-bottom: 1.25rem; }
    .pair > .view { position: sticky; top: 0; max-height: 100vh; overflow: auto; }
    section.input > .src { margin-bottom: 1.25rem; }
    p.note { color: #6b4e00; background: #fff4ce; padding: .25rem .5rem; border-radius: 4px; }
    ol.documents { margin: .5rem 0 0; padding-inline-start: 1.5rem; font-size: .9rem; }
    ol.documents a.lines { color: var(--muted); font-size: .8rem; }
    @media (max-width: 60rem) { .pair { grid-template-columns: minmax(0, 1fr); } .pair > .view { position: static; max-height: none; } }

    """
}
