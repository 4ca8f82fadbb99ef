#!/usr/bin/python3
"""Tests of `planomsorg plan` (tools/cmd_plan.c).

Usage: test_plan.py PATH_TO_planomsorg

Checks the CSV header and measure names, identities between the rows of the long
layout (FTE by group sums to the total, users across levels, 24-hour coverage, costs),
the scenario ordering worst >= middle >= best, JSON, the Excel workbook (a valid zip
with the expected sheets and a chart, read with zipfile), the example plan files,
exit codes 2 and 64, and that no progress is printed when stderr is not a terminal.
The base-year population is compared with the raw SSB 07459 file when
$PLANOMSORG_RAW_DATA has it. Exit status 0 when all checks pass.
"""
import csv
import json
import os
import re
import sys
import tempfile
import zipfile

import clitest
from clitest import check, close

EXE = sys.argv[1]
HERE = os.path.dirname(os.path.abspath(__file__))
PLANS = os.path.join(HERE, "..", "..", "examples", "plans")
RAW = os.environ.get("PLANOMSORG_RAW_DATA", "")
POP_NORWAY = os.path.join(RAW, "csdata", "derived", "norway_population_by_age_sex_1986_2026.csv")

REQUIRED = ["population", "users", "coverage_24h_80p", "places_needed", "queue", "fte_demand",
            "fte_supply", "fte_gap", "headcount_demand", "cost_operating", "cost_investment"]
GROUPS = ["nurse", "health_worker", "assistant", "other"]
LEVELS = ["none", "low_threshold", "practical_help", "home_nursing", "housing", "housing_24h",
          "short_term", "long_term"]


def run(*args):
    return clitest.run([EXE, "plan", *args], timeout=300)


def long_rows(*args):
    rc, out, err = run("--format", "csv", *args)
    check(rc == 0, f"plan {args} exit {rc}: {err}")
    check(err == "", f"plan {args} wrote to stderr without a terminal: {err!r}")
    lines = out.splitlines()
    check(lines[:1] == ["scenario,year,measure,level,group,value"], f"CSV header {lines[:1]}")
    table = {}
    for r in csv.reader(lines[1:]):
        check(len(r) == 6, f"row {r}")
        table[(r[0], int(r[1]), r[2], r[3], r[4])] = float(r[5])
    return table


def test_usage():
    rc, out, _ = run("--help")
    check(rc == 0, "--help exit 0")
    for m in REQUIRED:
        check(m in out, f"--help names measure {m}")
    for args, code in [(["--bogus"], 64), (["--format", "xml"], 64), (["--to", "1800"], 64),
                       (["--to"], 64), (["--scenario", "medium"], 64),
                       (["--municipality", "abc"], 64), (["a.yaml", "b.yaml"], 64),
                       (["--municipality", "9999"], 2),
                       (["/nonexistent/plan.yaml"], 2)]:
        rc, out, err = run(*args)
        check(rc == code, f"plan {args}: exit {rc}, want {code} ({err.strip()})")
        check(err.startswith("planomsorg"), f"plan {args}: message on stderr: {err!r}")


def test_bad_plan_file():
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "bad.yaml")
        with open(path, "w") as f:
            f.write("region: \"0000\"\nscenarios:\n  - name: x\n    healht: 0.5\n")
        rc, _, err = run(path)
        check(rc == 2, f"bad plan file exit {rc}")
        check(f"{path}:4:5: unknown key 'healht'" in err, f"line-numbered message: {err!r}")
        with open(path, "w") as f:
            f.write("scenarios:\n  - name: x\n    dreining: {from: 2025, to: 2030, values: [1]}\n")
        rc, _, err = run(path)
        check(rc == 2 and ":3:" in err and "1 values for the 6 years" in err,
              f"bad path length: exit {rc}, {err!r}")
        good = os.path.join(d, "good.yaml")
        with open(good, "w") as f:
            f.write("scenarios: [best, middle]\n")
        rc, _, err = run(good, "--scenario", "worst")
        check(rc == 64 and "no scenario 'worst'" in err, f"--scenario not in file: {rc} {err!r}")


