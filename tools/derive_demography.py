#!/usr/bin/python3
"""Derive the compact demography tables in data/ from the raw public statistics.

Usage: tools/derive_demography.py [RAW_DIR] [--out DATA_DIR]

RAW_DIR defaults to ../shared/data/raw relative to the repository root (the files are
described in its SOURCES.md). Writes, deterministically (same input, same bytes):

  data/demography_mortality.csv   year,sex,m0..m105    central death rates, Norway 1990-2023
  data/demography_fertility.csv   year,f12..f55        fertility rates by mother's age 1990-2022
  data/demography_births.csv      year,female,male     live births 1990-2023
  data/demography_migration.csv   year,sex,n0..n105    net-migration residuals, Norway 1990-2025
  data/demography_municipal_migration.csv
                                  code,year,sex,n_<g>..,s_<g>..   municipal residuals and
                                  survivors by five-year age group, 2024-2025

Sources: Human Mortality Database (www.mortality.org): Norway Mx_1x1, Deaths_1x1, Births;
Human Fertility Database (www.humanfertility.org): NORasfrRR; Statistics Norway (SSB)
table 07459 population on 1 January via FHI's csdata (NLOD 2.0).

Conventions (the same as lib/demography.c, see docs/methods/demography.md):
- the open band 105+ has m = deaths 105..110+ / exposure, the exposure being the mean of
  SSB's 105+ population on 1 January of the year and of the next year;
- the cohort aged a on 1 January dies within the year with q = mb / (1 + 0.5 mb), mb the
  mean rate of its Lexis parallelogram: (m[a] + m[a+1]) / 2, at age 0 a0 m[0] + m[1] / 2,
  in the open band m[105]; births survive to 1 January with 1 - (1 - a0) q0,
  q0 = m0 / (1 + (1 - a0) m0), a0 of Andreev and Kingkade;
- the net-migration residual of year y at age x (the age reached on 1 January y+1) is
  N[y][x] = P[y+1][x] - S[x], with the survivors S[x] = P[y][x-1] (1 - q[y][x-1]) for
  1 <= x < 105, S[105] = P[y][104](1 - q[y][104]) + P[y][105](1 - q[y][105]) and
  S[0] = B (1 - (1 - a0) q0), B the year's births of the sex;
- years after HMD's last (2023) use the death rates of 2023, and their births are
  modelled as in the projection: the fertility rates of HFD's last year (2022) applied to
  the mean of the women on 1 January y and y+1, split by the sex ratio of 2014-2023.
Standard library only.
"""
import argparse
import csv
import os
import sys

MAX_AGE = 105
SEXES = ("female", "male")
MORT_YEARS = range(1990, 2024)
FERT_YEARS = range(1990, 2023)
FERT_AGES = range(12, 56)
MIG_YEARS = range(1990, 2026)
MUNI_MIG_YEARS = (2024, 2025)
# Five-year groups 0-4 .. 85-89 and 90+ (the open group ends at the open band 105).
GROUPS = [(lo, lo + 4) for lo in range(0, 90, 5)] + [(90, MAX_AGE)]

SOURCE_LINE = ("# source: Human Mortality Database (www.mortality.org), Human Fertility Database "
               "(www.humanfertility.org), Statistics Norway (SSB) table 07459 via FHI csdata, "
               "NLOD 2.0; derived by tools/derive_demography.py")


def die(msg):
    sys.stderr.write("derive_demography.py: " + msg + "\n")
    sys.exit(1)


def read_hmd(path):
    """{(year, age): (female, male)} of an HMD 1x1 file; age '110+' -> 110."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, start=1):
            parts = line.split()
            if len(parts) != 5 or not parts[0].isdigit():
                continue
            year, age = int(parts[0]), int(parts[1].rstrip("+"))
            vals = []
            for v in parts[2:4]:
                if v == ".":
                    vals.append(None)
                else:
                    try:
                        vals.append(float(v))
                    except ValueError:
                        die("%s:%d: not a number: %r" % (path, lineno, v))
            out[(year, age)] = tuple(vals)
    return out


def read_births(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 4 and parts[0].isdigit():
                out[int(parts[0])] = (float(parts[1]), float(parts[2]))
    return out


def read_asfr(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, start=1):
            parts = line.split()
            if len(parts) != 3 or not parts[0].isdigit():
                continue
            age = int(parts[1].rstrip("+-"))
            try:
                out[(int(parts[0]), age)] = float(parts[2])
            except ValueError:
                die("%s:%d: not a number: %r" % (path, lineno, parts[2]))
    return out


def read_population(path):
    """{year: {sex: [P0..P105]}} from csdata's derived national file."""
    out = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            y, a = int(row["year"]), int(row["age"])
            d = out.setdefault(y, {s: [None] * (MAX_AGE + 1) for s in SEXES})
            d["female"][a] = float(row["female"])
            d["male"][a] = float(row["male"])
    for y, d in out.items():
        for s in SEXES:
            if None in d[s]:
                die("%s: year %d %s: missing ages" % (path, y, s))
    return out


