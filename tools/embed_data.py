#!/usr/bin/python3
"""Turn the derived tables in data/ into a C source of static const arrays.

Usage: tools/embed_data.py OUTPUT.c POPULATION_NORWAY MUNICIPALITIES POPULATION_MUNICIPALITIES KOSTRA

Run by the meson custom_target in data/meson.build. The arrays are declared in
lib/data_embedded.h. Checks the tables' layout (contiguous years, women then men, ages
0..105, the same municipalities everywhere) and fails with a message naming the file and
line. Standard library only; deterministic output.
"""
import csv
import sys

MAX_AGE = 105
SEXES = ("female", "male")
KOSTRA_COLUMNS = ["home_users", "home_users_0_66", "home_users_67_79", "home_users_80p",
                  "housing24", "longterm", "longterm_0_66", "longterm_67_79", "longterm_80p",
                  "nurse_fte", "home_nursing_hours"]


def die(msg):
    sys.stderr.write("embed_data.py: " + msg + "\n")
    sys.exit(1)


def read(path):
    """Rows of a derived CSV without its '#' comment lines, with line numbers."""
    with open(path, newline="", encoding="utf-8") as f:
        lines = [(i, ln) for i, ln in enumerate(f, start=1) if not ln.startswith("#")]
    rows = list(csv.reader([ln for _, ln in lines]))
    return [(lines[k][0], r) for k, r in enumerate(rows)]


def header_check(path, rows, expected):
    line, header = rows[0]
    if header != expected:
        die("%s:%d: unexpected header %r" % (path, line, header[:6]))
    return rows[1:]


def ages(path, line, cells):
    out = []
    for a, c in enumerate(cells):
        try:
            v = int(c)
        except ValueError:
            die("%s:%d: age %d: not a count: %r" % (path, line, a, c))
        if v < 0 or v > 0xFFFFFFFF:
            die("%s:%d: age %d: count out of range: %d" % (path, line, a, v))
        out.append(v)
    return out


def years_of(path, keyed):
    years = sorted({y for y in keyed})
    if not years or years != list(range(years[0], years[-1] + 1)):
        die("%s: years are not contiguous" % path)
    return years


def c_string(s):
    out = ['"']
    for b in s.encode("utf-8"):
        ch = chr(b)
        if b < 0x20 or b >= 0x7F or ch in '"\\?':
            out.append("\\%03o" % b)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def c_numbers(values, per_line=16):
    lines = []
    for k in range(0, len(values), per_line):
        lines.append("    " + ", ".join(values[k:k + per_line]) + ",")
    return "\n".join(lines)


def norway(path):
    rows = header_check(path, read(path), ["year", "sex"] + ["p%d" % a for a in range(MAX_AGE + 1)])
    table = {}
    for line, r in rows:
        if len(r) != MAX_AGE + 3 or r[1] not in SEXES:
            die("%s:%d: bad row" % (path, line))
        table[(int(r[0]), r[1])] = ages(path, line, r[2:])
    years = years_of(path, [k[0] for k in table])
    values = []
    for y in years:
        for s in SEXES:
            if (y, s) not in table:
                die("%s: missing %d %s" % (path, y, s))
            values += table[(y, s)]
    return years, values


def municipalities(path):
    rows = header_check(path, read(path),
                        ["code", "name", "official_name", "county_code", "county_name"])
    out = []
    for line, r in rows:
        if len(r) != 5 or len(r[0]) != 4 or not r[0].isdigit():
            die("%s:%d: bad row" % (path, line))
        out.append(r)
    codes = [r[0] for r in out]
    if codes != sorted(set(codes)):
        die("%s: codes not unique and ascending" % path)
    return out