def test_default_plan():
    rc, out, err = run()
    check(rc == 0, f"default plan exit {rc}: {err}")
    check(err == "", "no progress without a terminal")
    for y in ("2025", "2030", "2035", "2040", "2050"):
        check(y in out, f"table shows {y}")
    for label in ("Population 80+", "24-hour coverage", "Places needed", "FTE demand",
                  "FTE supply", "FTE gap", "Operating cost", "Investment"):
        check(label in out, f"table shows {label}")
    check("scenario middle" in out, "default scenario is middle")

    t = long_rows()
    scen = {k[0] for k in t}
    check(scen == {"middle"}, f"scenarios {scen}")
    years = sorted({k[1] for k in t})
    check(years == list(range(2025, 2051)), f"years {years[:2]}..{years[-1:]}")
    measures = {k[2] for k in t}
    for m in REQUIRED:
        check(m in measures, f"measure {m} in CSV")
    for y in years:
        k = ("middle", y)
        fte = t[k + ("fte_demand", "all", "all")]
        close(sum(t[k + ("fte_demand", "all", g)] for g in GROUPS), fte, 1e-12,
              f"{y} FTE by group sums to total")
        close(sum(t[k + ("fte_demand", lv, "all")] for lv in LEVELS), fte, 1e-12,
              f"{y} FTE by level sums to total")
        pop = t[k + ("population", "all", "all")]
        close(sum(t[k + ("users", lv, "all")] for lv in LEVELS), pop, 1e-12,
              f"{y} persons across levels = population")
        close(sum(t[k + ("users", lv, "all")] for lv in LEVELS[1:]),
              t[k + ("users", "all", "all")], 1e-12, f"{y} service users")
        u24 = sum(t[k + ("users", lv, "all")] for lv in ("housing_24h", "short_term", "long_term"))
        close(u24 / t[k + ("population_80p", "all", "all")], t[k + ("coverage_24h_80p", "all", "all")],
              1e-12, f"{y} 24-hour coverage")
        close(t[k + ("cost_operating", "all", "all")] + t[k + ("cost_investment", "all", "all")],
              t[k + ("cost_total", "all", "all")], 1e-12, f"{y} cost total")
        close(t[k + ("fte_supply", "all", "all")] - fte, t[k + ("fte_gap", "all", "all")], 1e-9,
              f"{y} gap")
    if os.path.exists(POP_NORWAY):
        total = 0.0
        with open(POP_NORWAY, newline="") as f:
            for r in csv.DictReader(row for row in f if not row.startswith("#")):
                if int(r["year"]) == 2025:
                    total += float(r["total"])
        close(t[("middle", 2025, "population", "all", "all")], total, 1e-12,
              "base-year population = SSB 07459 1 January 2025")
    else:
        print("SKIP: raw population file not found; base-year population check skipped")


def test_scenarios_json_xlsx():
    t = long_rows("--scenario", "all", "--to", "2040")
    check({k[0] for k in t} == {"worst", "middle", "best"}, "three scenarios")
    check(max(k[1] for k in t) == 2040, "--to 2040")
    for y in range(2026, 2041):
        w, m, b = (t[(s, y, "fte_demand", "all", "all")] for s in ("worst", "middle", "best"))
        check(w > m > b, f"{y}: FTE worst {w:.0f} > middle {m:.0f} > best {b:.0f}")

    rc, out, err = run("--format", "json", "--scenario", "all", "--to", "2040")
    check(rc == 0, f"json exit {rc}: {err}")
    rows = json.loads(out)
    check(len(rows) == len(t), f"JSON rows {len(rows)} = CSV rows {len(t)}")
    check(set(rows[0]) == {"scenario", "year", "measure", "level", "group", "value"},
          f"JSON keys {sorted(rows[0])}")

    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "plan.xlsx")
        rc, out, err = run("--scenario", "all", "--to", "2040", "--xlsx", path)
        check(rc == 0 and os.path.exists(path), f"xlsx written: exit {rc} {err}")
        check(zipfile.is_zipfile(path), "xlsx is a zip")
        with zipfile.ZipFile(path) as z:
            check(z.testzip() is None, "zip members intact")
            wb = z.read("xl/workbook.xml").decode("utf-8")
            names = re.findall(r'<sheet name="([^"]+)"', wb)
            check(names == ["Summary", "Data", "FTE demand", "Staff gap", "Band"], f"sheets {names}")
            charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
            check(len(charts) == 1, f"one chart: {charts}")
            chart = z.read(charts[0]).decode("utf-8")
            check(chart.count("<c:ser>") == 3, "chart has one series per scenario")
        rc, _, err = run("--xlsx", "/nonexistent/dir/x.xlsx")
        check(rc == 2, f"unwritable xlsx exit {rc}: {err}")


def test_examples():
    norway = os.path.join(PLANS, "norway.yaml")
    t = long_rows(norway)
    check({k[0] for k in t} == {"worst", "middle", "best"}, "norway.yaml scenarios")
    small = [p for p in os.listdir(PLANS) if p != "norway.yaml" and p.endswith(".yaml")]
    check(len(small) >= 1, "a small-municipality plan in examples/plans")
    for name in small:
        t = long_rows(os.path.join(PLANS, name))
        check(len(t) > 0, f"{name} runs")
        q = [v for k, v in t.items() if k[2] == "queue" and k[3] == "long_term"]
        check(len(q) > 0, f"{name} reports long-term queues")


def main():
    test_usage()
    test_bad_plan_file()
    test_default_plan()
    test_scenarios_json_xlsx()
    test_examples()
    return clitest.summary()


if __name__ == "__main__":
    sys.exit(main())
