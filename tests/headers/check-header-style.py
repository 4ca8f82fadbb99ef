#!/usr/bin/python3
"""Checks that public headers keep to the ABI rules (DESIGN.md section 4).

No struct or union bodies, no unions, no bitfields, no varargs, no inline or
static functions, no GSL (or other dependency) types or includes; every
exported declaration is named planomsorg_*; every header has an include guard
and wraps its declarations in extern "C" for C++.

Usage: check-header-style.py HEADER...   (exit 1 on any violation)
"""
import re
import sys


def strip_comments_and_strings(text):
    """Replaces comments and string/char literals by spaces, keeping line numbers."""
    def blank(match):
        return re.sub(r"[^\n]", " ", match.group(0))
    pattern = r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\''
    return re.sub(pattern, blank, text, flags=re.S)


RULES = [
    (r"\b(struct|union)\s*\w*\s*\{", "struct or union body (use an opaque handle)"),
    (r"\bunion\b", "union"),
    (r"\b\w+\s*:\s*\d+\s*[;,]", "bitfield"),
    (r"\.\.\.|\bva_list\b|<stdarg\.h>", "varargs"),
    (r"\binline\b|__inline", "inline function"),
    (r"^\s*static\b", "static declaration"),
    (r"\bgsl_\w+|#\s*include\s*<gsl/", "GSL type or header"),
    (r"#\s*include\s*<(csv|jansson|xlsxwriter|yaml|cmocka)\.h>", "dependency header"),
]


def check(path):
    with open(path, encoding="utf-8") as handle:
        raw = handle.read()
    code = strip_comments_and_strings(raw)
    problems = []
    for pattern, what in RULES:
        for match in re.finditer(pattern, code, flags=re.M):
            line = code.count("\n", 0, match.start()) + 1
            problems.append(f"{path}:{line}: {what}: {match.group(0).strip()}")
    # Exported names: the identifier before the parameter list of each declaration
    # (preprocessor lines blanked, so the definition of PLANOMSORG_EXPORT is skipped).
    decls = re.sub(r"^[ \t]*#(?:[^\n]*\\\n)*[^\n]*", lambda m: re.sub(r"[^\n]", " ", m.group(0)),
                   code, flags=re.M)
    exported = list(re.finditer(r"PLANOMSORG_EXPORT\b([^;]*?)\b(\w+)\s*\(", decls, flags=re.S))
    for match in exported:
        name = match.group(2)
        if not name.startswith("planomsorg_"):
            line = decls.count("\n", 0, match.start()) + 1
            problems.append(f"{path}:{line}: exported name {name} lacks the planomsorg_ prefix")
    if not re.search(r"#\s*ifndef\s+(PLANOMSORG(?:_\w+)?_H)\s*\n\s*#\s*define\s+\1\b", code):
        problems.append(f"{path}: no PLANOMSORG_*_H include guard at the top")
    if exported and not re.search(r'extern\s+"C"', raw):
        problems.append(f'{path}: declares functions but has no extern "C" block')
    return problems


def main(paths):
    if not paths:
        print("usage: check-header-style.py HEADER...", file=sys.stderr)
        return 2
    problems = []
    for path in paths:
        problems += check(path)
    for problem in problems:
        print(problem)
    print(f"{len(paths)} headers checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
