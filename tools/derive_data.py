#!/usr/bin/python3
"""Derive the compact default data tables in data/ from the raw public statistics.

Usage: tools/derive_data.py [RAW_DIR] [--out DATA_DIR]

RAW_DIR defaults to ../shared/data/raw relative to the repository root and holds the
files described in its SOURCES.md. Writes, deterministically (same input, same bytes):

  data/population_norway.csv          year,sex,p0..p105       Norway 1986-2026
  data/population_municipalities.csv  code,year,sex,p0..p105  357 municipalities 2024-2026
  data/municipalities.csv             code,name,official_name,county_code,county_name
  data/kostra.csv                     code,year,<indicator columns>  2024-2025

Population: persons on 1 January, SSB table 07459 (via FHI's csdata), ages 0..105 (105 =
"105 or older"). KOSTRA/IPLOS: SSB tables 12292, 11645, 14534 via Telemarksforsking's
panel. All SSB data are under NLOD 2.0. Standard library only.
"""
import argparse
import csv
import os
import sys

MAX_AGE = 105
SEXES = ("female", "male")  # women first, as PLANOMSORG_SEX_FEMALE = 0
NORWAY_YEARS = range(1986, 2027)
MUNI_YEARS = range(2024, 2027)
KOSTRA_YEARS = (2024, 2025)
N_MUNICIPALITIES = 357

PROVENANCE = {
    "population": "# source: Statistics Norway (SSB) table 07459 via FHI csdata "
                  "(github.com/niphr/csdata), NLOD 2.0; derived by tools/derive_data.py",
    "kostra": "# source: Statistics Norway (SSB) KOSTRA/IPLOS tables 12292, 11645, 14534 via "
              "Telemarksforsking's panel (github.com/ChristianBHT/Framskrivningsverkt-y), "
              "NLOD 2.0; derived by tools/derive_data.py",
    "names": "# source: municipality and county names (2024 borders) from FHI csdata "
             "(Statistics Norway classification), NLOD 2.0; derived by tools/derive_data.py",
}

# csdata gives the official multi-language names (Norwegian, Sami, Kven) joined by '-'.
# A '-' also occurs inside genuine Norwegian names (Aurskog-Høland, Nord-Odal, Sør-Varanger),
# so the plain name cannot be found by splitting: it is listed here, for every region whose
# official name has more than one language form.
NORWEGIAN_NAME = {
    "0301": "Oslo", "1841": "Fauske", "1870": "Sortland", "5041": "Snåsa",
    "5043": "Røyrvik", "5518": "Lavangen", "5538": "Storfjord", "5540": "Kåfjord",
    "5610": "Karasjok", "5612": "Kautokeino", "5622": "Porsanger", "5628": "Tana",
    "5636": "Nesseby",
}
NORWEGIAN_COUNTY = {
    "03": "Oslo", "31": "Østfold", "56": "Finnmark", "34": "Innlandet", "18": "Nordland",
    "55": "Troms", "50": "Trøndelag",
}
# Genuine hyphenated Norwegian names: kept whole.
HYPHENATED_NORWEGIAN = {
    "Aurskog-Høland", "Nord-Odal", "Sør-Odal", "Stor-Elvdal", "Nord-Fron", "Sør-Fron",
    "Sør-Aurdal", "Nord-Aurdal", "Midt-Telemark", "Sør-Varanger",
}

KOSTRA_COLUMNS = [
    # (output column = planomsorg_kostra_name(), panel column or None if derived)
    ("home_users", "Y_1_a_ialt"),
    ("home_users_0_66", "Y_1_a_0_66"),
    ("home_users_67_79", None),
    ("home_users_80p", "Y_1_a_80p"),
    ("housing24", "Y_2_ialt"),
    ("longterm", "Y_3_a_ialt"),
    ("longterm_0_66", "Y_3_a_0_66"),
    ("longterm_67_79", "Y_3_a_67_79"),
    ("longterm_80p", "Y_3_a_80p"),
    ("nurse_fte", "Y_5_ialt"),
    ("home_nursing_hours", "Y_4_ialt"),
]


def die(msg):
    sys.stderr.write("derive_data.py: " + msg + "\n")
    sys.exit(1)


def read_csv(path, encoding="utf-8"):
    with open(path, newline="", encoding=encoding) as f:
        return list(csv.DictReader(f))


def count(value, where):
    try:
        n = int(value)
    except ValueError:
        die("%s: not an integer count: %r" % (where, value))
    if n < 0:
        die("%s: negative count %d" % (where, n))
    return n