def municipal_population(path, codes):
    rows = header_check(path, read(path),
                        ["code", "year", "sex"] + ["p%d" % a for a in range(MAX_AGE + 1)])
    table = {}
    for line, r in rows:
        if len(r) != MAX_AGE + 4 or r[2] not in SEXES:
            die("%s:%d: bad row" % (path, line))
        table[(r[0], int(r[1]), r[2])] = ages(path, line, r[3:])
    years = years_of(path, [k[1] for k in table])
    values = []
    for c in codes:
        for y in years:
            for s in SEXES:
                if (c, y, s) not in table:
                    die("%s: missing %s %d %s" % (path, c, y, s))
                values += table.pop((c, y, s))
    if table:
        die("%s: rows for unknown municipalities, e.g. %r" % (path, next(iter(table))))
    return years, values


def kostra(path, codes):
    rows = header_check(path, read(path), ["code", "year"] + KOSTRA_COLUMNS)
    table = {}
    for line, r in rows:
        if len(r) != len(KOSTRA_COLUMNS) + 2:
            die("%s:%d: bad row" % (path, line))
        cells = []
        for k, c in enumerate(r[2:]):
            if c == "":
                cells.append("NAN")
                continue
            try:
                v = float(c)
            except ValueError:
                die("%s:%d: %s: not a number: %r" % (path, line, KOSTRA_COLUMNS[k], c))
            if not v >= 0:
                die("%s:%d: %s: negative: %r" % (path, line, KOSTRA_COLUMNS[k], c))
            cells.append(repr(v))
        table[(r[0], int(r[1]))] = cells
    years = years_of(path, [k[1] for k in table])
    values = []
    for c in codes:
        for y in years:
            if (c, y) not in table:
                die("%s: missing %s %d" % (path, c, y))
            values += table.pop((c, y))
    if table:
        die("%s: rows for unknown municipalities, e.g. %r" % (path, next(iter(table))))
    return years, values


def main(argv):
    if len(argv) != 6:
        die("usage: embed_data.py OUTPUT.c POPULATION_NORWAY MUNICIPALITIES "
            "POPULATION_MUNICIPALITIES KOSTRA")
    output, p_norway, p_names, p_muni, p_kostra = argv[1:]
    n_years, n_values = norway(p_norway)
    munis = municipalities(p_names)
    codes = [r[0] for r in munis]
    m_years, m_values = municipal_population(p_muni, codes)
    k_years, k_values = kostra(p_kostra, codes)

    out = ["/* Generated by tools/embed_data.py from the CSV tables in data/: do not edit.",
           " * Sources: Statistics Norway (SSB) tables 07459 (via FHI csdata), 12292, 11645,",
           " * 14534 (via Telemarksforsking's panel); NLOD 2.0. See data/README.md. */",
           "#include <math.h>",
           "#include \"data_embedded.h\"",
           "",
           "const int pl_data_norway_first_year = %d;" % n_years[0],
           "const int pl_data_norway_n_years = %d;" % len(n_years),
           "const uint32_t pl_data_norway_pop[%d] = {" % len(n_values),
           c_numbers([str(v) for v in n_values]), "};", "",
           "const int pl_data_n_municipalities = %d;" % len(munis),
           "const pl_data_municipality pl_data_municipalities[%d] = {" % len(munis)]
    for r in munis:
        out.append("    {%s}," % ", ".join(c_string(x) for x in r))
    out += ["};", "",
            "const int pl_data_muni_first_year = %d;" % m_years[0],
            "const int pl_data_muni_n_years = %d;" % len(m_years),
            "const uint32_t pl_data_muni_pop[%d] = {" % len(m_values),
            c_numbers([str(v) for v in m_values]), "};", "",
            "const int pl_data_kostra_first_year = %d;" % k_years[0],
            "const int pl_data_kostra_n_years = %d;" % len(k_years),
            "const double pl_data_kostra[%d] = {" % len(k_values),
            c_numbers(k_values, per_line=len(KOSTRA_COLUMNS)), "};", ""]
    with open(output, "w", encoding="ascii", newline="\n") as f:
        f.write("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
