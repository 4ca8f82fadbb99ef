#!/usr/bin/python3
"""Tests of `planomsorg profile` (tools/cmd_profile.c).

Usage: test_profile.py PATH_TO_planomsorg

Every figure is checked against an independent computation from the raw public
files under $PLANOMSORG_RAW_DATA (SSB 07459 population from csdata; the KOSTRA/IPLOS
panel subset of Telemarksforsking), read here with the csv module, never from the
program's own output. Checks that need the raw files are skipped when they are absent;
usage, exit-status and format checks always run. Exit status 0 when all checks pass.
"""
import csv
import functools
import json
import math
import os
import sys

import clitest
from clitest import check, close

EXE = sys.argv[1]
RAW = os.environ.get("PLANOMSORG_RAW_DATA", "")
PANEL = os.path.join(RAW, "framskrivningsverktoy", "paneldata_2007_2025_2024struktur.subset.csv")
POP_NORWAY = os.path.join(RAW, "csdata", "derived", "norway_population_by_age_sex_1986_2026.csv")
POP_MUNI = os.path.join(RAW, "csdata", "derived",
                        "municipality_population_by_age_sex_2024_2026.csv")
HAVE_RAW = all(os.path.exists(p) for p in (PANEL, POP_NORWAY, POP_MUNI))

REL = 1e-12  # coverage, ratios: the same divisions in double precision
close = functools.partial(close, missing_equal=True)  # NA (suppressed) cells agree


def run(*args):
    return clitest.run([EXE, *args], timeout=120)


def profile_csv(*args):
    rc, out, err = run("profile", "--format", "csv", *args)
    check(rc == 0, f"profile {args} exit {rc}: {err}")
    lines = out.splitlines()
    check(lines and lines[0] == "indicator,value", f"CSV header of {args}: {lines[:1]}")
    rows = list(csv.reader(lines[1:]))
    names = [r[0] for r in rows]
    check(len(names) == len(set(names)), f"duplicate indicator names in {args}")
    return {r[0]: r[1] for r in rows}, names


def num(text):
    return math.nan if text == "NA" else float(text)


# ---------------------------------------------------------------- raw data, independently

def read_population():
    """{region: {year: [persons at age 0..105, both sexes]}}, region '0000' = Norway."""
    pop = {}
    with open(POP_NORWAY, newline="") as f:
        for r in csv.DictReader(f):
            pop.setdefault("0000", {}).setdefault(int(r["year"]), [0.0] * 106)[
                int(r["age"])] += float(r["male"]) + float(r["female"])
    with open(POP_MUNI, newline="") as f:
        for r in csv.DictReader(f):
            pop.setdefault(r["municipality_code"], {}).setdefault(int(r["year"]), [0.0] * 106)[
                int(r["age"])] += float(r["male"]) + float(r["female"])
    return pop


def band(ages, lo, hi=105):
    return sum(ages[lo:hi + 1])


PANEL_COLUMNS = {
    "home_users": "Y_1_a_ialt", "home_users_0_66": "Y_1_a_0_66",
    "home_users_80p": "Y_1_a_80p", "housing24": "Y_2_ialt",
    "longterm": "Y_3_a_ialt", "longterm_0_66": "Y_3_a_0_66",
    "longterm_67_79": "Y_3_a_67_79", "longterm_80p": "Y_3_a_80p",
    "nurse_fte": "Y_5_ialt", "home_nursing_hours": "Y_4_ialt",
}


