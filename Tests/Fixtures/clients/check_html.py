"""Checks HTML with html5lib's strict parser: check_html.py PAGE.html
Prints "ok N" (N elements) when the page parses with no parse error, else the first error with
its line and column."""
import sys
import html5lib

parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
try:
    tree = parser.parse(open(sys.argv[1], "rb"))
except html5lib.html5parser.ParseError as error:
    line, column = parser.errors[0][0] if parser.errors else ("?", "?")
    sys.exit(print(f"{sys.argv[1]}:{line}:{column}: {error}"))
print(f"ok {sum(1 for _ in tree.iter())}")
