/// Strings that YAML loaders, Markdown renderers and XML writers misread when a writer is
/// careless: implicit types of YAML 1.1 and 1.2, indicators, breaks, Arabic and bidi text.
public let trickyStrings: [String] = [
    "yes", "no", "on", "off", "y", "n", "Y", "N", "ON", "Off", "True", "FALSE", "~", "null", "Null", "NULL",
    "1.0", "0x1F", "0o17", "017", "1e3", "+1", "-1", ".5", "1_000", ".inf", "-.Inf", ".NaN", "12:30", "1:20:30",
    "2024-01-01", "2024-01-01 10:00:00", "2001-12-14t21:59:43.10-05:00", "", " leading", "trailing ", "<<", "=",
    "key: value", "a # comment", "#hash", "- dash", "? question", "! bang", "& anchor", "* alias", "| pipe",
    "> fold", "% percent", "@ at", "` tick", "[flow]", "{flow: map}", "'single'", "\"double\"", "tab\tinside",
    "line\nbreak", "crlf\r\nbreak", "nel\u{85}next", "ls\u{2028}ps\u{2029}", "\u{FEFF}bom", "٢٠٢٤", "١٢:٣٠",
    "سطر: بنقطتين", "نص عربي # مع علامة", "\u{200F}علامة اتجاه", "*bold* _em_ `code` [link](x) <b>&amp;",
    "# not a heading", "1. not a list", "2) nor this", "+ plus", "= setext", "---", "***", "    indented",
    "back\\slash", "pipe | table", String(repeating: "طويل جدا ", count: 2_000), ":", "a:", "-", "?",
]
