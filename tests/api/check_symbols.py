#!/usr/bin/env python3
"""The symbols libtriad.so exports equal the version script's list and the
TRIAD_API declarations in the public headers; nothing else is exported.

Usage: check_symbols.py LIBTRIAD_SO VERSION_SCRIPT INCLUDE_DIR
"""
import pathlib
import re
import subprocess
import sys


def exported(lib):
    out = subprocess.run(["nm", "-D", "--defined-only", lib], check=True,
                         capture_output=True, text=True).stdout
    syms, absolute = set(), set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        kind, name = parts[1], parts[2].split("@")[0]
        (absolute if kind == "A" else syms).add(name)
    return syms, absolute


def scripted(path):
    text = re.sub(r"/\*.*?\*/", "", pathlib.Path(path).read_text(), flags=re.S)
    nodes = set(re.findall(r"^\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\{", text, flags=re.M))
    names = set()
    for block in re.findall(r"global:(.*?)(?:local:|\})", text, flags=re.S):
        names |= set(re.findall(r"([A-Za-z_][A-Za-z0-9_]*)\s*;", block))
    return names, nodes


def declared(include):
    names = set()
    for header in sorted(pathlib.Path(include).rglob("*.h")):
        text = re.sub(r"/\*.*?\*/", "", header.read_text(), flags=re.S)
        text = re.sub(r"^\s*#.*?(?<!\\)$", "", text, flags=re.M | re.S)
        for decl in re.findall(r"TRIAD_API\s+([^;{]*?)\(", text):
            names.add(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", decl)[-1])
    return names


def main():
    lib, script, include = sys.argv[1:4]
    syms, absolute = exported(lib)
    listed, nodes = scripted(script)
    headers = declared(include)
    problems = []

    def diff(a, an, b, bn):
        for name in sorted(a - b):
            problems.append(f"{name}: in {an} but not in {bn}")

    diff(syms, "libtriad.so", listed, "the version script")
    diff(listed, "the version script", syms, "libtriad.so")
    diff(headers, "the headers (TRIAD_API)", listed, "the version script")
    diff(listed, "the version script", headers, "the headers (TRIAD_API)")
    for name in sorted(syms):
        if not name.startswith("triad_"):
            problems.append(f"{name}: exported without the triad_ prefix")
    for name in sorted(absolute - nodes):
        problems.append(f"{name}: unexpected absolute symbol")
    for p in problems:
        print("FAIL:", p)
    print(f"{len(syms)} exported, {len(listed)} in the version script, "
          f"{len(headers)} declared")
    return 1 if problems or not syms else 0


if __name__ == "__main__":
    sys.exit(main())
