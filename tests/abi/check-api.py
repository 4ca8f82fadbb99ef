#!/usr/bin/python3
"""Header-level ABI guard: every prototype, typedef and constant of the released API.

abidiff (check-abi.sh) compares the library's DWARF with the release's, but libabigail 2.2
does not bind every exported function to its definition (93 of the 383 functions of 1.0.0,
those also declared in other compilation units, carry no ELF symbol in its XML), so a
changed signature of those would pass it unseen. This check closes that gap from the
public headers: the preprocessed prototypes and typedefs (bindings/python/tools/gen_api.py,
the same extraction the Python binding uses) and the value of every PLANOMSORG_ constant
are compared with tests/abi/api-1.0.txt. A removed or changed entry fails; added entries
are allowed (they go into the next minor release's map node, docs/api-policy.md).

usage: check-api.py SOURCE_ROOT [--update]   (--update rewrites the baseline at a release)
"""
import os
import re
import sys


def snapshot(root):
    sys.path.insert(0, os.path.join(root, "bindings", "python", "tools"))
    import gen_api  # noqa: E402 (located through the source root)

    entries = {}
    for decl in gen_api.declarations(root).splitlines():
        decl = decl.strip()
        if not decl:
            continue
        if decl.startswith("typedef"):
            pointer = re.search(r"\(\s*\*\s*(planomsorg_[a-z0-9_]+)\s*\)", decl)
            names = re.findall(r"\b(planomsorg_[a-z0-9_]+)\b", decl)
            key = "typedef " + (pointer.group(1) if pointer else names[-1])
        else:
            function = re.search(r"\b(planomsorg_[a-z0-9_]+)\s*\(", decl)
            if function is None:
                continue
            key = "function " + function.group(1)
        entries[key] = decl
    for name, value in gen_api.constants(root).items():
        entries["constant " + name] = repr(value)
    return entries


def read_baseline(path):
    entries = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                key, value = line.rstrip("\n").split("\t", 1)
                entries[key] = value
    return entries


def main(argv):
    root = argv[0]
    baseline = os.path.join(root, "tests", "abi", "api-1.0.txt")
    current = snapshot(root)
    if "--update" in argv:
        with open(baseline, "w", encoding="utf-8") as f:
            f.write("# The released API of libplanomsorg 1.0 (tests/abi/check-api.py --update).\n")
            for key in sorted(current):
                f.write(f"{key}\t{current[key]}\n")
        print(f"check-api: wrote {baseline} ({len(current)} entries)")
        return 0
    if not os.path.exists(baseline):
        print(f"check-api: no baseline {baseline}")
        return 1
    released = read_baseline(baseline)
    problems = []
    for key, value in sorted(released.items()):
        if key not in current:
            problems.append(f"removed: {key}\n  was: {value}")
        elif current[key] != value:
            problems.append(f"changed: {key}\n  was: {value}\n  now: {current[key]}")
    for p in problems:
        print(p)
    added = sorted(set(current) - set(released))
    print(f"check-api: {len(released)} released entries, {len(added)} added, "
          f"{len(problems)} removed or changed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
