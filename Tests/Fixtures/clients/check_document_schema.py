"""Checks JSON Lines against docs/document.schema.json with jsonschema:
check_document_schema.py SCHEMA FILE.jsonl…
Prints "ok N" (documents checked), else the first problem of each failing line."""
import json, sys
from jsonschema import Draft202012Validator

schema = json.load(open(sys.argv[1], encoding="utf-8"))
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)
checked, problems = 0, []
for path in sys.argv[2:]:
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip():
            continue
        checked += 1
        for error in validator.iter_errors(json.loads(line)):
            where = "/".join(str(p) for p in error.absolute_path)
            problems.append(f"{path}:{number}: {where}: {error.message[:200]}")
            break
print("\n".join(problems) if problems else f"ok {checked}")
