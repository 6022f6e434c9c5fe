"""Checks our YAML with PyYAML: check_yaml.py OUT.yaml OUT.jsonl
Prints "ok" when yaml.safe_load_all of the YAML equals json.loads of each JSONL line, else the
first difference."""
import json, sys, yaml

docs = list(yaml.safe_load_all(open(sys.argv[1], encoding="utf-8")))
lines = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8") if line.strip()]
if docs == lines:
    print("ok")
else:
    for i, (a, b) in enumerate(zip(docs, lines)):
        if a != b:
            for key in b:
                if a.get(key) != b.get(key):
                    print(f"document {i} {key}: yaml {a.get(key)!r} json {b.get(key)!r}")
                    break
            break
    else:
        print(f"{len(docs)} YAML documents, {len(lines)} JSON lines")