def write_table(path, comment, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        f.write(comment + "\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def age_header():
    return ["p%d" % a for a in range(MAX_AGE + 1)]


def derive_norway(raw):
    path = os.path.join(raw, "csdata", "derived", "norway_population_by_age_sex_1986_2026.csv")
    cells = {}
    for i, r in enumerate(read_csv(path), start=2):
        where = "%s:%d" % (path, i)
        key = (int(r["year"]), int(r["age"]))
        if key in cells:
            die("%s: duplicate year/age %r" % (where, key))
        f, m = count(r["female"], where), count(r["male"], where)
        if f + m != count(r["total"], where):
            die("%s: female + male != total" % where)
        cells[key] = (f, m)
    rows = []
    for y in NORWAY_YEARS:
        for s, name in enumerate(SEXES):
            try:
                rows.append([y, name] + [cells[(y, a)][s] for a in range(MAX_AGE + 1)])
            except KeyError as e:
                die("%s: missing year/age %r" % (path, e.args[0]))
    if len(cells) != len(NORWAY_YEARS) * (MAX_AGE + 1):
        die("%s: unexpected cells beyond %d-%d, 0..%d" % (path, NORWAY_YEARS[0],
                                                           NORWAY_YEARS[-1], MAX_AGE))
    return rows


def derive_municipal(raw):
    path = os.path.join(raw, "csdata", "derived",
                        "municipality_population_by_age_sex_2024_2026.csv")
    cells = {}
    for i, r in enumerate(read_csv(path), start=2):
        where = "%s:%d" % (path, i)
        key = (r["municipality_code"], int(r["year"]), int(r["age"]))
        if key in cells:
            die("%s: duplicate %r" % (where, key))
        cells[key] = (count(r["female"], where), count(r["male"], where))
    codes = sorted({k[0] for k in cells})
    rows = []
    for c in codes:
        for y in MUNI_YEARS:
            for s, name in enumerate(SEXES):
                try:
                    rows.append([c, y, name] + [cells[(c, y, a)][s] for a in range(MAX_AGE + 1)])
                except KeyError as e:
                    die("%s: missing %r" % (path, e.args[0]))
    return codes, rows


def plain_name(code, official, table, what):
    if code in table:
        plain = table[code]
        if plain not in official.split("-"):
            die("%s %s: %r is not a form of %r" % (what, code, plain, official))
        return plain
    if "-" in official and official not in HYPHENATED_NORWEGIAN and what == "municipality":
        die("municipality %s: multi-language name %r has no plain form listed" % (code, official))
    return official


def derive_names(raw, codes):
    path = os.path.join(raw, "csdata", "derived", "municipality_names_2024.csv")
    rows = []
    for r in read_csv(path):
        code, county = r["municipality_code"], r["county_code"]
        rows.append([code, plain_name(code, r["municipality_name"], NORWEGIAN_NAME, "municipality"),
                     r["municipality_name"], county,
                     plain_name(county, r["county_name"], NORWEGIAN_COUNTY, "county")])
    rows.sort()
    if [r[0] for r in rows] != codes:
        die("%s: municipality codes differ from the population file" % path)
    return rows


def number(text):
    """Canonical text of a panel number ("" stays missing); rejects garbage."""
    if text == "":
        return ""
    try:
        v = float(text)
    except ValueError:
        die("not a number in the KOSTRA panel: %r" % text)
    if v < 0:
        die("negative value in the KOSTRA panel: %r" % text)
    return text


def derive_kostra(raw, codes):
    path = os.path.join(raw, "framskrivningsverktoy", "paneldata_2007_2025_2024struktur.subset.csv")
    found = {}
    for r in read_csv(path):
        y = int(r["år"])
        if y not in KOSTRA_YEARS:
            continue
        key = (r["kommunenr_2024"], y)
        if key in found:
            die("%s: duplicate %r" % (path, key))
        out = []
        for _, col in KOSTRA_COLUMNS:
            out.append(number(r[col]) if col else None)
        total, young, old = r["Y_1_a_ialt"], r["Y_1_a_0_66"], r["Y_1_a_80p"]
        mid = ""
        if total and young and old:
            m = int(total) - int(young) - int(old)
            if m < 0:
                die("%s %r: home users 0-66 + 80+ exceed the total" % (path, key))
            mid = str(m)
        out[2] = mid
        found[key] = out
    rows = []
    for c in codes:
        for y in KOSTRA_YEARS:
            if (c, y) not in found:
                die("%s: no row for municipality %s year %d" % (path, c, y))
            rows.append([c, y] + found[(c, y)])
    if len(found) != len(rows):
        die("%s: rows for municipalities not in the population file" % path)
    return rows


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("raw", nargs="?", default=os.path.join(repo, "..", "shared", "data", "raw"))
    ap.add_argument("--out", default=os.path.join(repo, "data"))
    args = ap.parse_args()

    norway = derive_norway(args.raw)
    codes, municipal = derive_municipal(args.raw)
    if len(codes) != N_MUNICIPALITIES:
        die("expected %d municipalities, found %d" % (N_MUNICIPALITIES, len(codes)))
    # The municipalities must add up to Norway exactly in the years both cover.
    for y in MUNI_YEARS:
        for s, name in enumerate(SEXES):
            nat = next(r for r in norway if r[0] == y and r[1] == name)[2:]
            tot = [0] * (MAX_AGE + 1)
            for r in municipal:
                if r[1] == y and r[2] == name:
                    tot = [a + b for a, b in zip(tot, r[3:])]
            if tot != nat:
                die("municipalities do not sum to Norway in %d (%s)" % (y, name))
    names = derive_names(args.raw, codes)
    kostra = derive_kostra(args.raw, codes)

    os.makedirs(args.out, exist_ok=True)
    write_table(os.path.join(args.out, "population_norway.csv"), PROVENANCE["population"],
                ["year", "sex"] + age_header(), norway)
    write_table(os.path.join(args.out, "population_municipalities.csv"),
                PROVENANCE["population"], ["code", "year", "sex"] + age_header(), municipal)
    write_table(os.path.join(args.out, "municipalities.csv"), PROVENANCE["names"],
                ["code", "name", "official_name", "county_code", "county_name"], names)
    write_table(os.path.join(args.out, "kostra.csv"), PROVENANCE["kostra"],
                ["code", "year"] + [c for c, _ in KOSTRA_COLUMNS], kostra)
    return 0


if __name__ == "__main__":
    sys.exit(main())