def read_municipal(path):
    out = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            c, y, a = row["municipality_code"], int(row["year"]), int(row["age"])
            d = out.setdefault(c, {}).setdefault(y, {s: [0.0] * (MAX_AGE + 1) for s in SEXES})
            d["female"][a] = float(row["female"])
            d["male"][a] = float(row["male"])
    return out


def a0(m0, sex):
    """Andreev-Kingkade (2015) a0 by m0 (HMD Methods Protocol v6)."""
    if sex == "male":
        if m0 < 0.02300:
            return 0.14929 - 1.99545 * m0
        if m0 < 0.08307:
            return 0.02832 + 3.26201 * m0
        return 0.29915
    if m0 < 0.01724:
        return 0.14903 - 2.05527 * m0
    if m0 < 0.06891:
        return 0.04667 + 3.88089 * m0
    return 0.31411


def projection_q(m, sex):
    """One-year death probabilities of the cohorts aged a on 1 January (the Lexis
    parallelogram between ages a and a+1), as pl_projection_q() in lib/demography.c."""
    q = [0.0] * (MAX_AGE + 1)
    for a in range(1, MAX_AGE):
        mb = 0.5 * (m[a] + m[a + 1])
        q[a] = mb / (1.0 + 0.5 * mb)
    q[MAX_AGE] = m[MAX_AGE] / (1.0 + 0.5 * m[MAX_AGE])
    mb = a0(m[0], sex) * m[0] + 0.5 * m[1]
    q[0] = mb / (1.0 + 0.5 * mb)
    return q


def infant_q(m0, sex):
    return m0 / (1.0 + (1.0 - a0(m0, sex)) * m0)


def mortality(mx, deaths, pop):
    """{year: {sex: [m0..m105]}}, 105 aggregated over 105..110+ with SSB exposure."""
    out = {}
    for y in MORT_YEARS:
        out[y] = {}
        for k, s in enumerate(SEXES):
            row = []
            for a in range(MAX_AGE):
                v = mx.get((y, a), (None, None))[k]
                if v is None:
                    die("Mx_1x1: year %d age %d %s missing" % (y, a, s))
                row.append(v)
            d_open = sum(deaths[(y, a)][k] for a in range(MAX_AGE, 111))
            exposure = 0.5 * (pop[y][s][MAX_AGE] + pop[y + 1][s][MAX_AGE])
            if exposure > 0 and d_open > 0:
                row.append(d_open / exposure)
            else:  # no deaths or nobody at 105+ (men around 1990): the rate of 100..104
                d = sum(deaths[(y, a)][k] for a in range(100, MAX_AGE))
                e = sum(deaths[(y, a)][k] / row[a] for a in range(100, MAX_AGE) if row[a] > 0)
                sys.stderr.write("note: %d %s: no 105+ deaths, open band m from ages 100-104\n"
                                 % (y, s))
                row.append(d / e)
            out[y][s] = row
    return out


def survivors(P, m, births, sex):
    """S[0..105] before migration, as in lib/demography.c."""
    q = projection_q(m, sex)
    S = [0.0] * (MAX_AGE + 1)
    S[0] = births * (1.0 - (1.0 - a0(m[0], sex)) * infant_q(m[0], sex))
    for x in range(1, MAX_AGE):
        S[x] = P[x - 1] * (1.0 - q[x - 1])
    S[MAX_AGE] = P[MAX_AGE - 1] * (1.0 - q[MAX_AGE - 1]) + P[MAX_AGE] * (1.0 - q[MAX_AGE])
    return S


