#!/usr/bin/env python3
"""Write a libFuzzer dictionary for a JSON format from its seed files.

    tests/fuzz/mkdict.py TARGET      (reads tests/fuzz/corpus/TARGET/*)

Every object key and every short string value of the seeds (enumeration
ids, date forms, format names) becomes an entry, plus JSON punctuation, so
that mutations produce known field names and values instead of random
bytes. Writes tests/fuzz/TARGET.dict.
"""
import json
import pathlib
import sys

here = pathlib.Path(__file__).resolve().parent
target = sys.argv[1]
tokens = set()


def walk(v):
    if isinstance(v, dict):
        for k, x in v.items():
            tokens.add(json.dumps(k))
            walk(x)
    elif isinstance(v, list):
        for x in v:
            walk(x)
    elif isinstance(v, str) and len(v) <= 40:
        tokens.add(json.dumps(v))


for f in sorted((here / "corpus" / target).iterdir()):
    raw = f.read_bytes()
    docs = []
    try:
        docs = [json.loads(raw)]
    except ValueError:
        # JSON Lines, or a seed with a leading byte (opendata's region)
        for line in raw.splitlines():
            try:
                docs.append(json.loads(line))
            except ValueError:
                pass
        if not docs:
            try:
                docs = [json.loads(raw[1:])]
            except ValueError:
                pass
    for d in docs:
        walk(d)
tokens.update(['"true"', '"false"', "null", "true", "false", "{}", "[]", '":"',
               '"2026-02-29"', '"2025-13-01"', '"\\u0000"', '"\\ud800"'])
with open(here / (target + ".dict"), "w") as out:
    out.write("# libFuzzer dictionary for fuzz_%s, from tests/fuzz/mkdict.py\n" % target)
    for t in sorted(tokens):
        esc = t.replace("\\", "\\\\").replace('"', '\\"')
        out.write('"%s"\n' % esc)
