#!/usr/bin/python3
"""Checks the exported symbols of libplanomsorg against the version script and headers.

1. Every dynamic symbol the shared library defines starts with planomsorg_ and
   carries a PLANOMSORG_* version node.
2. Every such symbol is listed in lib/libplanomsorg.map.
3. Every map entry is defined in the library and declared (PLANOMSORG_EXPORT) in
   a public header.
4. Every function declared in a public header is listed in the map (and so exported).

Usage: check-symbols.py LIBRARY.so MAP_FILE HEADER...
"""
import re
import subprocess
import sys


def exported_symbols(library):
    out = subprocess.run(["nm", "-D", "--defined-only", library], check=True,
                         capture_output=True, text=True).stdout
    symbols = {}
    for line in out.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        kind, name = fields[1], fields[2]
        if kind == "A":  # version node names (PLANOMSORG_1.0) are absolute symbols
            continue
        base, _, version = name.partition("@")
        symbols[base] = version.lstrip("@")
    return symbols


def map_entries(map_file):
    with open(map_file, encoding="utf-8") as handle:
        text = re.sub(r"/\*.*?\*/|#[^\n]*", " ", handle.read(), flags=re.S)
    entries = {}
    for node, body in re.findall(r"(\w[\w.]*)\s*\{(.*?)\}", text, flags=re.S):
        section = None
        for token in re.findall(r"[\w*]+\s*:|[^\s;]+\s*;", body):
            token = token.strip()
            if token.endswith(":"):
                section = token[:-1].strip()
            elif section == "global":
                entries[token.rstrip(";").strip()] = node
    return entries


def declared_functions(headers):
    names = set()
    for path in headers:
        with open(path, encoding="utf-8") as handle:
            text = re.sub(r"/\*.*?\*/|//[^\n]*", " ", handle.read(), flags=re.S)
        text = re.sub(r"^[ \t]*#[^\n]*", " ", text, flags=re.M)
        names.update(re.findall(r"PLANOMSORG_EXPORT\b[^;]*?\b(\w+)\s*\(", text, flags=re.S))
    return names


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    library, map_file, headers = argv[0], argv[1], argv[2:]
    symbols = exported_symbols(library)
    entries = map_entries(map_file)
    declared = declared_functions(headers)
    problems = []
    for name, version in sorted(symbols.items()):
        if not name.startswith("planomsorg_"):
            problems.append(f"{library}: exports {name}, which lacks the planomsorg_ prefix")
        if name not in entries:
            problems.append(f"{library}: exports {name}, which is not in {map_file}")
        if not version.startswith("PLANOMSORG_"):
            problems.append(f"{library}: {name} has no PLANOMSORG_* version node ({version!r})")
        elif name in entries and version != entries[name]:
            problems.append(f"{library}: {name} is in node {version}, the map says {entries[name]}")
    for name in sorted(entries):
        if name == "*" or "*" in name:
            problems.append(f"{map_file}: wildcard {name} in a global section")
            continue
        if name not in symbols:
            problems.append(f"{map_file}: {name} is listed but not defined in {library}")
        if name not in declared:
            problems.append(f"{map_file}: {name} is listed but declared in no public header")
    for name in sorted(declared - set(entries)):
        problems.append(f"{name} is declared in a public header but not listed in {map_file}")
    for problem in problems:
        print(problem)
    print(f"{len(symbols)} exported symbols, {len(entries)} map entries, "
          f"{len(declared)} declared functions, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