def model_births(P0, P1, asfr, srb):
    """Births by sex as the projection computes them (women on both dates, ages >= 1)."""
    b = sum(asfr[a] * 0.5 * (P0["female"][a] + P1["female"][a]) for a in FERT_AGES)
    return {"female": b / (1.0 + srb), "male": b * srb / (1.0 + srb)}


def fmt(v, digits):
    s = "%.*f" % (digits, v)
    return "0" if float(s) == 0.0 else s


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser()
    ap.add_argument("raw", nargs="?", default=os.path.join(root, "..", "shared", "data", "raw"))
    ap.add_argument("--out", default=os.path.join(root, "data"))
    args = ap.parse_args()
    raw = args.raw
    mx = read_hmd(os.path.join(raw, "hmd_vital", "Mx_1x1.txt"))
    deaths = read_hmd(os.path.join(raw, "hmd_vital", "Deaths_1x1.txt"))
    births = read_births(os.path.join(raw, "hmd_vital", "Births.txt"))
    asfr = read_asfr(os.path.join(raw, "hmd_vital", "NORasfrRR.txt"))
    pop = read_population(os.path.join(raw, "csdata", "derived",
                                       "norway_population_by_age_sex_1986_2026.csv"))
    muni = read_municipal(os.path.join(raw, "csdata", "derived",
                                       "municipality_population_by_age_sex_2024_2026.csv"))
    m = mortality(mx, deaths, pop)
    last_m = max(MORT_YEARS)
    last_f = max(FERT_YEARS)
    f_last = {a: asfr[(last_f, a)] for a in FERT_AGES}
    srb_recent = (sum(births[y][1] for y in range(last_m - 9, last_m + 1)) /
                  sum(births[y][0] for y in range(last_m - 9, last_m + 1)))

    os.makedirs(args.out, exist_ok=True)

    def write(name, header, rows):
        with open(os.path.join(args.out, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(SOURCE_LINE + "\n")
            f.write(",".join(header) + "\n")
            for r in rows:
                f.write(",".join(r) + "\n")

    write("demography_mortality.csv", ["year", "sex"] + ["m%d" % a for a in range(MAX_AGE + 1)],
          [[str(y), s] + ["%.6g" % v for v in m[y][s]] for y in MORT_YEARS for s in SEXES])
    write("demography_fertility.csv", ["year"] + ["f%d" % a for a in FERT_AGES],
          [[str(y)] + [fmt(asfr[(y, a)], 5) for a in FERT_AGES] for y in FERT_YEARS])
    write("demography_births.csv", ["year", "female", "male"],
          [[str(y), "%d" % births[y][0], "%d" % births[y][1]] for y in MORT_YEARS])

    rows = []
    for y in MIG_YEARS:
        my = m[min(y, last_m)]
        if y in births and y <= last_m:
            b = {"female": births[y][0], "male": births[y][1]}
        else:
            b = model_births(pop[y], pop[y + 1], f_last, srb_recent)
        for s in SEXES:
            S = survivors(pop[y][s], my[s], b[s], s)
            rows.append([str(y), s] + [fmt(pop[y + 1][s][x] - S[x], 2)
                                       for x in range(MAX_AGE + 1)])
    write("demography_migration.csv", ["year", "sex"] + ["n%d" % a for a in range(MAX_AGE + 1)],
          rows)

    rows = []
    gnames = ["%d_%d" % g if g[1] < MAX_AGE else "%dp" % g[0] for g in GROUPS]
    if len(muni) != 357:
        die("expected 357 municipalities, found %d" % len(muni))
    for code in sorted(muni):
        for y in MUNI_MIG_YEARS:
            P0, P1 = muni[code][y], muni[code][y + 1]
            b = model_births(P0, P1, f_last, srb_recent)
            for s in SEXES:
                S = survivors(P0[s], m[last_m][s], b[s], s)
                res = [P1[s][x] - S[x] for x in range(MAX_AGE + 1)]
                n = [sum(res[lo:hi + 1]) for lo, hi in GROUPS]
                sv = [sum(S[lo:hi + 1]) for lo, hi in GROUPS]
                rows.append([code, str(y), s] + [fmt(v, 2) for v in n] + [fmt(v, 2) for v in sv])
    write("demography_municipal_migration.csv",
          ["code", "year", "sex"] + ["n_" + g for g in gnames] + ["s_" + g for g in gnames], rows)


if __name__ == "__main__":
    main()