def read_panel():
    """{(code, year): {indicator: value or nan}} for the 357 municipalities."""
    panel = {}
    with open(PANEL, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            v = {k: (float(r[c]) if r[c] != "" else math.nan) for k, c in PANEL_COLUMNS.items()}
            # 12292 has no 67-79 code: the 67-79 users are the rest of the total.
            v["home_users_67_79"] = v["home_users"] - v["home_users_0_66"] - v["home_users_80p"]
            panel[(r["kommunenr_2024"], int(r["år"]))] = v
    return panel


def norway_sum(panel, year, name):
    """data.h: a Norway count is the sum over the municipalities of the cells not suppressed."""
    return sum(v[name] for (c, y), v in panel.items() if y == year and not math.isnan(v[name]))


def expected(pop, panel, code, year):
    ages = pop[code][year]
    e = {
        "population_0_66": band(ages, 0, 66), "population_67_79": band(ages, 67, 79),
        "population_80_89": band(ages, 80, 89), "population_90p": band(ages, 90),
        "population_0_19": band(ages, 0, 19), "population_20_66": band(ages, 20, 66),
        "population_67p": band(ages, 67), "population_80p": band(ages, 80),
        "population_all": band(ages, 0), "population_50_66": band(ages, 50, 66),
        "population_85p": band(ages, 85),
    }
    e["ratio_67p_per_20_66"] = e["population_67p"] / e["population_20_66"]
    e["ratio_80p_per_20_66"] = e["population_80p"] / e["population_20_66"]
    e["ratio_50_66_per_85p"] = e["population_50_66"] / e["population_85p"]
    if code == "0000":
        k = {n: norway_sum(panel, year, n) for n in PANEL_COLUMNS if n != "home_nursing_hours"}
        k["home_users_67_79"] = norway_sum(panel, year, "home_users_67_79")
        # data.h: Norway's mean hours are weighted by the municipalities' home-service users
        both = [v for (c, y), v in panel.items() if y == year and
                not math.isnan(v["home_nursing_hours"]) and not math.isnan(v["home_users"])]
        k["home_nursing_hours"] = (sum(v["home_nursing_hours"] * v["home_users"] for v in both) /
                                   sum(v["home_users"] for v in both))
    else:
        k = dict(panel[(code, year)])
    e.update(k)
    p80 = e["population_80p"]
    e["coverage_longterm_80p"] = e["longterm_80p"] / p80
    e["coverage_longterm_all_per_80p"] = e["longterm"] / p80
    e["coverage_24h_80p"] = (e["longterm"] + e["housing24"]) / p80
    e["coverage_home_80p"] = e["home_users_80p"] / p80
    e["coverage_longterm_67p"] = (e["longterm_67_79"] +
                                  e["longterm_80p"]) / e["population_67p"]
    e["coverage_longterm_67p_std"] = std_coverage(pop, code, year, e)
    return e


def std_coverage(pop, code, year, e):
    """Direct standardisation over 67-79 and 80+ with Norway's population of the year."""
    nor = pop["0000"][year]
    w = [band(nor, 67, 79), band(nor, 80)]
    r = [e["longterm_67_79"] / e["population_67_79"],
         e["longterm_80p"] / e["population_80p"]]
    return (r[0] * w[0] + r[1] * w[1]) / (w[0] + w[1])


def ranks(values):
    """Competition ranking, 1 = highest, missing values unranked: {code: rank}."""
    finite = [v for v in values.values() if not math.isnan(v)]
    return {c: (1 + sum(1 for x in finite if x > v) if not math.isnan(v) else math.nan)
            for c, v in values.items()}, len(finite)


def municipal_coverages(pop, panel, year):
    crude, std = {}, {}
    for (code, y), v in panel.items():
        if y != year:
            continue
        ages = pop[code][year]
        e = {"population_67_79": band(ages, 67, 79), "population_80p": band(ages, 80),
             "longterm_67_79": v["longterm_67_79"],
             "longterm_80p": v["longterm_80p"]}
        crude[code] = v["longterm_80p"] / e["population_80p"]
        std[code] = std_coverage(pop, code, year, e)
    return crude, std


def compare(got, exp, what):
    for name, value in exp.items():
        check(name in got, f"{what}: indicator {name} missing")
        if name in got:
            close(num(got[name]), value, what=f"{what} {name}")


# ---------------------------------------------------------------- the checks

def test_usage():
    rc, out, err = run("profile", "--help")
    check(rc == 0 and "usage: planomsorg profile" in out, "profile --help")
    rc, out2, _ = run("--version")
    check(rc == 0 and out2.startswith("planomsorg "), f"--version: {out2!r}")
    rc, top, _ = run("--help")
    check(rc == 0 and "profile" in top, "top-level --help lists profile")
    return out


BAD_USAGE = [
    (["--bogus"], "unknown option"),
    (["extra"], "unknown option or argument"),
    (["--format", "xml"], "not one of table, csv, json"),
    (["--format"], "needs an argument"),
    (["--year", "abc"], "not a whole number"),
    (["--year", "20x4"], "not a whole number"),
    (["--year"], "needs an argument"),
    (["--year", "-5"], "outside"),
    (["--municipality"], "needs an argument"),
    (["--municipality", "50"], "four-digit"),
    (["--municipality", "Oslo"], "four-digit"),
]

NO_DATA = [
    (["--municipality", "9999"], "unknown municipality '9999'"),
    (["--municipality", "0300"], "unknown municipality"),
    (["--year", "2023"], "no KOSTRA data"),
    (["--year", "2026"], "no KOSTRA data"),
    (["--year", "1900"], "no population"),
    (["--municipality", "5001", "--year", "2023"], "no population"),
    (["--municipality", "5001", "--year", "2030"], "no population"),
]


def test_exit_codes():
    for args, fragment in BAD_USAGE:
        rc, out, err = run("profile", *args)
        check(rc == 64, f"profile {args}: exit {rc}, want 64")
        check(fragment in err, f"profile {args}: message {err!r} lacks {fragment!r}")
        check(out == "", f"profile {args}: printed to stdout")
    for args, fragment in NO_DATA:
        rc, out, err = run("profile", *args)
        check(rc == 2, f"profile {args}: exit {rc}, want 2")
        check(fragment in err, f"profile {args}: message {err!r} lacks {fragment!r}")
    rc, _, err = run("nosuchcommand")
    check(rc == 64, "unknown command exits 64")


def test_formats(help_text):
    for args in ([], ["--municipality", "5001"], ["--municipality", "1151", "--year", "2024"]):
        got, names = profile_csv(*args)
        for n in names:
            check(n in help_text, f"indicator {n} not documented in --help")
        for n in names:
            check(n.replace("_", "").isalnum() and n == n.lower(), f"name {n} not snake_case")
        rc, out, err = run("profile", "--format", "json", *args)
        check(rc == 0, f"json {args}: {err}")
        doc = json.loads(out)
        check(isinstance(doc, list) and [d["indicator"] for d in doc] == names,
              f"JSON {args} carries the CSV indicators in order")
        for d in doc:
            c = got[d["indicator"]]
            if d["value"] is None:
                check(c == "NA", f"JSON null vs CSV {c!r} ({d['indicator']})")
            elif isinstance(d["value"], str):
                check(d["value"] == c, f"JSON {d} vs CSV {c!r}")
            else:
                check(float(c) == float(d["value"]), f"JSON {d} vs CSV {c!r}")
        rc, table, err = run("profile", *args)
        check(rc == 0, f"table {args}: {err}")
        check(table.startswith(f"Profile of {got['region_name']}") and got["year"] in
              table.splitlines()[0], f"table title {table.splitlines()[:1]}")
        check("Coverage" in table, "table has a coverage section")
        if got["coverage_longterm_80p"] != "NA":
            check(" %" in table, "table prints coverage as percentages")
    # --opt=value is the same as --opt value
    a, _ = profile_csv("--municipality=5001", "--year=2024")
    b, _ = profile_csv("--municipality", "5001", "--year", "2024")
    check(a == b, "--opt=value equals --opt value")
    # 0000 is Norway
    a, _ = profile_csv("--municipality", "0000", "--year", "2024")
    b, _ = profile_csv("--year", "2024")
    check(a == b and a["region_code"] == "0000" and a["region_name"] == "Norway", "0000 = Norway")


def test_figures(pop, panel):
    # default year: the latest with both population and KOSTRA data
    latest = max(y for (c, y) in panel if y in pop["0000"] and y in pop["5001"])
    got, _ = profile_csv()
    check(got["year"] == str(latest), f"default year {got['year']} != {latest}")
    got, _ = profile_csv("--municipality", "5001")
    check(got["year"] == str(latest), f"default year of 5001 {got['year']} != {latest}")

    # Norway 2024: the published check figures of SOURCES.md
    got, _ = profile_csv("--year", "2024")
    check(num(got["population_80p"]) == 256485, "Norway 2024 population 80+ = 256,485")
    check(num(got["population_all"]) == 5550203, "Norway 2024 population = 5,550,203")
    check(num(got["longterm_80p"]) == 20629, "Norway 2024 long-term 80+ = 20,629")
    check(abs(num(got["coverage_longterm_80p"]) - 20629 / 256485) < 1e-6,
          "Norway 2024 coverage_longterm_80p = 20,629 / 256,485")
    check(num(got["home_users_80p"]) == 70059, "Norway 2024 home users 80+ = 70,059")
    check(num(got["housing24"]) == 27296, "Norway 2024 24-h residents = 27,296")

    for year in (2024, 2025):
        crude, std = municipal_coverages(pop, panel, year)
        rank_crude, n_crude = ranks(crude)
        rank_std, n_std = ranks(std)
        for code in ("0000", "5001", "0301", "4601", "1151", "1144"):
            got, _ = profile_csv("--municipality", code, "--year", str(year))
            exp = expected(pop, panel, code, year)
            compare(got, exp, f"{code} {year}")
            check(got["region_code"] == code and got["year"] == str(year), f"{code} {year} meta")
            if code != "0000":
                close(num(got["rank_coverage_longterm_80p"]), rank_crude[code],
                      what=f"{code} {year} rank crude")
                close(num(got["rank_coverage_longterm_67p_std"]), rank_std[code],
                      what=f"{code} {year} rank std")
            else:
                # identity: Norway standardised to itself is its crude rate
                close(num(got["coverage_longterm_67p_std"]), num(got["coverage_longterm_67p"]),
                      what=f"Norway {year} std = crude")
                check(got["rank_coverage_longterm_80p"] == "NA", "Norway is not ranked")
            check(num(got["n_ranked_coverage_longterm_80p"]) == n_crude,
                  f"{code} {year} n ranked crude {got['n_ranked_coverage_longterm_80p']} != {n_crude}")
            check(num(got["n_ranked_coverage_longterm_67p_std"]) == n_std,
                  f"{code} {year} n ranked std")

    # a municipality with suppressed cells: Utsira 2024 has no long-term counts
    got, _ = profile_csv("--municipality", "1151", "--year", "2024")
    check(math.isnan(panel[("1151", 2024)]["longterm_80p"]), "Utsira 2024 is suppressed")
    for n in ("longterm", "longterm_80p", "coverage_longterm_80p",
              "coverage_longterm_all_per_80p", "coverage_24h_80p", "coverage_longterm_67p_std",
              "rank_coverage_longterm_80p", "rank_coverage_longterm_67p_std"):
        check(got[n] == "NA", f"Utsira 2024 {n} = {got[n]!r}, want NA")
    rc, table, _ = run("profile", "--municipality", "1151", "--year", "2024")
    check(rc == 0 and "NA" in table, "table shows NA for suppressed cells")


def main():
    help_text = test_usage()
    test_exit_codes()
    test_formats(help_text)
    if HAVE_RAW:
        test_figures(read_population(), read_panel())
    else:
        print("SKIP: raw data not found under PLANOMSORG_RAW_DATA; figure checks skipped")
    return clitest.summary()


if __name__ == "__main__":
    sys.exit(main())
