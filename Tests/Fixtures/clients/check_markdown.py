"""Renders our Markdown with markdown-it-py (CommonMark mode) and prints, as JSON, the front
matter loaded by PyYAML and the text of each rendered block: check_markdown.py FILE.md"""
import json, sys, yaml
from markdown_it import MarkdownIt

text = open(sys.argv[1], encoding="utf-8").read()
assert text.startswith("---\n")
end = text.index("\n---\n", 3)
front = yaml.safe_load(text[4:end + 1])
body = text[end + 5:]

def inline_text(token):
    out = []
    for child in token.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif child.type == "image":
            out.append(child.content)
    return "".join(out)

blocks = []
for token in MarkdownIt("commonmark").parse(body):
    if token.type == "inline":
        blocks.append(inline_text(token))
    elif token.type in ("fence", "code_block"):
        blocks.append(token.content[:-1] if token.content.endswith("\n") else token.content)
print(json.dumps({"front": front, "blocks": blocks}))
