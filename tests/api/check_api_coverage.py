#!/usr/bin/python3
"""Every function exported by include/planomsorg/*.h is called in at least one C test
(tests/*.c, tests/fuzz/*.c) or example (examples/c/*.c).

Usage: check_api_coverage.py SOURCE_ROOT
Prints the functions no test calls and exits 1 when there are any."""
import glob
import os
import re
import sys

root = sys.argv[1]
exported = set()
for h in glob.glob(os.path.join(root, "include", "planomsorg", "*.h")):
    text = open(h, encoding="utf-8").read()
    exported |= set(re.findall(r"PLANOMSORG_EXPORT\s+[^;(]*?\b(planomsorg_\w+)\s*\(", text))
called = set()
for pattern in ("tests/*.c", "tests/fuzz/*.c", "examples/c/*.c"):
    for f in glob.glob(os.path.join(root, pattern)):
        called |= set(re.findall(r"\b(planomsorg_\w+)\s*\(", open(f, encoding="utf-8").read()))
missing = sorted(exported - called)
for name in missing:
    print("not called by any test:", name)
print(f"{len(exported)} exported functions, {len(missing)} not called by a test")
sys.exit(1 if missing or not exported else 0)
